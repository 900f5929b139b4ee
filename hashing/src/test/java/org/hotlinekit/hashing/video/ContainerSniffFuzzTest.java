package org.hotlinekit.hashing.video;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.hotlinekit.hashing.testing.FuzzFiles;

/** Untrusted file heads: the container tests answer, without an exception, for any bytes. */
class ContainerSniffFuzzTest {
  @FuzzTest(maxDuration = "60s")
  void sniff(byte[] data) throws Exception {
    FuzzFiles.withFile(data, ".mp4", file -> {
      Streams.decodableFromStream(file);
      VideoHasher.mayBeVideo(file);
    });
  }
}
