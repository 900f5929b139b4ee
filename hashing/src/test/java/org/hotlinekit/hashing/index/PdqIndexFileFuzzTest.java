package org.hotlinekit.hashing.index;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hotlinekit.core.HotlinekitException;
import org.hotlinekit.core.pdq.PdqHash;

/**
 * Untrusted index files (PDQ and digest): opening one returns a working index or throws a
 * HotlinekitException.
 */
class PdqIndexFileFuzzTest {
  @FuzzTest(maxDuration = "60s")
  void read(byte[] data) throws IOException {
    Path file = Files.createTempFile("fuzz", ".pdqidx");
    try {
      Files.write(file, data);
      PdqIndex index = PdqIndex.read(file);
      index.search(PdqHash.zero(), 31);
      index.scan(PdqHash.zero(), 64);
    } catch (HotlinekitException expected) {
      // A clear refusal is the correct outcome for a bad file.
    } finally {
      Files.deleteIfExists(file);
    }
  }

  @FuzzTest(maxDuration = "60s")
  void readDigestIndex(byte[] data) throws IOException {
    Path file = Files.createTempFile("fuzz", ".dgidx");
    try {
      Files.write(file, data);
      DigestIndex index = DigestIndex.read(file);
      index.contains(org.hotlinekit.core.digest.Digest.parse("d41d8cd98f00b204e9800998ecf8427e"));
    } catch (HotlinekitException expected) {
      // A clear refusal is the correct outcome for a bad file.
    } finally {
      Files.deleteIfExists(file);
    }
  }
}
