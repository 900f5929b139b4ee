package org.hotlinekit.hashing.match;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.hotlinekit.core.pdq.PdqHash;
import org.hotlinekit.core.hash.HashType;
import org.hotlinekit.core.hash.HashValue;
import org.hotlinekit.hashing.testing.FuzzFiles;

/**
 * Untrusted indexed-list files: opening one gives a working matcher whose every entry decodes,
 * or a HotlinekitException.
 */
class IndexedListFuzzTest {
  @FuzzTest(maxDuration = "60s")
  void read(byte[] data) throws Exception {
    FuzzFiles.withFile(data, ".hlx", file -> {
      IndexedList opened = IndexedList.read(file);
      Matcher m = Matcher.builder().list(opened).allowEmptyLists().build();
      opened.list(); // every entry record decoded
      m.match(HashValue.of(PdqHash.zero()));
      m.match(HashValue.parse(HashType.MD5, "d41d8cd98f00b204e9800998ecf8427e"));
    });
  }
}
