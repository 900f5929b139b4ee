package org.hotlinekit.hashing.match;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import org.hotlinekit.core.pdq.PdqHash;
import org.hotlinekit.core.hash.HashType;
import org.hotlinekit.core.hash.HashValue;
import org.hotlinekit.hashing.testing.FuzzFiles;

/**
 * Untrusted indexed-list files: opening one gives a working matcher whose every entry decodes
 * (a PDQ, an MD5 and a vPDQ query matched, everything checked), or a HotlinekitException.
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
      // A video query reads the video index and decodes the videos its frames find.
      m.match(org.hotlinekit.hashing.video.VpdqHash.of(List.of(
          new org.hotlinekit.hashing.video.VpdqFeature(0, PdqHash.zero(), 100, 0.0))).toValue());
      opened.checkAll();
    });
  }

  /**
   * Untrusted delta segments ({@code FILE.delta}): the fuzzed bytes follow a valid header for a
   * base, inside a region with valid block checksums (else every input would stop at the
   * checksum), so the parser of the changes is what is fuzzed; the changes it gives are applied
   * to a list and matched.
   */
  @FuzzTest(maxDuration = "60s")
  void readDeltaSegment(byte[] data) throws Exception {
    byte[] identity = new byte[32];
    java.nio.ByteBuffer head = java.nio.ByteBuffer.allocate(12 + 32 + data.length);
    head.putLong(DeltaFile.MAGIC).putInt(DeltaFile.VERSION).put(identity).put(data);
    java.nio.file.Path file = java.nio.file.Files.createTempFile("fuzz", ".delta");
    try {
      org.hotlinekit.hashing.internal.BinaryIo.writeFile(file, ch -> {
        org.hotlinekit.hashing.internal.CheckedRegion.Writer w =
            new org.hotlinekit.hashing.internal.CheckedRegion.Writer(ch);
        w.write(head.flip());
        w.finish();
      });
      DeltaFile.Contents c = DeltaFile.read(file, identity);
      IndexedList l = IndexedList.of(new org.hotlinekit.hashing.list.HashList("l", "fuzz",
          java.util.List.of())).apply(c.changes());
      Matcher.builder().list(l).allowEmptyLists().build().match(HashValue.of(PdqHash.zero()));
      l.list();
    } catch (org.hotlinekit.core.HotlinekitException expected) {
      // A clear refusal is the correct outcome for a bad segment.
    } finally {
      java.nio.file.Files.deleteIfExists(file);
    }
  }
}
