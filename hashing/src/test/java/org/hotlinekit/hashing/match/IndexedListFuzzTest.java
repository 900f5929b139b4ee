package org.hotlinekit.hashing.match;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hotlinekit.core.HotlinekitException;
import org.hotlinekit.core.pdq.PdqHash;
import org.hotlinekit.hashing.list.HashValue;

/** Untrusted indexed-list files: opening one gives a working matcher or a HotlinekitException. */
class IndexedListFuzzTest {
  @FuzzTest(maxDuration = "60s")
  void read(byte[] data) throws IOException {
    Path file = Files.createTempFile("fuzz", ".hlx");
    try {
      Files.write(file, data);
      IndexedList list = IndexedList.read(file);
      Matcher m = Matcher.builder().list(list).build();
      m.match(HashValue.of(PdqHash.zero()));
      m.match(HashValue.parse(org.hotlinekit.hashing.list.HashType.MD5,
          "d41d8cd98f00b204e9800998ecf8427e"));
    } catch (HotlinekitException expected) {
      // A clear refusal is the correct outcome for a bad file.
    } finally {
      Files.deleteIfExists(file);
    }
  }
}
