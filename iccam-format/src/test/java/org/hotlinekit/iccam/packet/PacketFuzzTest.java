package org.hotlinekit.iccam.packet;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.hotlinekit.core.HotlinekitException;

/**
 * Untrusted packets: opening one gives verified content or a HotlinekitException. Two entry
 * points: the whole packet, and the inner content (anyone who has the reader's certificate can
 * encrypt to it, so the SignedData parser and everything after it run on content an attacker
 * chose, before any signature is checked).
 */
class PacketFuzzTest {
  private static final PacketReader READER = PacketReader.builder()
      .recipient(TestPki.INSTANCE.ecRecipient.key(), TestPki.INSTANCE.ecRecipient.cert())
      .trustAnchor(TestPki.INSTANCE.ca.cert()).maxBytes(1 << 20)
      .replayGuard(ReplayGuard.none()).build();

  @FuzzTest(maxDuration = "60s")
  void open(byte[] data) {
    try {
      READER.open(data);
    } catch (HotlinekitException expected) {
      // A clear refusal, of one of the documented kinds.
    }
  }

  @FuzzTest(maxDuration = "60s")
  void openInner(byte[] inner) throws Exception {
    byte[] packet = TestEnvelopes.envelope(inner, TestPki.INSTANCE.ecRecipient.cert());
    try {
      READER.open(packet);
    } catch (HotlinekitException expected) {
      // A clear refusal, of one of the documented kinds.
    }
  }
}
