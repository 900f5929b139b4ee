package org.hotlinekit.iccam.packet;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.hotlinekit.core.HotlinekitException;

/** Untrusted packets: opening one gives verified content or a HotlinekitException. */
class PacketFuzzTest {
  private static final PacketReader READER = PacketReader.builder()
      .recipient(TestPki.INSTANCE.ecRecipient.key(), TestPki.INSTANCE.ecRecipient.cert())
      .trustAnchor(TestPki.INSTANCE.ca.cert()).maxBytes(1 << 20).build();

  @FuzzTest(maxDuration = "60s")
  void open(byte[] data) {
    try {
      READER.open(data);
    } catch (HotlinekitException expected) {
      // A clear refusal, of one of the documented kinds.
    }
  }
}
