package org.hotlinekit.iccam.packet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The writer refuses what every reader would refuse, each with its own reason; and the reader's
 * signer rule is OpenSSL's {@code smimesign} purpose, checked against {@code openssl cms}.
 */
class SenderChecksTest {
  private static final TestPki PKI = TestPki.INSTANCE;

  private static SealRefusedException.Reason refusal(Runnable r) {
    try {
      r.run();
    } catch (SealRefusedException e) {
      return e.reason();
    }
    throw new AssertionError("not refused");
  }

  @Test
  void aKeyThatIsNotTheCertificatesIsRefused() {
    assertThat(refusal(() -> SignerIdentity.of(PKI.thirdParty.key(), PKI.ecSigner.cert(),
        List.of()))).isEqualTo(SealRefusedException.Reason.KEY_DOES_NOT_MATCH_CERTIFICATE);
    assertThat(refusal(() -> SignerIdentity.of(rsaKey(), PKI.rsaSigner.cert(), List.of())))
        .isEqualTo(SealRefusedException.Reason.KEY_DOES_NOT_MATCH_CERTIFICATE);
    // The matching keys pass (both signature kinds).
    SignerIdentity.of(PKI.ecSigner.key(), PKI.ecSigner.cert(), List.of());
    SignerIdentity.of(PKI.rsaSigner.key(), PKI.rsaSigner.cert(), List.of());
  }

  private static java.security.PrivateKey rsaKey() {
    try {
      return TestPki.rsa().getPrivate();
    } catch (java.security.GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void signersTheReadersWouldNotTrustAreRefused() {
    assertThat(refusal(() -> SignerIdentity.of(PKI.keyAgreementSigner.key(),
        PKI.keyAgreementSigner.cert(), List.of())))
        .isEqualTo(SealRefusedException.Reason.SIGNER_NOT_FOR_SIGNING);
    assertThat(refusal(() -> SignerIdentity.of(PKI.serverAuthSigner.key(),
        PKI.serverAuthSigner.cert(), List.of())))
        .isEqualTo(SealRefusedException.Reason.SIGNER_NOT_FOR_SIGNING);
    assertThat(refusal(() -> PacketTest.writer(PKI.expiredSigner, PKI.ecRecipient)
        .seal(PacketTest.DOC))).isEqualTo(SealRefusedException.Reason.SIGNER_NOT_VALID_NOW);
  }

  @Test
  void recipientsThatCannotReceiveAreRefused() {
    PacketWriter.Builder b = PacketWriter.builder().sender("BE-example-hotline")
        .signer(SignerIdentity.of(PKI.ecSigner.key(), PKI.ecSigner.cert(), List.of()));
    assertThat(refusal(() -> b.recipient(PKI.ca.cert())))
        .isEqualTo(SealRefusedException.Reason.RECIPIENT_NOT_FOR_ENCRYPTION);
    assertThat(refusal(() -> b.recipient(PKI.ecSigner.cert())))
        .isEqualTo(SealRefusedException.Reason.RECIPIENT_NOT_FOR_ENCRYPTION);
    b.recipient(PKI.ecRecipient.cert());
    assertThat(refusal(() -> b.recipient(PKI.ecRecipient.cert())))
        .isEqualTo(SealRefusedException.Reason.DUPLICATE_RECIPIENT);
    assertThat(refusal(() -> PacketTest.writer(PKI.ecSigner, PKI.expiredRecipient)
        .seal(PacketTest.DOC))).isEqualTo(SealRefusedException.Reason.RECIPIENT_NOT_VALID_NOW);
    // Validity is judged at the writer's clock: in the recipient's lifetime it seals.
    Clock then = Clock.fixed(Instant.now().minus(Duration.ofDays(45)), ZoneOffset.UTC);
    byte[] sealedThen = PacketWriter.builder().sender("x").signer(SignerIdentity.of(
        PKI.longLivedSigner.key(), PKI.longLivedSigner.cert(), List.of()))
        .recipient(PKI.expiredRecipient.cert()).clock(then).build().seal(PacketTest.DOC);
    assertThat(sealedThen).isNotEmpty();
  }

  @Test
  void aPacketTheReadersWouldFindTooLargeIsRefusedBeforeAnythingIsWritten() {
    PacketWriter small = PacketWriter.builder().sender("BE-example-hotline")
        .signer(SignerIdentity.of(PKI.ecSigner.key(), PKI.ecSigner.cert(), List.of()))
        .recipient(PKI.ecRecipient.cert()).maxPacketBytes(12_000).build();
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    assertThatThrownBy(() -> small.seal(PacketTest.DOC, out))
        .isInstanceOf(SealRefusedException.class)
        .extracting(e -> ((SealRefusedException) e).reason())
        .isEqualTo(SealRefusedException.Reason.TOO_LARGE);
    assertThat(out.size()).isZero();
    // Under a limit the packet fits, and the reader with that limit opens it.
    PacketWriter fits = PacketWriter.builder().sender("BE-example-hotline")
        .signer(SignerIdentity.of(PKI.ecSigner.key(), PKI.ecSigner.cert(), List.of()))
        .recipient(PKI.ecRecipient.cert()).maxPacketBytes(64_000).build();
    byte[] packet = fits.seal(PacketTest.DOC);
    assertThat(PacketReader.builder().recipient(PKI.ecRecipient.key(), PKI.ecRecipient.cert())
        .trustAnchor(PKI.ca.cert()).maxBytes(64_000).build().open(packet).document().reports())
        .hasSize(PacketTest.DOC.reports().size());
  }

  /**
   * The signer rule is OpenSSL's: a serverAuth-only signer is refused by {@code openssl cms
   * -verify -purpose smimesign} and by the reader; an emailProtection one passes both.
   */
  @Test
  void theReaderAppliesOpenSslsSmimeSigningPurpose(@TempDir Path dir) throws Exception {
    TestPki.pem(dir, "ca.pem", PKI.ca.cert());
    for (TestPki.Entity signer : List.of(PKI.serverAuthSigner, PKI.emailSigner)) {
      byte[] signed = TestEnvelopes.sign(PacketTest.payload(PKI.ecRecipient), signer,
          PacketProfile.CONTENT_TYPE);
      Path inner = Files.write(dir.resolve("inner.p7s"), signed);
      Process p = new ProcessBuilder("openssl", "cms", "-verify", "-binary", "-inform", "DER",
          "-in", inner.toString(), "-CAfile", dir.resolve("ca.pem").toString(), "-purpose",
          "smimesign", "-out", dir.resolve("out.json").toString()).redirectErrorStream(true)
          .start();
      p.getInputStream().readAllBytes();
      assertThat(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
      boolean opensslAccepts = p.exitValue() == 0;
      byte[] packet = TestEnvelopes.envelope(signed, PKI.ecRecipient.cert());
      boolean hotlinekitAccepts;
      try {
        PacketTest.reader(PKI.ecRecipient).open(packet);
        hotlinekitAccepts = true;
      } catch (UntrustedSignerException e) {
        assertThat(e.reason()).isEqualTo(UntrustedSignerException.Reason.KEY_USAGE);
        hotlinekitAccepts = false;
      }
      assertThat(hotlinekitAccepts).as(signer.name()).isEqualTo(opensslAccepts)
          .isEqualTo(signer == PKI.emailSigner);
    }
  }
}
