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

  /**
   * Digest index files whose checksum is made right, so the fuzzer reaches the structure checks
   * behind it: a file that opens must answer consistently ({@code contains} agrees with {@code
   * find} and {@code containsEach}) and never throw anything but a HotlinekitException.
   */
  @FuzzTest(maxDuration = "60s")
  void readDigestIndexWithValidChecksum(byte[] data) throws IOException {
    if (data.length >= 8) {
      java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
      crc.update(data, 0, data.length - 8);
      java.nio.ByteBuffer.wrap(data).putLong(data.length - 8, crc.getValue());
    }
    Path file = Files.createTempFile("fuzz", ".dgidx");
    try {
      Files.write(file, data);
      DigestIndex index = DigestIndex.read(file);
      java.util.List<org.hotlinekit.core.digest.Digest> queries = new java.util.ArrayList<>();
      int len = index.algorithm().byteLength();
      for (int q = 0; q < 8; q++) {
        byte[] b = new byte[len];
        for (int k = 0; k < len && q > 0; k++) {
          b[k] = data[(q * 31 + k) % data.length];
        }
        queries.add(org.hotlinekit.core.digest.Digest.of(index.algorithm(), b));
      }
      boolean[] each = index.containsEach(queries);
      for (int q = 0; q < queries.size(); q++) {
        boolean found = index.find(queries.get(q)).length > 0;
        if (found != index.contains(queries.get(q)) || found != each[q]) {
          throw new AssertionError("find, contains and containsEach disagree on " + q);
        }
      }
    } catch (HotlinekitException expected) {
      // A clear refusal is the correct outcome for a bad file.
    } finally {
      Files.deleteIfExists(file);
    }
  }
}
