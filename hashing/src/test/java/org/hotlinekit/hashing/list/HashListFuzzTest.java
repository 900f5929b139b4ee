package org.hotlinekit.hashing.list;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import org.hotlinekit.core.HotlinekitException;
import org.hotlinekit.hashing.testing.FuzzFiles;
import org.hotlinekit.core.hash.HashType;

/**
 * Untrusted list files: detection and every reader return a result or throw a
 * HotlinekitException.
 */
class HashListFuzzTest {
  @FuzzTest(maxDuration = "60s")
  void readAnyFormat(byte[] data) throws IOException {
    String text = new String(data, StandardCharsets.UTF_8);
    for (HashListFormat f : new HashListFormat[] {
      HashListFormat.plainHex(HashType.PDQ), HashListFormat.threatExchange(),
      HashListFormat.jsonLines(), HashListFormat.pythonThreatExchangeCsv(),
      HashListFormat.ncmecHashSharingXml(), HashListFormat.stopNcii(), HashListFormat.stix()}) {
      for (boolean strict : new boolean[] {false, true}) {
        try {
          f.read(new BufferedReader(new StringReader(text)), "fuzz", strict, e -> { });
        } catch (HotlinekitException expected) {
          // Strict mode refuses the first bad line, and a broken document fails; that is correct.
        }
      }
    }
  }

  /** A list file of unknown format, as the CLI and a user's code take it: detect, then read. */
  @FuzzTest(maxDuration = "60s")
  void detectThenRead(byte[] data) throws Exception {
    FuzzFiles.withFile(data, ".list", file -> {
      HashListFormat f = HashListFormat.detect(file);
      f.read(file, false, e -> { });
    });
  }
}
