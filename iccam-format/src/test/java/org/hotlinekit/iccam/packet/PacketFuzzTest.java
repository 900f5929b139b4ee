package org.hotlinekit.iccam.packet;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.hotlinekit.core.HotlinekitException;

/**
 * Untrusted packets: opening one gives verified content or a HotlinekitException. Three entry
 * points: the whole packet, the packet as a file opened into a document file or verified without
 * one (judged as its bytes are, leaving no document when refused), and the inner content (anyone who has the reader's certificate can
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
  void openFile(byte[] data) throws Exception {
    java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("packet-fuzz");
    try {
      java.nio.file.Path packet = java.nio.file.Files.write(dir.resolve("p.p7m"), data);
      java.nio.file.Path document = dir.resolve("d.json");
      String whole;
      try {
        whole = "opened " + READER.open(data).header();
      } catch (HotlinekitException e) {
        whole = e.getClass().getName() + ": " + e.getMessage();
      }
      String file;
      try {
        file = "opened " + READER.open(packet, document).header();
      } catch (HotlinekitException e) {
        file = e.getClass().getName() + ": " + e.getMessage();
        if (java.nio.file.Files.exists(document)) {
          throw new IllegalStateException("a refused packet left a document");
        }
      }
      if (!whole.equals(file)) {
        throw new IllegalStateException("judged otherwise as a file: " + file + " / " + whole);
      }
      String verified;
      try {
        verified = "opened " + READER.verify(packet).header();
      } catch (HotlinekitException e) {
        verified = e.getClass().getName() + ": " + e.getMessage();
      }
      if (!whole.equals(verified)) {
        throw new IllegalStateException("judged otherwise when verified: " + verified + " / "
            + whole);
      }
    } finally {
      try (var files = java.nio.file.Files.list(dir)) {
        for (java.nio.file.Path p : (Iterable<java.nio.file.Path>) files::iterator) {
          java.nio.file.Files.delete(p);
        }
      }
      java.nio.file.Files.delete(dir);
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
