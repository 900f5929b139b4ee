package org.hotlinekit.iccam.packet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hotlinekit.core.InputReadException;
import org.hotlinekit.iccam.json.ReportDocument;
import org.hotlinekit.iccam.json.ReportFormatException;
import org.hotlinekit.iccam.json.ReportJson;
import org.hotlinekit.iccam.testing.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sealing a document file into a packet file ({@link PacketWriter#seal(Path, Path)}, which holds
 * neither whole) against sealing the document read whole (the oracle): the same signed bytes for
 * the same header, the same documents refused with the same problems, the same size limit; a
 * refusal leaves no packet and no temporary file, and an existing packet as it was.
 */
class SealFileTest {
  private static final TestPki PKI = TestPki.INSTANCE;

  @TempDir Path dir;

  private static PacketReader reader() {
    return PacketReader.builder().recipient(PKI.ecRecipient.key(), PKI.ecRecipient.cert())
        .trustAnchor(PKI.ca.cert()).replayGuard(ReplayGuard.none()).build();
  }

  @Test
  void aSealedFileSignsTheCompactDocumentTheWholeSealSigns() throws Exception {
    Path document = Samples.reports();
    for (TestPki.Entity signer : List.of(PKI.ecSigner, PKI.rsaSigner)) {
      Path packet = dir.resolve("p.p7m");
      SealedPacketFile sealed = PacketTest.writer(signer, PKI.ecRecipient, PKI.rsaRecipient)
          .seal(document, packet);
      assertThat(sealed.packet()).isEqualTo(packet);
      assertThat(sealed.bytes()).isEqualTo(Files.size(packet));
      assertThat(sealed.reports()).isEqualTo(3);
      OpenedPacket opened = reader().open(Files.readAllBytes(packet));
      ReportDocument doc = ReportJson.strict().read(document).document();
      assertThat(opened.payload()).isEqualTo(ReportJson.strict().writeCompact(
          doc.withPacket(sealed.header())));
      assertThat(opened.header()).isEqualTo(sealed.header());
      assertThat(opened.signer()).isEqualTo(signer.cert());
    }
  }

  @Test
  void anInvalidDocumentIsRefusedWithTheWholeReadsProblemsAndLeavesNoPacket() throws Exception {
    String text = new String(Samples.reportBytes(), StandardCharsets.UTF_8)
        .replaceFirst("\"receivedAt\": \"2026-10-05T08:15:00Z\"", "\"receivedAt\": 5")
        .replace("BE-2026-000125", "BE-2026-000124");
    Path document = Files.writeString(dir.resolve("bad.json"), text);
    Path packet = Files.writeString(dir.resolve("p.p7m"), "before");
    ReportFormatException whole = catchThrowableOfType(ReportFormatException.class,
        () -> ReportJson.strict().read(document));
    ReportFormatException file = catchThrowableOfType(ReportFormatException.class,
        () -> PacketTest.writer(PKI.ecSigner, PKI.ecRecipient).seal(document, packet));
    assertThat(file.problems()).isEqualTo(whole.problems()).hasSize(2);
    assertThat(Files.readString(packet)).isEqualTo("before");
    assertOnly("bad.json", "p.p7m");
    assertThatThrownBy(() -> PacketTest.writer(PKI.ecSigner, PKI.ecRecipient)
        .seal(dir.resolve("missing.json"), packet)).isInstanceOf(InputReadException.class);
    assertOnly("bad.json", "p.p7m");
  }

  /**
   * The readers' limit: for limits around the packet's size, the file seal refuses exactly when
   * the whole seal refuses, and a packet it writes is within the limit.
   */
  @Test
  void theSizeLimitIsTheWholeSeals() throws Exception {
    Path document = Samples.reports();
    ReportDocument doc = ReportJson.strict().read(document).document();
    long size = PacketTest.writer(PKI.ecSigner, PKI.ecRecipient).seal(doc).length;
    int refusedBoth = 0;
    for (long limit = size - 200; limit < size + 12_000; limit += 500) {
      PacketWriter w = PacketWriter.builder().sender("BE-example-hotline")
          .signer(SignerIdentity.of(PKI.ecSigner.key(), PKI.ecSigner.cert(), List.of()))
          .recipient(PKI.ecRecipient.cert()).maxPacketBytes(limit).build();
      boolean wholeRefused = refusedTooLarge(() -> w.seal(doc));
      Path packet = dir.resolve("p.p7m");
      Files.deleteIfExists(packet);
      boolean fileRefused = refusedTooLarge(() -> w.seal(document, packet));
      assertThat(fileRefused).as("limit %d", limit).isEqualTo(wholeRefused);
      if (fileRefused) {
        refusedBoth++;
        assertThat(packet).doesNotExist();
      } else {
        assertThat(Files.size(packet)).isLessThanOrEqualTo(limit);
      }
    }
    assertThat(refusedBoth).as("some limits refuse, some do not").isBetween(1, 24);
  }

  @Test
  void certificatesAreCheckedBeforeTheDocumentIsRead() {
    Path packet = dir.resolve("p.p7m");
    SealRefusedException e = catchThrowableOfType(SealRefusedException.class,
        () -> PacketTest.writer(PKI.expiredSigner, PKI.ecRecipient)
            .seal(dir.resolve("missing.json"), packet));
    assertThat(e.reason()).isEqualTo(SealRefusedException.Reason.SIGNER_NOT_VALID_NOW);
    assertThat(packet).doesNotExist();
  }

  private static boolean refusedTooLarge(Runnable r) {
    try {
      r.run();
      return false;
    } catch (SealRefusedException e) {
      assertThat(e.reason()).isEqualTo(SealRefusedException.Reason.TOO_LARGE);
      return true;
    }
  }

  private void assertOnly(String... names) throws Exception {
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(names);
    }
  }
}
