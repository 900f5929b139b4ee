package org.hotlinekit.iccam.packet;

import java.io.IOException;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSAuthEnvelopedDataStreamGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedDataStreamGenerator;
import org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientInfoGenerator;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaAlgorithmParametersConverter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.hotlinekit.core.OutputWriteException;
import org.hotlinekit.iccam.json.PacketInfo;
import org.hotlinekit.iccam.json.ReportDocument;
import org.hotlinekit.iccam.json.ReportJson;

/**
 * Seals report documents: the document, with a packet header naming every recipient certificate
 * (by SHA-256), is signed (CMS SignedData, one signer, ECDSA P-256/SHA-256 or RSASSA-PSS/SHA-256,
 * eContentType {@value PacketProfile#CONTENT_TYPE}) and encrypted (CMS AuthEnvelopedData,
 * AES-256-GCM, a fresh key per packet) to every recipient: ECDH P-256 (ephemeral-static, SHA-256
 * KDF, AES-256 key wrap) or RSA-OAEP-SHA-256 (at least 3072 bits). The packet is written as it is
 * produced (BER); {@code openssl cms -decrypt} then {@code -verify} open it. Immutable and
 * thread-safe.
 *
 * <pre>{@code
 * PacketWriter writer = PacketWriter.builder()
 *     .sender("BE-example-hotline")
 *     .signer(SignerIdentity.of(key, cert, List.of(intermediate)))
 *     .recipient(nlHotlineCert).recipient(leaCert)
 *     .build();
 * byte[] packet = writer.seal(document);
 * }</pre>
 */
public final class PacketWriter {
  private static final HexFormat HEX = HexFormat.of();

  private final String sender;
  private final SignerIdentity signer;
  private final List<X509Certificate> recipients;
  private final List<String> recipientHashes;
  private final Clock clock;
  private final long maxPacketBytes;

  private PacketWriter(Builder b) {
    this.sender = b.sender;
    this.signer = b.signer;
    this.recipients = List.copyOf(b.recipients);
    List<String> hashes = new ArrayList<>();
    for (X509Certificate c : recipients) {
      hashes.add(sha256(c));
    }
    this.recipientHashes = List.copyOf(hashes);
    this.clock = b.clock;
    this.maxPacketBytes = b.maxPacketBytes;
  }

  /**
   * Starts configuring.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Seals a document (its reports; any packet header it carries is replaced).
   *
   * @param document the reports
   * @return the packet (BER, as {@link #seal(ReportDocument, OutputStream)} writes it)
   * @throws SealRefusedException if a certificate is not valid now, or the packet would exceed
   *     the readers' limit
   * @throws CryptoException if the platform's cryptography fails (a provider, a hardware key)
   */
  public byte[] seal(ReportDocument document) {
    byte[] payload = payload(Objects.requireNonNull(document, "document"));
    refuseIfTooLarge(payload.length);
    // Sized for the packet (payload, segment headers, certificates, recipients) so that it is
    // not copied as it grows.
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream((int) Math.min(
        Integer.MAX_VALUE - 8, payload.length + payload.length / 1024L + 8192
            + 1024L * recipients.size()));
    seal(payload, out);
    return out.toByteArray();
  }

  /**
   * Seals a document straight to a stream: the signature and the encryption run as the signed
   * JSON is written, so the packet is never held in memory as a whole (the output is BER with
   * indefinite lengths, which {@code openssl cms} and {@link PacketReader} read).
   *
   * @param document the reports
   * @param out where the packet goes (not closed)
   * @throws OutputWriteException if writing fails
   * @throws SealRefusedException if a certificate is not valid now, or the packet would exceed
   *     the readers' limit (checked before anything is written)
   * @throws CryptoException if the platform's cryptography fails (a provider, a hardware key)
   */
  public void seal(ReportDocument document, OutputStream out) {
    Objects.requireNonNull(document, "document");
    byte[] payload = payload(document);
    refuseIfTooLarge(payload.length);
    seal(payload, Objects.requireNonNull(out, "out"));
  }

  /**
   * Seals a document file into a packet file, holding neither whole: the document is read one
   * report at a time and its compact form (the bytes {@link #seal(ReportDocument)} signs) is
   * signed and encrypted as it is written, so memory stays that of the largest report whatever
   * the document's size. The document is checked as {@link ReportJson#read(Path)} checks it; the
   * packet goes to a temporary file beside the target, which replaces the target only once the
   * whole document was read and sealed, and is removed otherwise.
   *
   * @param document the report document (any packet header it carries is replaced)
   * @param packet where the packet goes (replaced if it exists)
   * @return what was sealed
   * @throws org.hotlinekit.core.InputReadException if the document cannot be read
   * @throws org.hotlinekit.iccam.json.ReportFormatException if the document is invalid (every
   *     problem listed)
   * @throws org.hotlinekit.core.UnsupportedInputException for another format or major version
   * @throws org.hotlinekit.core.LimitExceededException if the document is over the reading
   *     limits
   * @throws OutputWriteException if the packet cannot be written
   * @throws SealRefusedException if a certificate is not valid now (checked before the document
   *     is read), or the packet would exceed the readers' limit
   * @throws CryptoException if the platform's cryptography fails (a provider, a hardware key)
   */
  public SealedPacketFile seal(java.nio.file.Path document, java.nio.file.Path packet) {
    Objects.requireNonNull(document, "document");
    Objects.requireNonNull(packet, "packet");
    PacketInfo info = header();
    ReportJson.Summary[] read = new ReportJson.Summary[1];
    long[] written = new long[1];
    try (java.io.InputStream in = readFailures(document, new java.io.BufferedInputStream(
        java.nio.file.Files.newInputStream(document), 1 << 16))) {
      org.hotlinekit.core.io.AtomicFiles.write(packet, tmp -> {
        try (OutputStream file = java.nio.file.Files.newOutputStream(tmp)) {
          Counting counted = new Counting(new java.io.BufferedOutputStream(file, CHUNK));
          seal(counted, signed -> {
            OutputStream limited = new java.io.FilterOutputStream(signed) {
              private long payload;

              @Override
              public void write(byte[] b, int off, int len) throws IOException {
                payload += len;
                refuseIfTooLarge(payload);
                out.write(b, off, len);
              }

              @Override
              public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
              }
            };
            try {
              read[0] = ReportJson.strict().copyCompact(in, document.toString(), info,
                  limited);
            } catch (java.io.UncheckedIOException e) {
              throw e.getCause();
            }
          });
          counted.flush();
          written[0] = counted.count;
        }
      });
    } catch (IOException e) {
      throw org.hotlinekit.core.InputReadException.of(document, e);
    }
    return new SealedPacketFile(packet, read[0].reports(), info, written[0]);
  }

  /** A stream whose read failures are this file's {@code InputReadException}. */
  static java.io.InputStream readFailures(java.nio.file.Path document,
      java.io.InputStream in) {
    return new java.io.FilterInputStream(in) {
      @Override
      public int read() {
        try {
          return in.read();
        } catch (IOException e) {
          throw org.hotlinekit.core.InputReadException.of(document, e);
        }
      }

      @Override
      public int read(byte[] b, int off, int len) {
        try {
          return in.read(b, off, len);
        } catch (IOException e) {
          throw org.hotlinekit.core.InputReadException.of(document, e);
        }
      }
    };
  }

  /** Counts what passes. */
  private static final class Counting extends java.io.FilterOutputStream {
    long count;

    Counting(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      count += len;
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count++;
    }
  }

  /**
   * Refuses a payload whose packet could exceed the readers' limit. The bound is generous: the
   * payload, its BER segment headers in both layers, the certificates carried, a recipient entry
   * per recipient and the fixed structures.
   */
  private void refuseIfTooLarge(long payloadBytes) {
    long certificates = 0;
    try {
      certificates += signer.certificate().getEncoded().length;
      for (X509Certificate c : signer.intermediates()) {
        certificates += c.getEncoded().length;
      }
    } catch (java.security.cert.CertificateEncodingException e) {
      throw new CryptoException("a certificate that was parsed cannot be encoded", e);
    }
    long segments = 2 * (payloadBytes / CHUNK + 1) * 16;
    long bound = payloadBytes + segments + certificates + 1024L * recipients.size() + 8192;
    if (bound > maxPacketBytes) {
      throw new SealRefusedException(SealRefusedException.Reason.TOO_LARGE, "the packet would"
          + " be over the readers' limit of " + maxPacketBytes + " bytes (the signed document"
          + " has at least " + payloadBytes + " bytes); split the reports into several packets");
    }
  }

  /**
   * The signed JSON: the document with a new packet header, once the certificates are checked to
   * be valid at the signing time (a reader refuses a signer that was not; a recipient's expired
   * certificate means its key may be gone).
   */
  private byte[] payload(ReportDocument document) {
    return ReportJson.strict().writeCompact(document.withPacket(header()));
  }

  /** A new packet header, once the certificates are checked to be valid now. */
  private PacketInfo header() {
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    if (!CertificateRules.validAt(signer.certificate(), now)) {
      throw new SealRefusedException(SealRefusedException.Reason.SIGNER_NOT_VALID_NOW,
          "the signer's certificate is not valid now (" + now + "; valid "
              + signer.certificate().getNotBefore().toInstant() + " to "
              + signer.certificate().getNotAfter().toInstant() + ")");
    }
    for (X509Certificate r : recipients) {
      if (!CertificateRules.validAt(r, now)) {
        throw new SealRefusedException(SealRefusedException.Reason.RECIPIENT_NOT_VALID_NOW,
            "the certificate of recipient " + r.getSubjectX500Principal().getName()
                + " is not valid now (valid " + r.getNotBefore().toInstant() + " to "
                + r.getNotAfter().toInstant() + ")");
      }
    }
    return new PacketInfo(UUID.randomUUID(), now, sender, recipientHashes);
  }

  /** Writes the signed content into the signing stream. */
  @FunctionalInterface
  private interface SignedContent {
    void writeTo(OutputStream signed) throws IOException;
  }

  private void seal(byte[] payload, OutputStream out) {
    seal(out, signed -> {
      for (int off = 0; off < payload.length; off += CHUNK) {
        signed.write(payload, off, Math.min(CHUNK, payload.length - off));
      }
    });
  }

  private void seal(OutputStream out, SignedContent content) {
    try {
      CMSAuthEnvelopedDataStreamGenerator envelope = envelope();
      OutputStream encrypted = envelope.open(new NonClosing(out),
          (org.bouncycastle.operator.OutputAEADEncryptor) new JceCMSContentEncryptorBuilder(
              CMSAlgorithm.AES256_GCM).setProvider("SunJCE").build());
      OutputStream signed = signer().open(PacketProfile.CONTENT_TYPE_OID, encrypted, true);
      content.writeTo(signed);
      signed.close();
      encrypted.close();
    } catch (IOException e) {
      throw new OutputWriteException("writing the packet failed: " + e.getMessage(), e);
    } catch (CMSException | OperatorCreationException | GeneralSecurityException e) {
      throw new CryptoException("sealing failed: " + e.getMessage(), e);
    }
  }
  /** Keeps the generators from closing the caller's stream. */
  private static final class NonClosing extends java.io.FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }

  /**
   * Bytes per segment of the BER constructed OCTET STRINGs that carry the signed and the
   * encrypted content (Bouncy Castle's default is 1,000, as CER requires; BER allows any size).
   * Larger segments mean a sixty-fourth of the segment headers, and far fewer objects for a
   * reader that parses the packet into a tree.
   */
  private static final int CHUNK = 1 << 16;

  private CMSSignedDataStreamGenerator signer() throws OperatorCreationException,
      GeneralSecurityException, CMSException {
    // EC keys sign through the JDK (or the key's own provider, for a token): Bouncy Castle's
    // provider signs a warm software key 0.4 ms faster, but building it costs a fresh process
    // about 350 ms, more than the rest of sealing a small packet. RSA-PSS needs Bouncy Castle.
    ContentSigner cs = signer.rsa()
        ? new JcaContentSignerBuilder("SHA256withRSAandMGF1").setProvider(PacketProfile.bc())
            .build(signer.key())
        : new JcaContentSignerBuilder("SHA256withECDSA").build(signer.key());
    CMSSignedDataStreamGenerator g = new CMSSignedDataStreamGenerator();
    g.setBufferSize(CHUNK);
    g.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
        new JcaDigestCalculatorProviderBuilder().build()).build(cs, signer.certificate()));
    List<X509Certificate> certs = new ArrayList<>();
    certs.add(signer.certificate());
    certs.addAll(signer.intermediates());
    g.addCertificates(new JcaCertStore(certs));
    return g;
  }

  private CMSAuthEnvelopedDataStreamGenerator envelope() throws GeneralSecurityException {
    CMSAuthEnvelopedDataStreamGenerator g = new CMSAuthEnvelopedDataStreamGenerator();
    g.setBufferSize(CHUNK);
    EcdhKdf.Recipients kari = null;
    for (X509Certificate c : recipients) {
      if (c.getPublicKey() instanceof ECPublicKey) {
        if (kari == null) {
          KeyPairGenerator kpg = KeyPairGenerator.getInstance("EC");
          kpg.initialize(new ECGenParameterSpec("secp256r1"));
          kari = new EcdhKdf.Recipients(kpg.generateKeyPair());
        }
        kari.add(c);
      } else {
        g.addRecipientInfoGenerator(new JceKeyTransRecipientInfoGenerator(c,
            new JcaAlgorithmParametersConverter().getAlgorithmIdentifier(
                PKCSObjectIdentifiers.id_RSAES_OAEP, new OAEPParameterSpec("SHA-256", "MGF1",
                    MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT))));
      }
    }
    if (kari != null) {
      g.addRecipientInfoGenerator(kari);
    }
    return g;
  }

  /**
   * The SHA-256 of a certificate's DER encoding, as the packet header lists it.
   *
   * @param certificate the certificate
   * @return 64 lowercase hex digits
   */
  public static String sha256(X509Certificate certificate) {
    try {
      return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
    } catch (CertificateEncodingException | java.security.NoSuchAlgorithmException e) {
      throw new IllegalArgumentException("cannot encode the certificate", e);
    }
  }

  /** Configures a {@link PacketWriter}. */
  public static final class Builder {
    private String sender;
    private SignerIdentity signer;
    private final List<X509Certificate> recipients = new ArrayList<>();
    private Clock clock = Clock.systemUTC();
    private long maxPacketBytes = PacketProfile.DEFAULT_MAX_BYTES;

    private Builder() {}

    /**
     * The sending organisation's id, written in the packet header.
     *
     * @param id e.g. {@code BE-example-hotline}
     * @return this builder
     */
    public Builder sender(String id) {
      this.sender = Objects.requireNonNull(id, "id");
      return this;
    }

    /**
     * Who signs.
     *
     * @param identity the signer
     * @return this builder
     */
    public Builder signer(SignerIdentity identity) {
      this.signer = Objects.requireNonNull(identity, "identity");
      return this;
    }

    /**
     * Adds a recipient (repeatable): an EC P-256 certificate gets an ECDH entry, an RSA
     * certificate of at least 3072 bits an RSA-OAEP entry.
     *
     * @param certificate the recipient's certificate
     * @return this builder
     * @throws IllegalArgumentException for another key type or a smaller RSA key
     * @throws SealRefusedException for a CA certificate, a key usage without key agreement (EC)
     *     or key encipherment (RSA), or a recipient given twice
     */
    public Builder recipient(X509Certificate certificate) {
      Objects.requireNonNull(certificate, "certificate");
      if (certificate.getPublicKey() instanceof ECPublicKey) {
        if (!PacketProfile.isP256((ECPublicKey) certificate.getPublicKey())) {
          throw new IllegalArgumentException("EC recipients use P-256");
        }
      } else if (certificate.getPublicKey() instanceof RSAPublicKey) {
        if (((RSAPublicKey) certificate.getPublicKey()).getModulus().bitLength() < 3072) {
          throw new IllegalArgumentException("RSA recipients need at least 3072 bits");
        }
      } else {
        throw new IllegalArgumentException("recipients use EC P-256 or RSA keys");
      }
      String who = certificate.getSubjectX500Principal().getName();
      java.util.Optional<String> unusable = CertificateRules.recipientUsage(certificate);
      if (unusable.isPresent()) {
        throw new SealRefusedException(SealRefusedException.Reason.RECIPIENT_NOT_FOR_ENCRYPTION,
            "the certificate of recipient " + who + " " + unusable.get());
      }
      for (X509Certificate r : recipients) {
        if (r.getPublicKey().equals(certificate.getPublicKey())) {
          throw new SealRefusedException(SealRefusedException.Reason.DUPLICATE_RECIPIENT,
              "recipient " + who + " is given twice");
        }
      }
      recipients.add(certificate);
      return this;
    }

    /**
     * The clock for the packet's creation time (default: the system clock, UTC).
     *
     * @param c the clock
     * @return this builder
     */
    public Builder clock(Clock c) {
      this.clock = Objects.requireNonNull(c, "c");
      return this;
    }

    /**
     * The readers' packet size limit, which the writer refuses to exceed (default: the reader's
     * default, 64 MiB; set it to a recipient's own {@code PacketReader.Builder#maxBytes}).
     *
     * @param bytes the limit, positive
     * @return this builder
     * @throws IllegalArgumentException if not positive
     */
    public Builder maxPacketBytes(long bytes) {
      if (bytes <= 0) {
        throw new IllegalArgumentException("maxPacketBytes must be positive");
      }
      this.maxPacketBytes = bytes;
      return this;
    }

    /**
     * Builds the writer.
     *
     * @return the writer
     * @throws IllegalStateException without sender, signer or recipients
     */
    public PacketWriter build() {
      if (sender == null || signer == null || recipients.isEmpty()) {
        throw new IllegalStateException("a packet writer needs a sender, a signer and at least"
            + " one recipient");
      }
      return new PacketWriter(this);
    }
  }
}
