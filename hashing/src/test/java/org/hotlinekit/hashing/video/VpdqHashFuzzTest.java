package org.hotlinekit.hashing.video;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.assertj.core.api.Assertions;
import org.hotlinekit.core.HotlinekitException;

/** Untrusted vPDQ text: a hash that writes back to what it read, or a HotlinekitException. */
class VpdqHashFuzzTest {
  @FuzzTest(maxDuration = "60s")
  void readReferenceText(byte[] data) {
    try {
      VpdqHash h = VpdqHash.parseReferenceText(new String(data, StandardCharsets.UTF_8), "fuzz");
      Assertions.assertThat(VpdqHash.parseReferenceText(h.toReferenceText(), "again"))
          .isEqualTo(h);
    } catch (HotlinekitException expected) {
      // Refused with a reason: correct for bad input.
    }
  }

  @FuzzTest(maxDuration = "60s")
  void readSignal(byte[] data) {
    try {
      VpdqHash h = VpdqHash.parseSignal(new String(data, StandardCharsets.UTF_8), "fuzz");
      Assertions.assertThat(VpdqHash.parseSignal(h.toSignal(), "again").features())
          .hasSameSizeAs(h.features());
    } catch (HotlinekitException expected) {
      // Refused with a reason: correct for bad input.
    }
  }
}
