package org.hotlinekit.iccam.packet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.hotlinekit.core.LimitExceededException;
import org.hotlinekit.core.MalformedInputException;
import org.hotlinekit.core.UnsupportedInputException;
import org.hotlinekit.iccam.json.ReportDocument;
import org.hotlinekit.iccam.json.ReportJson;
import org.hotlinekit.iccam.testing.Samples;
import org.junit.jupiter.api.Test;

/** Seal and open, and every refusal the profile asks for, each with its exception. */
class PacketTest {
  static final TestPki PKI = TestPki.INSTANCE;
  static final ReportDocument DOC = ReportJson.strict().read(Samples.reports()).document();

  static PacketWriter writer(TestPki.Entity signer, TestPki.Entity... recipients) {
    PacketWriter.Builder b = PacketWriter.builder().sender("BE-example-hotline")
        .signer(SignerIdentity.of(signer.key(), signer.cert(), List.of()));
    for (TestPki.Entity r : recipients) {
      b.recipient(r.cert());
    }
    return b.build();
  }

  static PacketReader reader(TestPki.Entity me) {
    return PacketReader.builder().recipient(me.key(), me.cert()).trustAnchor(PKI.ca.cert())
        .build();
  }

  @Test
  void sealedPacketsOpenForEveryRecipientAndSigner() {
    for (TestPki.Entity signer : List.of(PKI.ecSigner, PKI.rsaSigner)) {
      byte[] packet = writer(signer, PKI.ecRecipient, PKI.rsaRecipient).seal(DOC);
      for (TestPki.Entity me : List.of(PKI.ecRecipient, PKI.rsaRecipient)) {
        OpenedPacket p = reader(me).open(packet);
        assertThat(p.document().reports()).isEqualTo(DOC.reports());
        assertThat(p.signer()).isEqualTo(signer.cert());
        assertThat(p.header().sender()).isEqualTo("BE-example-hotline");
        assertThat(p.header().recipientCertSha256()).containsExactly(
            PacketWriter.sha256(PKI.ecRecipient.cert()),
            PacketWriter.sha256(PKI.rsaRecipient.cert()));
      }
    }
  }

  /**
   * The signed document is the compact form (issue 21): no indentation, about half the size of
   * the indented form the reports were read from, and it reads back to the same reports.
   */
  @Test
  void theSignedDocumentIsCompact() {
    OpenedPacket p = reader(PKI.ecRecipient).open(writer(PKI.ecSigner, PKI.ecRecipient)
        .seal(DOC));
    String payload = new String(p.payload(), StandardCharsets.UTF_8);
    assertThat(payload).doesNotContain("\n ").startsWith("{\"format\":").endsWith("}\n");
    assertThat(payload.indexOf('\n')).isEqualTo(payload.length() - 1);
    byte[] indented = ReportJson.strict().write(p.document());
    assertThat(p.payload()).isEqualTo(ReportJson.strict().writeCompact(p.document()));
    assertThat(p.payload().length).isLessThan(indented.length * 3 / 4);
    assertThat(ReportJson.strict().read(p.payload(), "payload").document().reports())
        .isEqualTo(ReportJson.strict().read(indented, "indented").document().reports())
        .isEqualTo(DOC.reports());
  }

  @Test
  void flippedBitsAreTampering() throws Exception {
    byte[] packet = writer(PKI.ecSigner, PKI.ecRecipient).seal(DOC);
    assertThatThrownBy(() -> reader(PKI.ecRecipient).open(TestEnvelopes.flip(packet, false)))
        .isInstanceOf(TamperedException.class);
    assertThatThrownBy(() -> reader(PKI.ecRecipient).open(TestEnvelopes.flip(packet, true)))
        .isInstanceOf(TamperedException.class);
  }

  @Test
  void changedSignedContentIsTampering() throws Exception {
    byte[] signed = TestEnvelopes.sign(payload(PKI.ecRecipient), PKI.ecSigner,
        PacketProfile.CONTENT_TYPE);
    byte[] changed = signed.clone();
    int at = indexOf(changed, "BE-2026-000123".getBytes(StandardCharsets.UTF_8));
    changed[at + 13] = '4';
    byte[] packet = TestEnvelopes.envelope(changed, PKI.ecRecipient.cert());
    assertThatThrownBy(() -> reader(PKI.ecRecipient).open(packet))
        .isInstanceOf(TamperedException.class).hasMessageContaining("signature");
    // The unchanged content, enveloped the same way, opens: the test changes one thing only.
    assertThat(reader(PKI.ecRecipient).open(TestEnvelopes.envelope(signed,
        PKI.ecRecipient.cert())).document().reports()).hasSize(3);
  }

  /**
   * Authenticated attributes are the GCM AAD (RFC 5083): a packet that carries them (Bouncy
   * Castle's generator, as another implementation might) opens, and a change to them is
   * tampering, although they are outside the ciphertext.
   */
  @Test
  void authenticatedAttributesAreTheAad() throws Exception {
    byte[] signed = TestEnvelopes.sign(payload(PKI.ecRecipient), PKI.ecSigner,
        PacketProfile.CONTENT_TYPE);
    byte[] packet = TestEnvelopes.envelopeWithAuthAttributes(signed, PKI.ecRecipient.cert(),
        "hotlinekit-aad-marker");
    assertThat(reader(PKI.ecRecipient).open(packet).document().reports()).hasSize(3);
    byte[] changed = packet.clone();
    int at = indexOf(changed, "hotlinekit-aad-marker".getBytes(StandardCharsets.UTF_8));
    assertThat(at).isPositive();
    changed[at] = 'H';
    assertThatThrownBy(() -> reader(PKI.ecRecipient).open(changed))
        .isInstanceOf(TamperedException.class);
  }

  /**
   * Freshness, checked after everything else: a packet id opened before is a replay (for the
   * same reader; ReplayGuard.none() turns the check off, e.g. for an audit), and a signing time
   * older than maxAge or later than now plus the clock skew is refused; both limits move.
   */
  @Test
  void replayedAndStalePacketsAreRefused() throws Exception {
    byte[] packet = writer(PKI.ecSigner, PKI.ecRecipient).seal(DOC);
    PacketReader reader = reader(PKI.ecRecipient);
    reader.open(packet);
    assertNotFresh(reader, packet, ReplayException.Reason.REPLAYED);
    reader.open(writer(PKI.ecSigner, PKI.ecRecipient).seal(DOC)); // same reports, new packet id
    PacketReader audit = readerBuilder().replayGuard(ReplayGuard.none()).build();
    audit.open(packet);
    audit.open(packet);

    Instant now = Instant.now();
    byte[] old = signedAt(now.minus(Duration.ofDays(40)));
    assertNotFresh(reader(PKI.ecRecipient), old, ReplayException.Reason.TOO_OLD);
    assertThat(readerBuilder().maxAge(Duration.ofDays(60)).build().open(old).signingTime())
        .isBefore(now.minus(Duration.ofDays(39)));

    byte[] future = signedAt(now.plus(Duration.ofHours(1)));
    assertNotFresh(reader(PKI.ecRecipient), future, ReplayException.Reason.SIGNED_IN_THE_FUTURE);
    assertThat(readerBuilder().clockSkew(Duration.ofHours(2)).build().open(future).document()
        .reports()).hasSize(3);
  }

  private static PacketReader.Builder readerBuilder() {
    return PacketReader.builder().recipient(PKI.ecRecipient.key(), PKI.ecRecipient.cert())
        .trustAnchor(PKI.ca.cert());
  }

  /** A packet to the EC recipient, signed (by a long-lived certificate) at the given time. */
  private static byte[] signedAt(Instant signingTime) throws Exception {
    return TestEnvelopes.envelope(TestEnvelopes.signAt(payload(PKI.ecRecipient),
        PKI.longLivedSigner, signingTime), PKI.ecRecipient.cert());
  }

  private static void assertNotFresh(PacketReader reader, byte[] packet,
      ReplayException.Reason reason) {
    assertThatThrownBy(() -> reader.open(packet)).isInstanceOf(ReplayException.class)
        .extracting(e -> ((ReplayException) e).reason()).isEqualTo(reason);
  }

  @Test
  void wrongKeyAndNotARecipient() {
    byte[] packet = writer(PKI.ecSigner, PKI.ecRecipient, PKI.rsaRecipient).seal(DOC);
    PacketReader wrongEc = PacketReader.builder()
        .recipient(PKI.thirdParty.key(), PKI.ecRecipient.cert()).trustAnchor(PKI.ca.cert())
        .build();
    assertThatThrownBy(() -> wrongEc.open(packet)).isInstanceOf(WrongKeyException.class);
    PacketReader wrongRsa;
    try {
      wrongRsa = PacketReader.builder().recipient(TestPki.rsa().getPrivate(),
          PKI.rsaRecipient.cert()).trustAnchor(PKI.ca.cert()).build();
    } catch (java.security.GeneralSecurityException e) {
      throw new AssertionError(e);
    }
    assertThatThrownBy(() -> wrongRsa.open(packet)).isInstanceOf(WrongKeyException.class);
    assertThatThrownBy(() -> reader(PKI.thirdParty).open(packet))
        .isInstanceOf(NotARecipientException.class)
        .isNotInstanceOf(WrongKeyException.class);
  }

  @Test
  void forwardedPacketsAreRefused() throws Exception {
    // The sender sealed for ecRecipient only; ecRecipient re-encrypts the signed content to a
    // third party, who is not in the signed list.
    byte[] signed = TestEnvelopes.sign(payload(PKI.ecRecipient), PKI.ecSigner,
        PacketProfile.CONTENT_TYPE);
    byte[] forwarded = TestEnvelopes.envelope(signed, PKI.thirdParty.cert());
    assertThatThrownBy(() -> reader(PKI.thirdParty).open(forwarded))
        .isInstanceOf(NotARecipientException.class).hasMessageContaining("forwarded");
  }

  @Test
  void untrustedSigners() {
    assertUntrusted(PKI.untrustedSigner, UntrustedSignerException.Reason.NO_PATH, false);
    assertUntrusted(PKI.expiredSigner, UntrustedSignerException.Reason.EXPIRED, false);
    assertUntrusted(PKI.revokedSigner, UntrustedSignerException.Reason.REVOKED, true);
    assertUntrusted(PKI.keyAgreementSigner, UntrustedSignerException.Reason.KEY_USAGE, false);
    // Without CRLs revocation is not checked; with an empty-of-it CRL a good signer passes.
    byte[] ok = writer(PKI.ecSigner, PKI.ecRecipient).seal(DOC);
    assertThat(PacketReader.builder().recipient(PKI.ecRecipient.key(), PKI.ecRecipient.cert())
        .trustAnchor(PKI.ca.cert()).crl(PKI.crl).build().open(ok).document().reports())
        .hasSize(3);
  }

  private static void assertUntrusted(TestPki.Entity signer, UntrustedSignerException.Reason r,
      boolean withCrl) {
    byte[] packet;
    try {
      packet = TestEnvelopes.envelope(TestEnvelopes.sign(payload(PKI.ecRecipient), signer,
          PacketProfile.CONTENT_TYPE), PKI.ecRecipient.cert());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    PacketReader.Builder b = PacketReader.builder()
        .recipient(PKI.ecRecipient.key(), PKI.ecRecipient.cert()).trustAnchor(PKI.ca.cert());
    if (withCrl) {
      b.crl(PKI.crl);
    }
    PacketReader reader = b.build();
    assertThatThrownBy(() -> reader.open(packet)).as(signer.name())
        .isInstanceOf(UntrustedSignerException.class)
        .satisfies(e -> assertThat(((UntrustedSignerException) e).reason()).isEqualTo(r));
  }

  @Test
  void refusedStructures() throws Exception {
    byte[] signed = TestEnvelopes.sign(payload(PKI.ecRecipient), PKI.ecSigner,
        PacketProfile.CONTENT_TYPE);
    // Compressed content inside the envelope.
    byte[] compressed = TestEnvelopes.envelope(TestEnvelopes.compress(signed),
        PKI.ecRecipient.cert());
    assertThatThrownBy(() -> reader(PKI.ecRecipient).open(compressed))
        .isInstanceOf(UnsupportedInputException.class).hasMessageContaining("compressed");
    // Another eContentType.
    byte[] other = TestEnvelopes.envelope(TestEnvelopes.sign(payload(PKI.ecRecipient),
        PKI.ecSigner, "1.2.840.113549.1.7.1"), PKI.ecRecipient.cert());
    assertThatThrownBy(() -> reader(PKI.ecRecipient).open(other))
        .isInstanceOf(UnsupportedInputException.class).hasMessageContaining("eContentType");
    // Two signers; detached content.
    byte[] two = TestEnvelopes.envelope(TestEnvelopes.signOdd(payload(PKI.ecRecipient),
        PKI.ecSigner, true, false), PKI.ecRecipient.cert());
    assertThatThrownBy(() -> reader(PKI.ecRecipient).open(two))
        .isInstanceOf(MalformedInputException.class).hasMessageContaining("exactly one signer");
    byte[] detached = TestEnvelopes.envelope(TestEnvelopes.signOdd(payload(PKI.ecRecipient),
        PKI.ecSigner, false, true), PKI.ecRecipient.cert());
    assertThatThrownBy(() -> reader(PKI.ecRecipient).open(detached))
        .isInstanceOf(MalformedInputException.class).hasMessageContaining("detached");
    // Another digest: for the one signer, or listed beside SHA-256 for a second one (the reader
    // refuses the list before it digests the content).
    for (String[] algorithms : List.of(new String[] {"SHA512withECDSA"},
        new String[] {"SHA256withECDSA", "SHA384withECDSA"})) {
      byte[] digest = TestEnvelopes.envelope(TestEnvelopes.sign(payload(PKI.ecRecipient),
          PKI.ecSigner, PacketProfile.CONTENT_TYPE, algorithms), PKI.ecRecipient.cert());
      assertThatThrownBy(() -> reader(PKI.ecRecipient).open(digest))
          .as(String.join(",", algorithms)).isInstanceOf(UnsupportedInputException.class)
          .hasMessageContaining("is not SHA-256");
    }
    // Unencrypted SignedData.
    assertThatThrownBy(() -> reader(PKI.ecRecipient).open(signed))
        .isInstanceOf(UnsupportedInputException.class).hasMessageContaining("not encrypted");
  }

  @Test
  void keysOutsideTheProfileAreRefused() throws Exception {
    java.security.KeyPairGenerator g = java.security.KeyPairGenerator.getInstance("EC");
    g.initialize(new java.security.spec.ECGenParameterSpec("secp384r1"));
    java.security.KeyPair p384 = g.generateKeyPair();
    java.security.KeyPairGenerator r = java.security.KeyPairGenerator.getInstance("RSA");
    r.initialize(2048);
    java.security.KeyPair rsa2048 = r.generateKeyPair();
    // Self-signed certificates are enough for the builder's checks.
    X509CertificateMaker maker = new X509CertificateMaker();
    assertThatThrownBy(() -> PacketWriter.builder().recipient(maker.selfSigned(p384)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("P-256");
    assertThatThrownBy(() -> PacketWriter.builder().recipient(maker.selfSigned(rsa2048)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3072");
    assertThatThrownBy(() -> SignerIdentity.of(p384.getPrivate(), maker.selfSigned(p384),
        List.of())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("P-256");
  }

  /** Minimal self-signed certificates for key-type checks. */
  static final class X509CertificateMaker {
    java.security.cert.X509Certificate selfSigned(java.security.KeyPair k) throws Exception {
      org.bouncycastle.asn1.x500.X500Name n = new org.bouncycastle.asn1.x500.X500Name("CN=Key Test");
      String alg = k.getPublic().getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
      return new org.bouncycastle.cert.jcajce.JcaX509CertificateConverter().getCertificate(
          new org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder(n,
              java.math.BigInteger.ONE, new java.util.Date(),
              new java.util.Date(System.currentTimeMillis() + 86_400_000L), n, k.getPublic())
              .build(new org.bouncycastle.operator.jcajce.JcaContentSignerBuilder(alg)
                  .build(k.getPrivate())));
    }
  }

  @Test
  void truncatedOversizedAndGarbage() {
    byte[] packet = writer(PKI.ecSigner, PKI.ecRecipient).seal(DOC);
    for (int cut : new int[] {0, 1, 10, packet.length / 2, packet.length - 1}) {
      byte[] t = Arrays.copyOf(packet, cut);
      assertThatThrownBy(() -> reader(PKI.ecRecipient).open(t)).as("cut at %d", cut)
          .isInstanceOf(MalformedInputException.class);
    }
    byte[] trailing = Arrays.copyOf(packet, packet.length + 1);
    assertThatThrownBy(() -> reader(PKI.ecRecipient).open(trailing))
        .isInstanceOf(MalformedInputException.class);
    PacketReader small = PacketReader.builder().recipient(PKI.ecRecipient.key(),
        PKI.ecRecipient.cert()).trustAnchor(PKI.ca.cert()).maxBytes(packet.length - 1).build();
    assertThatThrownBy(() -> small.open(packet)).isInstanceOf(LimitExceededException.class);
    // A DER length claiming 2 GiB does not allocate.
    byte[] huge = {0x30, (byte) 0x84, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x02, 0x01};
    assertThatThrownBy(() -> reader(PKI.ecRecipient).open(huge))
        .isInstanceOf(MalformedInputException.class);
  }

  @Test
  void theJsonInsideIsReadStrictly() throws Exception {
    String good = new String(payload(PKI.ecRecipient), StandardCharsets.UTF_8);
    String duplicate = good.replaceFirst("\"version\" : 1,", "\"version\" : 1, \"version\" : 1,");
    assertThat(duplicate).isNotEqualTo(good);
    assertThatThrownBy(() -> openSignedJson(duplicate))
        .isInstanceOf(MalformedInputException.class).hasMessageContaining("duplicate member");
    assertThatThrownBy(() -> openSignedJson(good.replaceFirst("\"crit\" : \\[ \\]",
        "\"crit\" : [ \"x-new\" ]"))).isInstanceOf(UnsupportedInputException.class)
        .hasMessageContaining("critical extension 'x-new'");
    assertThatThrownBy(() -> openSignedJson(good.replaceFirst("\"version\" : 1",
        "\"version\" : 99"))).isInstanceOf(UnsupportedInputException.class)
        .hasMessageContaining("version 99");
  }

  private static void openSignedJson(String json) throws Exception {
    reader(PKI.ecRecipient).open(TestEnvelopes.envelope(TestEnvelopes.sign(
        json.getBytes(StandardCharsets.UTF_8), PKI.ecSigner, PacketProfile.CONTENT_TYPE),
        PKI.ecRecipient.cert()));
  }

  /** A valid packet payload naming the given recipients. */
  static byte[] payload(TestPki.Entity... recipients) {
    List<String> hashes = new java.util.ArrayList<>();
    for (TestPki.Entity r : recipients) {
      hashes.add(PacketWriter.sha256(r.cert()));
    }
    return ReportJson.strict().write(DOC.withPacket(new org.hotlinekit.iccam.json.PacketInfo(
        java.util.UUID.randomUUID(), java.time.Instant.parse("2026-11-23T10:00:00Z"),
        "BE-example-hotline", hashes)));
  }

  static int indexOf(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i <= hay.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new AssertionError("not found");
  }
}
