package org.hotlinekit.hashing.list;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import org.hotlinekit.core.HotlinekitException;

/** Untrusted list files: every reader returns a report or throws a HotlinekitException. */
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
}
