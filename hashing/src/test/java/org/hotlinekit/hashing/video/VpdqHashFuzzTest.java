package org.hotlinekit.hashing.video;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.assertj.core.api.Assertions;
import org.hotlinekit.core.HotlinekitException;

/**
 * Untrusted vPDQ text: a hash, or a HotlinekitException. The text forms keep timestamps to three
 * decimals, so what is written and read back once is then stable: writing it again and reading it
 * gives the same hash.
 */
class VpdqHashFuzzTest {
  @FuzzTest(maxDuration = "60s")
  void readReferenceText(byte[] data) {
    try {
      VpdqHash h = VpdqHash.parseReferenceText(new String(data, StandardCharsets.UTF_8), "fuzz");
      VpdqHash once = VpdqHash.parseReferenceText(h.toReferenceText(), "once");
      Assertions.assertThat(once.features()).hasSameSizeAs(h.features());
      Assertions.assertThat(VpdqHash.parseReferenceText(once.toReferenceText(), "twice"))
          .isEqualTo(once);
    } catch (HotlinekitException expected) {
      // Refused with a reason: correct for bad input.
    }
  }

  @FuzzTest(maxDuration = "60s")
  void readSignal(byte[] data) {
    try {
      VpdqHash h = VpdqHash.parseSignal(new String(data, StandardCharsets.UTF_8), "fuzz");
      VpdqHash once = VpdqHash.parseSignal(h.toSignal(), "once");
      Assertions.assertThat(once.features()).hasSameSizeAs(h.features());
      Assertions.assertThat(VpdqHash.parseSignal(once.toSignal(), "twice")).isEqualTo(once);
    } catch (HotlinekitException expected) {
      // Refused with a reason: correct for bad input.
    }
  }
}
