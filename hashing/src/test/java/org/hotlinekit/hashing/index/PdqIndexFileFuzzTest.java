package org.hotlinekit.hashing.index;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.hotlinekit.core.digest.Digest;
import org.hotlinekit.core.pdq.PdqHash;
import org.hotlinekit.hashing.testing.FuzzFiles;
import org.hotlinekit.hashing.testing.Regions;

/**
 * Untrusted index files (PDQ and digest): opening one returns a working index or throws a
 * HotlinekitException.
 */
class PdqIndexFileFuzzTest {
  @FuzzTest(maxDuration = "60s")
  void read(byte[] data) throws Exception {
    FuzzFiles.withFile(data, ".pdqidx", file -> {
      PdqIndex index = PdqIndex.read(file);
      index.search(PdqHash.zero(), 31);
      index.scan(PdqHash.zero(), 64);
    });
    // The same bytes opened in place: the checks happen as queries read, one by one and in a
    // batch, which must agree.
    FuzzFiles.withFile(data, ".pdqidx", file -> {
      PdqIndex index = PdqIndexFileTest.mapped(file);
      PdqHash other = PdqHash.fromWords(new long[] {-1L, 0x5555555555555555L, 0, -1L});
      List<PdqMatch> zero = index.search(PdqHash.zero(), 31);
      if (!index.searchAll(List.of(PdqHash.zero(), other), 31)
          .equals(List.of(zero, index.search(other, 31)))) {
        throw new AssertionError("searchAll and search disagree");
      }
      index.scan(PdqHash.zero(), 64);
      index.checkAll();
    });
  }

  @FuzzTest(maxDuration = "60s")
  void readDigestIndex(byte[] data) throws Exception {
    FuzzFiles.withFile(data, ".dgidx", file -> DigestIndex.read(file)
        .contains(Digest.parse("d41d8cd98f00b204e9800998ecf8427e")));
  }

  /**
   * Digest index files whose block checksums are made right (when the trailer is consistent), so the fuzzer reaches the structure checks
   * behind it: a file that opens must answer consistently ({@code contains} agrees with {@code
   * find} and {@code containsEach}) and never throw anything but a HotlinekitException.
   */
  @FuzzTest(maxDuration = "60s")
  void readDigestIndexWithValidChecksum(byte[] data) throws Exception {
    ByteBuffer t = ByteBuffer.wrap(data).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    if (data.length >= Regions.TRAILER) {
      long length = t.getLong(data.length - Regions.TRAILER);
      int shift = t.getInt(data.length - Regions.TRAILER + 12);
      if (shift >= 6 && shift <= 20 && length >= 0 && length < data.length) {
        long blocks = (length + (1L << shift) - 1) >>> shift;
        if (length + 4 * blocks + Regions.TRAILER == data.length) {
          Regions.reseal(data, 0, data.length);
        }
      }
    }
    FuzzFiles.withFile(data, ".dgidx", file -> {
      DigestIndex index = DigestIndex.read(file);
      List<Digest> queries = new ArrayList<>();
      int len = index.algorithm().byteLength();
      for (int q = 0; q < 8; q++) {
        byte[] b = new byte[len];
        for (int k = 0; k < len && q > 0; k++) {
          b[k] = data[(q * 31 + k) % data.length];
        }
        queries.add(Digest.of(index.algorithm(), b));
      }
      boolean[] each = index.containsEach(queries);
      for (int q = 0; q < queries.size(); q++) {
        boolean found = index.find(queries.get(q)).length > 0;
        if (found != index.contains(queries.get(q)) || found != each[q]) {
          throw new AssertionError("find, contains and containsEach disagree on " + q);
        }
      }
    });
  }
}
