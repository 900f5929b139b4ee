package org.hotlinekit.iccam.packet;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertStore;
import java.security.cert.CertificateFactory;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXReason;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1OctetStringParser;
import org.bouncycastle.asn1.ASN1SequenceParser;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.ASN1SetParser;
import org.bouncycastle.asn1.ASN1StreamParser;
import org.bouncycastle.asn1.BERTags;
import org.bouncycastle.asn1.cms.AuthEnvelopedData;
import org.bouncycastle.asn1.cms.AuthEnvelopedDataParser;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.ContentInfoParser;
import org.bouncycastle.asn1.cms.EncryptedContentInfo;
import org.bouncycastle.asn1.cms.EncryptedContentInfoParser;
import org.bouncycastle.asn1.cms.GCMParameters;
import org.bouncycastle.asn1.cms.KeyAgreeRecipientInfo;
import org.bouncycastle.asn1.cms.KeyTransRecipientInfo;
import org.bouncycastle.asn1.cms.RecipientInfo;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAESOAEPparams;
import org.bouncycastle.asn1.pkcs.RSASSAPSSparams;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSAuthEnvelopedData;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedDataParser;
import org.bouncycastle.cms.CMSTypedStream;
import org.bouncycastle.cms.DefaultCMSSignatureAlgorithmNameGenerator;
import org.bouncycastle.cms.RecipientInformation;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationVerifier;
import org.bouncycastle.cms.jcajce.JceKeyAgreeRecipientId;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientId;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.hotlinekit.core.HotlinekitException;
import org.hotlinekit.core.LimitExceededException;
import org.hotlinekit.core.MalformedInputException;
import org.hotlinekit.core.UnsupportedInputException;
import org.hotlinekit.iccam.json.PacketInfo;
import org.hotlinekit.iccam.json.ReportDocument;
import org.hotlinekit.iccam.json.ReportJson;

/**
 * Opens packets. The document is released only after every check, in this order (the first that
 * fails decides the exception):
 *
 * <ol>
 *   <li>size at most the limit (default 64 MiB), before parsing; one DER/BER ContentInfo, no
 *       trailing bytes ({@link LimitExceededException}, {@link MalformedInputException});
 *   <li>the outer type is AuthEnvelopedData with AES-256-GCM (12-byte nonce, 16-byte tag); every
 *       recipient entry is ECDH P-256 with the SHA-256 KDF and AES-256 key wrap, or RSA-OAEP with
 *       SHA-256; EnvelopedData (CBC), RSA PKCS#1 v1.5, the SHA-1 KDF, password and KEK recipients
 *       are refused ({@link UnsupportedInputException}); algorithm identifiers without their
 *       parameters are malformed;
 *   <li>a recipient entry for this reader's certificate ({@link NotARecipientException}); its key
 *       unwraps the content key ({@link WrongKeyException});
 *   <li>the GCM tag ({@link TamperedException});
 *   <li>the inner content is SignedData (compressed content is refused, never decompressed) with
 *       exactly one signer, the hotlinekit eContentType, SHA-256, ECDSA or RSASSA-PSS, RSA keys of
 *       at least 3072 bits;
 *   <li>the signature, verified with Bouncy Castle ({@link TamperedException});
 *   <li>a PKIX path from the signer to a trust anchor, with the CRLs given (revocation is checked
 *       only when CRLs are given), and a signing key usage ({@link UntrustedSignerException});
 *   <li>the JSON document, strictly, and its packet header naming this reader's certificate (a
 *       packet re-encrypted by one recipient to another is refused as {@link
 *       NotARecipientException});
 *   <li>freshness: a signing time within the window (not older than {@link Builder#maxAge},
 *       not later than now plus {@link Builder#clockSkew}), and a packet id the {@link
 *       ReplayGuard} has not seen ({@link ReplayException}).
 * </ol>
 *
 * Thread-safe; its configuration is immutable (it keeps a small cache of parsed certificates,
 * and its replay guard remembers the packets it opened).
 */
public final class PacketReader {
  private static final ASN1ObjectIdentifier SHA256_KDF =
      SECObjectIdentifiers.dhSinglePass_stdDH_sha256kdf_scheme;

  private final PrivateKey key;
  private final X509Certificate certificate;
  private final String certificateSha256;
  private final Set<TrustAnchor> anchors;
  private final List<X509CRL> crls;
  private final long maxBytes;
  private final Clock clock;
  private final Duration maxAge;
  private final Duration clockSkew;
  private final ReplayGuard replayGuard;
  /** DER → parsed certificate, least recently used first; guarded by itself. */
  private final Map<ByteBuffer, X509Certificate> parsed =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ByteBuffer, X509Certificate> eldest) {
          return size() > PARSED_CERTIFICATES;
        }
      };

  private PacketReader(Builder b) {
    this.key = b.key;
    this.certificate = b.certificate;
    this.certificateSha256 = PacketWriter.sha256(b.certificate);
    this.anchors = Set.copyOf(b.anchors);
    this.crls = List.copyOf(b.crls);
    this.maxBytes = b.maxBytes;
    this.clock = b.clock;
    this.maxAge = b.maxAge;
    this.clockSkew = b.clockSkew;
    this.replayGuard = b.replayGuard;
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
   * Opens a packet from a stream, reading at most the size limit.
   *
   * @param in the packet
   * @return the verified content
   * @throws LimitExceededException if the stream holds more than the limit
   */
  public OpenedPacket open(InputStream in) {
    try {
      byte[] data = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
      return open(data);
    } catch (IOException e) {
      throw new org.hotlinekit.core.InputReadException("reading the packet failed: "
          + e.getMessage(), e);
    }
  }

  /**
   * Opens a packet.
   *
   * @param packet the packet bytes (DER or BER)
   * @return the verified content
   * @throws LimitExceededException over the size limit
   * @throws MalformedInputException if it is not a well-formed packet
   * @throws UnsupportedInputException for algorithms, structures or versions the profile refuses
   * @throws NotARecipientException if it is not for this reader
   * @throws WrongKeyException if this reader's key does not unwrap it
   * @throws TamperedException if the tag or the signature does not verify
   * @throws UntrustedSignerException if the signer is not trusted
   * @throws ReplayException if it was opened before or was signed outside the time window
   */
  public OpenedPacket open(byte[] packet) {
    Objects.requireNonNull(packet, "packet");
    Opened<byte[]> o = open(() -> new java.io.ByteArrayInputStream(packet), packet.length,
        in -> {
          byte[] payload = readAll(in, packet.length);
          return () -> payload;
        });
    ReportDocument doc = ReportJson.strict().read(o.content, "packet payload").document();
    PacketInfo header = header(doc.packet());
    checkFresh(header, o.signingTime);
    return new OpenedPacket(doc, header, o.signer, o.signingTime, o.content);
  }

  /**
   * Opens a packet file and writes its verified document, the exact signed JSON, to a file,
   * holding neither whole: the packet is read twice (its structure, then its content, which is
   * decrypted, its tag computed, its signature's digest taken and the document checked one report
   * at a time as it passes), so memory stays a few buffers whatever the packet's size. Every
   * check of {@link PacketReader} runs, in the same order, with the same exceptions as {@link
   * #open(byte[])}; the document file appears only once all of them passed (written to a
   * temporary file beside it, which replaces it atomically), and is left untouched otherwise.
   *
   * @param packet the packet file
   * @param document where the verified document goes (replaced if it exists)
   * @return what was verified
   * @throws org.hotlinekit.core.InputReadException if the packet cannot be read
   * @throws org.hotlinekit.core.OutputWriteException if the document cannot be written
   * @throws LimitExceededException over the size limit
   * @throws MalformedInputException if it is not a well-formed packet
   * @throws UnsupportedInputException for algorithms, structures or versions the profile refuses
   * @throws NotARecipientException if it is not for this reader
   * @throws WrongKeyException if this reader's key does not unwrap it
   * @throws TamperedException if the tag or the signature does not verify
   * @throws UntrustedSignerException if the signer is not trusted
   * @throws ReplayException if it was opened before or was signed outside the time window
   */
  public OpenedPacketFile open(java.nio.file.Path packet, java.nio.file.Path document) {
    Objects.requireNonNull(packet, "packet");
    Objects.requireNonNull(document, "document");
    long size = size(packet);
    Object[] result = new Object[1];
    org.hotlinekit.core.io.AtomicFiles.write(document, tmp -> {
      try (java.io.OutputStream file = writeFailures(document, new java.io.BufferedOutputStream(
          java.nio.file.Files.newOutputStream(tmp), 1 << 16))) {
        VerifiedPacket v = verify(packet, size, file);
        result[0] = new OpenedPacketFile(document, v.reports(), v.header(), v.signer(),
            v.signingTime());
      } catch (java.io.UncheckedIOException e) {
        throw e.getCause();
      }
    });
    return (OpenedPacketFile) result[0];
  }

  /**
   * Opens and verifies a packet file without keeping its document: every check of {@link
   * #open(java.nio.file.Path, java.nio.file.Path)} runs, in the same order, with the same
   * exceptions, and the packet is recorded as opened by the replay guard as {@code open} records
   * it; the document is checked one report at a time as it is decrypted and then dropped, so
   * memory stays a few buffers whatever the packet's size.
   *
   * @param packet the packet file
   * @return what was verified
   * @throws org.hotlinekit.core.InputReadException if the packet cannot be read
   * @throws LimitExceededException over the size limit
   * @throws MalformedInputException if it is not a well-formed packet
   * @throws UnsupportedInputException for algorithms, structures or versions the profile refuses
   * @throws NotARecipientException if it is not for this reader
   * @throws WrongKeyException if this reader's key does not unwrap it
   * @throws TamperedException if the tag or the signature does not verify
   * @throws UntrustedSignerException if the signer is not trusted
   * @throws ReplayException if it was opened before or was signed outside the time window
   */
  public VerifiedPacket verify(java.nio.file.Path packet) {
    Objects.requireNonNull(packet, "packet");
    return verify(packet, size(packet), OutputStream.nullOutputStream());
  }

  private static long size(java.nio.file.Path packet) {
    try {
      return java.nio.file.Files.size(packet);
    } catch (IOException e) {
      throw org.hotlinekit.core.InputReadException.of(packet, e);
    }
  }

  /** Both passes over a packet file, the signed document copied to {@code document} as it passes. */
  private VerifiedPacket verify(java.nio.file.Path packet, long size,
      java.io.OutputStream document) {
    // A failure to read the file is said as such, never taken for a malformed packet.
    Opened<ReportJson.Summary> o = open(() -> {
      try {
        return PacketWriter.readFailures(packet, new java.io.BufferedInputStream(
            java.nio.file.Files.newInputStream(packet), 1 << 16));
      } catch (IOException e) {
        throw org.hotlinekit.core.InputReadException.of(packet, e);
      }
    }, size, in -> checkedCopy(in, document));
    PacketInfo header = header(o.content.packet());
    checkFresh(header, o.signingTime);
    return new VerifiedPacket(o.content.reports(), header, o.signer, o.signingTime);
  }

  /**
   * A stream whose write failures are {@code OutputWriteException}s naming the document, so that
   * no reader of the packet takes a full disk for a malformed packet.
   */
  private static java.io.OutputStream writeFailures(java.nio.file.Path document,
      java.io.OutputStream out) {
    return new java.io.FilterOutputStream(out) {
      @Override
      public void write(int b) {
        try {
          out.write(b);
        } catch (IOException e) {
          throw failed(e);
        }
      }

      @Override
      public void write(byte[] b, int off, int len) {
        try {
          out.write(b, off, len);
        } catch (IOException e) {
          throw failed(e);
        }
      }

      @Override
      public void flush() {
        try {
          out.flush();
        } catch (IOException e) {
          throw failed(e);
        }
      }

      private org.hotlinekit.core.OutputWriteException failed(IOException e) {
        return new org.hotlinekit.core.OutputWriteException("writing " + document + " failed: "
            + e.getMessage(), e);
      }
    };
  }

  /**
   * The signed content copied to {@code out} as the document is checked, one report at a time.
   * The content is read to its end, so that its digest is complete; a refused document is
   * reported once the signature was checked, as a whole read reports it.
   */
  private static Content<ReportJson.Summary> checkedCopy(InputStream in, java.io.OutputStream out)
      throws IOException {
    InputStream tee = new java.io.FilterInputStream(in) {
      @Override
      public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
          out.write(b);
        }
        return b;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n > 0) {
          out.write(b, off, n);
        }
        return n;
      }

      @Override
      public long skip(long n) throws IOException {
        // Skipped bytes belong to the document: read (and copy) them.
        return n <= 0 ? 0 : Math.max(0, read(new byte[(int) Math.min(n, 8192)]));
      }
    };
    try {
      ReportJson.Summary s = ReportJson.strict().check(tee, "packet payload");
      return () -> s;
    } catch (HotlinekitException e) {
      tee.transferTo(OutputStream.nullOutputStream());
      return () -> {
        throw e;
      };
    }
  }

  /** The document's packet header, which must name this reader. */
  private PacketInfo header(Optional<PacketInfo> packet) {
    if (packet.isEmpty()) {
      throw new MalformedInputException("the signed document has no packet header");
    }
    PacketInfo header = packet.get();
    if (!header.recipientCertSha256().contains(certificateSha256)) {
      throw new NotARecipientException("the signed recipient list does not name this reader:"
          + " the packet was forwarded by one of its recipients");
    }
    return header;
  }

  /** Opens a fresh stream over the whole packet, for each pass. */
  @FunctionalInterface
  private interface Source {
    InputStream open() throws IOException;
  }

  /** Reads the signed content, to its end; what it gives is released only if all checks pass. */
  @FunctionalInterface
  private interface ContentReader<T> {
    Content<T> read(InputStream content) throws IOException;
  }

  /** The result of reading the signed content, or the failure kept until the signature is checked. */
  @FunctionalInterface
  private interface Content<T> {
    T get();
  }

  /** What the two layers gave: the content as read, the verified signer and signing time. */
  private static final class Opened<T> {
    final T content;
    final X509Certificate signer;
    final Instant signingTime;

    Opened(T content, X509Certificate signer, Instant signingTime) {
      this.content = content;
      this.signer = signer;
      this.signingTime = signingTime;
    }
  }

  /**
   * Both layers, in two reads of the packet: its structure (the encrypted content passed over),
   * then the encrypted content, whose tag is computed as it is decrypted and handed to the
   * signed layer; nothing is released unless the tag and the signature verify.
   */
  private <T> Opened<T> open(Source source, long size, ContentReader<T> reader) {
    if (size > maxBytes) {
      throw new LimitExceededException("the packet has more than " + maxBytes
          + " bytes (the limit); split large exports into several packets");
    }
    AuthEnvelopedData aed = read(source, size, ciphertext -> {
      ciphertext.transferTo(OutputStream.nullOutputStream());
      return null;
    }, true);
    prevalidate(aed);
    SecretKeySpec key = contentKey(aed);
    byte[] tag;
    byte[] aad;
    byte[] nonce;
    try {
      tag = aed.getMac().getOctets();
      aad = aed.getAuthAttrs() == null ? new byte[0]
          : aed.getAuthAttrs().getEncoded(ASN1Encoding.DER); // RFC 5083: the DER SET OF
      nonce = GCMParameters.getInstance(aed.getAuthEncryptedContentInfo()
          .getContentEncryptionAlgorithm().getParameters()).getNonce();
    } catch (IOException | RuntimeException e) {
      throw new MalformedInputException("the encrypted content is malformed", e);
    }
    if (tag.length != 16) {
      throw new MalformedInputException("the GCM tag has " + tag.length + " bytes, not 16");
    }
    Object[] opened = new Object[1];
    read(source, size, ciphertext -> {
      Decrypting plain;
      try {
        plain = new Decrypting(ciphertext, key, nonce, aad);
      } catch (GeneralSecurityException e) {
        throw new CryptoException("AES-GCM is not available: " + e.getMessage(), e);
      }
      Opened<Content<T>> inner;
      try {
        inner = signedLayer(plain, (int) Math.min(Integer.MAX_VALUE - 8, size), reader);
      } catch (RuntimeException e) {
        // The tag first, as a whole read checks it before the inner layer.
        plain.finish(tag);
        throw e;
      }
      plain.finish(tag);
      opened[0] = inner;
      return null;
    }, false);
    @SuppressWarnings("unchecked")
    Opened<Content<T>> inner = (Opened<Content<T>>) opened[0];
    return new Opened<>(inner.content.get(), inner.signer, inner.signingTime);
  }

  /**
   * AES-GCM plaintext of ciphertext as it is read, with the tag computed over the same bytes
   * ({@link PacketContent.Tag}); {@link #finish} reads what is left and compares the tag.
   */
  private static final class Decrypting extends InputStream {
    private final InputStream ciphertext;
    private final PacketContent.Tag tag;
    private final javax.crypto.Cipher ctr;
    private byte[] buffer = new byte[1 << 16];
    private boolean ended;

    Decrypting(InputStream ciphertext, SecretKeySpec key, byte[] nonce, byte[] aad)
        throws GeneralSecurityException {
      this.ciphertext = ciphertext;
      this.tag = new PacketContent.Tag(key, nonce, aad);
      this.ctr = PacketContent.ctr(key, nonce);
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) <= 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (ended) {
        return -1;
      }
      if (len == 0) {
        return 0;
      }
      int n = ciphertext.read(buffer, 0, Math.min(len, buffer.length));
      if (n < 0) {
        ended = true;
        return -1;
      }
      try {
        tag.update(buffer, 0, n);
        int out = ctr.update(buffer, 0, n, b, off);
        if (out != n) {
          throw new IOException("AES-CTR gave " + out + " bytes for " + n);
        }
      } catch (GeneralSecurityException e) {
        throw new IOException(e.getMessage(), e);
      }
      return n;
    }

    /** Reads the rest of the ciphertext and checks the tag over all of it. */
    void finish(byte[] expected) {
      try {
        byte[] skip = new byte[1 << 16];
        while (!ended) {
          read(skip, 0, skip.length);
        }
        tag.verify(expected);
      } catch (IOException e) {
        throw new MalformedInputException("the encrypted content is malformed: "
            + e.getMessage(), e);
      } catch (GeneralSecurityException e) {
        throw new TamperedException("the GCM tag does not verify: the packet was changed", e);
      }
    }
  }

  // ---------------------------------------------------------------------------- outer layer

  /** Reads the encrypted content (to its end), from the stream of its octets. */
  @FunctionalInterface
  private interface CiphertextReader {
    Void read(InputStream ciphertext) throws IOException;
  }

  /**
   * One read of the packet: the outer structure, with the encrypted content handed to {@code
   * ciphertext}; with {@code whole}, the structure after it too, and nothing may follow it.
   *
   * @return the structure, the encrypted content left out (with {@code whole}; else null)
   */
  private static AuthEnvelopedData read(Source source, long size, CiphertextReader ciphertext,
      boolean whole) {
    try (InputStream in = source.open()) {
      ASN1StreamParser top = new ASN1StreamParser(in, (int) Math.min(Integer.MAX_VALUE, size));
      Object first = top.readObject();
      if (first == null) {
        throw new MalformedInputException("the packet is empty");
      }
      if (!(first instanceof ASN1SequenceParser)) {
        throw new MalformedInputException("the packet is not a well-formed CMS ContentInfo");
      }
      ASN1SequenceParser ciSeq = (ASN1SequenceParser) first;
      ContentInfoParser ci = new ContentInfoParser(ciSeq);
      ASN1ObjectIdentifier type = ci.getContentType();
      if (!CMSObjectIdentifiers.authEnvelopedData.equals(type)) {
        throw new UnsupportedInputException("the packet is " + name(type)
            + ", not AuthEnvelopedData (AES-GCM); this profile accepts nothing else");
      }
      ASN1SequenceParser aedSeq = (ASN1SequenceParser) ci.getContent(BERTags.SEQUENCE);
      if (aedSeq == null) {
        throw new MalformedInputException("the AuthEnvelopedData structure is missing");
      }
      AuthEnvelopedDataParser p = new AuthEnvelopedDataParser(aedSeq);
      org.bouncycastle.asn1.cms.OriginatorInfo originator = p.getOriginatorInfo();
      ASN1SetParser recipientsParser = p.getRecipientInfos();
      if (recipientsParser == null) {
        throw new MalformedInputException("the AuthEnvelopedData has no recipients");
      }
      ASN1Set recipients = ASN1Set.getInstance(recipientsParser.toASN1Primitive());
      EncryptedContentInfoParser eci = p.getAuthEncryptedContentInfo();
      if (eci == null) {
        throw new MalformedInputException("the AuthEnvelopedData has no encrypted content info");
      }
      ASN1ObjectIdentifier contentType = eci.getContentType();
      AlgorithmIdentifier algorithm = eci.getContentEncryptionAlgorithm();
      ASN1Encodable content = eci.getEncryptedContent(BERTags.OCTET_STRING);
      if (content == null) {
        throw new MalformedInputException("the encrypted content is missing (detached)");
      }
      ciphertext.read(((ASN1OctetStringParser) content).getOctetStream());
      if (!whole) {
        return null;
      }
      // Each part loaded before the next is read.
      ASN1SetParser authParser = p.getAuthAttrs();
      ASN1Set authAttrs = authParser == null ? null
          : ASN1Set.getInstance(authParser.toASN1Primitive());
      ASN1OctetString mac = p.getMac();
      ASN1SetParser unauthParser = p.getUnauthAttrs();
      ASN1Set unauthAttrs = unauthParser == null ? null
          : ASN1Set.getInstance(unauthParser.toASN1Primitive());
      // The content is read by the caller; the structure keeps an empty stand-in.
      AuthEnvelopedData aed = new AuthEnvelopedData(originator, recipients,
          new EncryptedContentInfo(contentType, algorithm,
              new org.bouncycastle.asn1.DEROctetString(new byte[0])),
          authAttrs, mac, unauthAttrs);
      if (aedSeq.readObject() != null || ciSeq.readObject() != null || top.readObject() != null
          || in.read() >= 0) {
        throw new MalformedInputException("the packet has more than one CMS ContentInfo, or"
            + " bytes after it");
      }
      return aed;
    } catch (HotlinekitException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new MalformedInputException("the packet is not a well-formed CMS ContentInfo"
          + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
    } catch (StackOverflowError e) {
      throw new MalformedInputException("the packet is nested too deeply", null);
    }
  }

  private static void prevalidate(AuthEnvelopedData aed) {
    try {
      AlgorithmIdentifier cipher =
          aed.getAuthEncryptedContentInfo().getContentEncryptionAlgorithm();
      if (!NISTObjectIdentifiers.id_aes256_GCM.equals(cipher.getAlgorithm())) {
        throw new UnsupportedInputException("content cipher " + cipher.getAlgorithm()
            + " is not AES-256-GCM");
      }
      if (cipher.getParameters() == null) {
        throw new MalformedInputException("AES-GCM without its parameters");
      }
      GCMParameters gcm = GCMParameters.getInstance(cipher.getParameters());
      if (gcm.getNonce().length != 12 || gcm.getIcvLen() != 16) {
        throw new UnsupportedInputException("AES-GCM nonce must be 12 bytes and the tag 16, got "
            + gcm.getNonce().length + " and " + gcm.getIcvLen());
      }
      for (ASN1Encodable e : aed.getRecipientInfos()) {
        ASN1Encodable info = RecipientInfo.getInstance(e).getInfo();
        if (info instanceof KeyTransRecipientInfo) {
          checkOaep(((KeyTransRecipientInfo) info).getKeyEncryptionAlgorithm());
        } else if (info instanceof KeyAgreeRecipientInfo) {
          AlgorithmIdentifier kea = ((KeyAgreeRecipientInfo) info).getKeyEncryptionAlgorithm();
          if (!SHA256_KDF.equals(kea.getAlgorithm())) {
            throw new UnsupportedInputException("key agreement " + kea.getAlgorithm()
                + " is not ECDH with the SHA-256 KDF (the SHA-1 KDF is refused)");
          }
          if (kea.getParameters() == null) {
            throw new MalformedInputException("key agreement algorithm without its key-wrap"
                + " parameters");
          }
          AlgorithmIdentifier wrap = AlgorithmIdentifier.getInstance(kea.getParameters());
          if (!NISTObjectIdentifiers.id_aes256_wrap.equals(wrap.getAlgorithm())) {
            throw new UnsupportedInputException("key wrap " + wrap.getAlgorithm()
                + " is not AES-256 key wrap");
          }
        } else {
          throw new UnsupportedInputException("password and KEK recipients are refused");
        }
      }
    } catch (HotlinekitException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new MalformedInputException("malformed algorithm identifiers in the packet", e);
    }
  }

  private static void checkOaep(AlgorithmIdentifier alg) {
    if (PKCSObjectIdentifiers.rsaEncryption.equals(alg.getAlgorithm())) {
      throw new UnsupportedInputException("RSA PKCS#1 v1.5 key transport is refused; use"
          + " RSA-OAEP with SHA-256");
    }
    if (!PKCSObjectIdentifiers.id_RSAES_OAEP.equals(alg.getAlgorithm())) {
      throw new UnsupportedInputException("key transport " + alg.getAlgorithm()
          + " is not RSA-OAEP");
    }
    if (alg.getParameters() == null) {
      throw new MalformedInputException("RSA-OAEP without its parameters");
    }
    RSAESOAEPparams p = RSAESOAEPparams.getInstance(alg.getParameters());
    AlgorithmIdentifier mgf = p.getMaskGenAlgorithm();
    if (!NISTObjectIdentifiers.id_sha256.equals(p.getHashAlgorithm().getAlgorithm())
        || !PKCSObjectIdentifiers.id_mgf1.equals(mgf.getAlgorithm())
        || mgf.getParameters() == null
        || !NISTObjectIdentifiers.id_sha256.equals(
            AlgorithmIdentifier.getInstance(mgf.getParameters()).getAlgorithm())) {
      throw new UnsupportedInputException("RSA-OAEP must use SHA-256 and MGF1 with SHA-256");
    }
  }

  /** This reader's content key, from its recipient entry. */
  private SecretKeySpec contentKey(AuthEnvelopedData aed) {
    CMSAuthEnvelopedData env;
    try {
      // For its recipient matching and key unwrapping; the content is read by this class.
      env = new CMSAuthEnvelopedData(new ContentInfo(CMSObjectIdentifiers.authEnvelopedData,
          aed));
    } catch (CMSException | RuntimeException e) {
      throw new MalformedInputException("the packet cannot be parsed as AuthEnvelopedData", e);
    }
    RecipientInformation mine;
    PacketContent.KeyCatcher recipient;
    if (certificate.getPublicKey() instanceof ECPublicKey) {
      mine = env.getRecipientInfos().get(new JceKeyAgreeRecipientId(certificate));
      recipient = new PacketContent.KeyAgree(key);
    } else {
      mine = env.getRecipientInfos().get(new JceKeyTransRecipientId(certificate));
      recipient = new PacketContent.KeyTrans(key);
    }
    if (mine == null) {
      throw new NotARecipientException("the packet has no recipient entry for this reader's"
          + " certificate");
    }
    try {
      mine.getContentStream(recipient); // unwraps the content key; the stream is never read
    } catch (CMSException | IOException | RuntimeException e) {
      throw new WrongKeyException("this reader's private key does not unwrap the content key",
          e);
    }
    return recipient.contentKey();
  }

  // ---------------------------------------------------------------------------- inner layer

  /**
   * The content type of a ContentInfo, read without parsing its content: the stream is reset to
   * where it was.
   */
  private static ASN1ObjectIdentifier contentType(java.io.BufferedInputStream in, int limit) {
    try {
      in.mark(1 << 16);
      Object first = new ASN1StreamParser(in, limit).readObject();
      if (!(first instanceof ASN1SequenceParser)) {
        throw new MalformedInputException(first == null ? "the signed content is empty"
            : "the signed content is not a CMS ContentInfo");
      }
      ASN1ObjectIdentifier type =
          new ContentInfoParser((ASN1SequenceParser) first).getContentType();
      if (type == null) {
        throw new MalformedInputException("the signed content is not a CMS ContentInfo");
      }
      in.reset();
      return type;
    } catch (MalformedInputException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new MalformedInputException("the signed content is not a well-formed CMS"
          + " ContentInfo" + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
    }
  }

  /** Everything left in a stream that holds at most {@code max} bytes, in one exact array. */
  private static byte[] readAll(InputStream in, int max) throws IOException {
    byte[] buf = new byte[max];
    int n = 0;
    for (int r; n < max && (r = in.read(buf, n, max - n)) > 0; ) {
      n += r;
    }
    if (n == max && in.read() >= 0) {
      throw new MalformedInputException("the signed content is longer than the packet");
    }
    return n == max ? buf : Arrays.copyOf(buf, n);
  }

  /**
   * The signed layer, from the plaintext as it is decrypted: the content goes to {@code reader}
   * (digested as it is read), then the signer is checked.
   */
  private <T> Opened<Content<T>> signedLayer(InputStream plain, int limit,
      ContentReader<T> reader) {
    java.io.BufferedInputStream inner = new java.io.BufferedInputStream(plain, 1 << 16);
    ASN1ObjectIdentifier type = contentType(inner, limit);
    if (CMSObjectIdentifiers.compressedData.equals(type)) {
      throw new UnsupportedInputException("compressed content is refused (never decompressed)");
    }
    if (!CMSObjectIdentifiers.signedData.equals(type)) {
      throw new UnsupportedInputException("the encrypted content is " + name(type)
          + ", not SignedData");
    }
    // Streamed, not parsed into a tree: the content goes to the reader and is digested as it
    // is read.
    CMSSignedDataParser sd;
    Content<T> payload;
    Collection<SignerInformation> signers;
    try {
      sd = new CMSSignedDataParser(new JcaDigestCalculatorProviderBuilder().build(),
          new org.bouncycastle.asn1.ASN1InputStream(inner, limit));
      for (AlgorithmIdentifier a : sd.getDigestAlgorithmIDs()) {
        if (!NISTObjectIdentifiers.id_sha256.equals(a.getAlgorithm())) {
          throw new UnsupportedInputException("digest " + a.getAlgorithm()
              + " is not SHA-256");
        }
      }
      if (!PacketProfile.CONTENT_TYPE.equals(sd.getSignedContentTypeOID())) {
        throw new UnsupportedInputException("eContentType " + sd.getSignedContentTypeOID()
            + " is not a hotlinekit packet version 1 (" + PacketProfile.CONTENT_TYPE + ")");
      }
      CMSTypedStream content = sd.getSignedContent();
      if (content == null) {
        throw new MalformedInputException("detached SignedData: the content is missing");
      }
      try (InputStream in = content.getContentStream()) {
        payload = reader.read(in);
      }
      signers = sd.getSignerInfos().getSigners();
    } catch (HotlinekitException e) {
      throw e;
    } catch (CMSException | IOException | RuntimeException
        | org.bouncycastle.operator.OperatorCreationException e) {
      throw new MalformedInputException("the SignedData structure is malformed", e);
    }
    if (signers.size() != 1) {
      throw new MalformedInputException("a packet has exactly one signer, this one has "
          + signers.size());
    }
    SignerInformation si = signers.iterator().next();
    if (!NISTObjectIdentifiers.id_sha256.getId().equals(si.getDigestAlgOID())) {
      throw new UnsupportedInputException("digest " + si.getDigestAlgOID() + " is not SHA-256");
    }
    checkSignatureAlgorithm(si);
    org.bouncycastle.util.Store<X509CertificateHolder> certificates;
    try {
      @SuppressWarnings("unchecked")
      org.bouncycastle.util.Store<X509CertificateHolder> store = sd.getCertificates();
      certificates = store;
    } catch (CMSException | RuntimeException e) {
      throw new MalformedInputException("the certificates in the packet are malformed", e);
    }
    Collection<X509CertificateHolder> matches = certificates.getMatches(si.getSID());
    if (matches.isEmpty()) {
      throw new UntrustedSignerException(UntrustedSignerException.Reason.NO_PATH,
          "the packet does not carry the signer's certificate", null);
    }
    X509Certificate signer;
    List<X509Certificate> carried = new ArrayList<>();
    try {
      signer = certificate(matches.iterator().next());
      Collection<X509CertificateHolder> all = certificates.getMatches(null);
      for (X509CertificateHolder h : all) {
        carried.add(certificate(h));
      }
    } catch (GeneralSecurityException | IOException | RuntimeException e) {
      throw new MalformedInputException("a certificate in the packet is malformed", e);
    }
    if (signer.getPublicKey() instanceof RSAPublicKey
        && ((RSAPublicKey) signer.getPublicKey()).getModulus().bitLength() < 3072) {
      throw new UnsupportedInputException("RSA signer keys must have at least 3072 bits");
    }
    if (signer.getPublicKey() instanceof ECPublicKey
        && !PacketProfile.isP256((ECPublicKey) signer.getPublicKey())) {
      throw new UnsupportedInputException("EC signer keys must be on P-256");
    }
    Instant signingTime = signingTime(si);
    try {
      // Bouncy Castle refuses a certificate not valid at the signing time; say so as such.
      signer.checkValidity(Date.from(signingTime));
    } catch (java.security.cert.CertificateException e) {
      throw new UntrustedSignerException(UntrustedSignerException.Reason.EXPIRED,
          "the signer's certificate was not valid at the signing time " + signingTime, e);
    }
    boolean valid;
    try {
      SignerInformationVerifier verifier = new SignerInformationVerifier(
          new DefaultCMSSignatureAlgorithmNameGenerator(),
          new DefaultSignatureAlgorithmIdentifierFinder(),
          // EC signatures through the JDK (no Bouncy Castle provider to build); RSA-PSS needs it.
          (signer.getPublicKey() instanceof java.security.interfaces.ECPublicKey
              ? new JcaContentVerifierProviderBuilder()
              : new JcaContentVerifierProviderBuilder().setProvider(PacketProfile.bc()))
              .build(signer),
          new JcaDigestCalculatorProviderBuilder().build());
      valid = si.verify(verifier);
    } catch (CMSException e) {
      throw new TamperedException("the signature does not verify: " + e.getMessage(), e);
    } catch (RuntimeException
        | org.bouncycastle.operator.OperatorCreationException e) {
      throw new TamperedException("the signature cannot be verified: " + e.getMessage(), e);
    }
    if (!valid) {
      throw new TamperedException("the signature does not verify", null);
    }
    validatePath(signer, carried);
    return new Opened<>(payload, signer, signingTime);
  }

  /**
   * The certificate for a DER encoding, parsed once per reader: a hotline opens many packets
   * from the same few partners, and reusing the parsed certificate lets the JDK's own cache of
   * a certificate's verified signature spare the path validation its public-key operation (an
   * ECDSA verification, about a millisecond on JDK 17). Validity, key usage and revocation are
   * checked again for every packet. At most {@value #PARSED_CERTIFICATES} are kept.
   */
  private X509Certificate certificate(X509CertificateHolder holder)
      throws IOException, java.security.cert.CertificateException {
    ByteBuffer der = ByteBuffer.wrap(holder.getEncoded());
    synchronized (parsed) {
      X509Certificate c = parsed.get(der);
      if (c != null) {
        return c;
      }
    }
    X509Certificate c = new JcaX509CertificateConverter().getCertificate(holder);
    synchronized (parsed) {
      parsed.put(der, c);
    }
    return c;
  }

  private static final int PARSED_CERTIFICATES = 64;

  /** The time window, then the replay guard: last, so that only verified packets are recorded. */
  private void checkFresh(PacketInfo header, Instant signingTime) {
    Instant now = clock.instant();
    if (signingTime.isAfter(now.plus(clockSkew))) {
      throw new ReplayException(ReplayException.Reason.SIGNED_IN_THE_FUTURE, "the packet was"
          + " signed at " + signingTime + ", later than now (" + now + ") plus the allowed clock"
          + " skew of " + clockSkew);
    }
    Instant oldest = now.minus(maxAge);
    if (signingTime.isBefore(oldest)) {
      throw new ReplayException(ReplayException.Reason.TOO_OLD, "the packet was signed at "
          + signingTime + ", more than " + maxAge + " ago");
    }
    if (!replayGuard.firstOpening(header.packetId(), signingTime, oldest)) {
      throw new ReplayException(ReplayException.Reason.REPLAYED, "packet " + header.packetId()
          + " was opened before: a replay");
    }
  }

  private static void checkSignatureAlgorithm(SignerInformation si) {
    String oid = si.getEncryptionAlgOID();
    if (X9ObjectIdentifiers.ecdsa_with_SHA256.getId().equals(oid)) {
      return;
    }
    if (PKCSObjectIdentifiers.id_RSASSA_PSS.getId().equals(oid)) {
      try {
        RSASSAPSSparams p = RSASSAPSSparams.getInstance(si.getEncryptionAlgParams());
        if (p != null && NISTObjectIdentifiers.id_sha256.equals(p.getHashAlgorithm()
            .getAlgorithm())) {
          return;
        }
      } catch (RuntimeException e) {
        throw new MalformedInputException("RSASSA-PSS parameters are malformed", e);
      }
      throw new UnsupportedInputException("RSASSA-PSS must use SHA-256");
    }
    throw new UnsupportedInputException("signature algorithm " + oid
        + " is not ECDSA with SHA-256 or RSASSA-PSS");
  }

  private static Instant signingTime(SignerInformation si) {
    try {
      if (si.getSignedAttributes() != null
          && si.getSignedAttributes().get(CMSAttributes.signingTime) != null) {
        return Time.getInstance(si.getSignedAttributes().get(CMSAttributes.signingTime)
            .getAttrValues().getObjectAt(0)).getDate().toInstant();
      }
    } catch (RuntimeException e) {
      throw new MalformedInputException("the signing time is malformed", e);
    }
    throw new MalformedInputException("the signature has no signing time");
  }

  private void validatePath(X509Certificate signer, List<X509Certificate> carried) {
    Optional<String> unusable = CertificateRules.signerUsage(signer);
    if (unusable.isPresent()) {
      throw new UntrustedSignerException(UntrustedSignerException.Reason.KEY_USAGE,
          unusable.get(), null);
    }
    List<X509Certificate> path = new ArrayList<>();
    path.add(signer);
    Set<X509Certificate> used = new HashSet<>(path);
    X509Certificate last = signer;
    for (int i = 0; i < carried.size(); i++) {
      X509Certificate next = null;
      for (X509Certificate c : carried) {
        if (!used.contains(c) && c.getSubjectX500Principal().equals(
            last.getIssuerX500Principal())) {
          next = c;
        }
      }
      if (next == null || isAnchor(next)) {
        break;
      }
      path.add(next);
      used.add(next);
      last = next;
    }
    try {
      CertificateFactory cf = CertificateFactory.getInstance("X.509");
      CertPath cp = cf.generateCertPath(path);
      PKIXParameters params = new PKIXParameters(anchors);
      params.setDate(Date.from(clock.instant()));
      params.setRevocationEnabled(!crls.isEmpty());
      if (!crls.isEmpty()) {
        params.addCertStore(CertStore.getInstance("Collection",
            new CollectionCertStoreParameters(crls)));
      }
      CertPathValidator.getInstance("PKIX").validate(cp, params);
    } catch (CertPathValidatorException e) {
      UntrustedSignerException.Reason reason = UntrustedSignerException.Reason.NO_PATH;
      if (e.getReason() == CertPathValidatorException.BasicReason.EXPIRED
          || e.getReason() == CertPathValidatorException.BasicReason.NOT_YET_VALID) {
        reason = UntrustedSignerException.Reason.EXPIRED;
      } else if (e.getReason() == CertPathValidatorException.BasicReason.REVOKED) {
        reason = UntrustedSignerException.Reason.REVOKED;
      } else if (e.getReason()
          == CertPathValidatorException.BasicReason.UNDETERMINED_REVOCATION_STATUS) {
        reason = UntrustedSignerException.Reason.REVOCATION_UNKNOWN;
      } else if (e.getReason() == PKIXReason.INVALID_KEY_USAGE) {
        reason = UntrustedSignerException.Reason.KEY_USAGE;
      }
      throw new UntrustedSignerException(reason, "the signer is not trusted: " + e.getMessage(),
          e);
    } catch (GeneralSecurityException e) {
      throw new UntrustedSignerException(UntrustedSignerException.Reason.NO_PATH,
          "the signer's path cannot be validated: " + e.getMessage(), e);
    }
  }

  private boolean isAnchor(X509Certificate c) {
    for (TrustAnchor a : anchors) {
      if (c.equals(a.getTrustedCert())) {
        return true;
      }
    }
    return false;
  }

  private static String name(ASN1ObjectIdentifier oid) {
    if (CMSObjectIdentifiers.envelopedData.equals(oid)) {
      return "EnvelopedData (CBC, no authentication)";
    }
    if (CMSObjectIdentifiers.signedData.equals(oid)) {
      return "SignedData (not encrypted)";
    }
    if (CMSObjectIdentifiers.compressedData.equals(oid)) {
      return "CompressedData";
    }
    if (CMSObjectIdentifiers.data.equals(oid)) {
      return "plain data";
    }
    return "content type " + oid;
  }

  /** Configures a {@link PacketReader}. */
  public static final class Builder {
    private PrivateKey key;
    private X509Certificate certificate;
    private final Set<TrustAnchor> anchors = new HashSet<>();
    private final List<X509CRL> crls = new ArrayList<>();
    private long maxBytes = PacketProfile.DEFAULT_MAX_BYTES;
    private Clock clock = Clock.systemUTC();
    private Duration maxAge = Duration.ofDays(30);
    private Duration clockSkew = Duration.ofMinutes(5);
    private ReplayGuard replayGuard = ReplayGuard.inMemory();

    private Builder() {}

    /**
     * This reader's key and certificate (EC P-256 or RSA).
     *
     * @param privateKey the private key
     * @param cert its certificate, as the sender encrypted to it
     * @return this builder
     */
    public Builder recipient(PrivateKey privateKey, X509Certificate cert) {
      this.key = Objects.requireNonNull(privateKey, "privateKey");
      this.certificate = Objects.requireNonNull(cert, "cert");
      return this;
    }

    /**
     * Adds a trust anchor for signers (repeatable).
     *
     * @param anchor a CA certificate
     * @return this builder
     */
    public Builder trustAnchor(X509Certificate anchor) {
      anchors.add(new TrustAnchor(Objects.requireNonNull(anchor, "anchor"), null));
      return this;
    }

    /**
     * Adds a CRL; with any CRL, revocation is checked for the whole path.
     *
     * @param crl the CRL
     * @return this builder
     */
    public Builder crl(X509CRL crl) {
      crls.add(Objects.requireNonNull(crl, "crl"));
      return this;
    }

    /**
     * The largest packet accepted (default 64 MiB). {@link PacketReader#open(byte[])} holds the
     * packet, its signed content and the document in memory; {@link PacketReader#open(
     * java.nio.file.Path, java.nio.file.Path)} holds a few buffers whatever the size.
     *
     * @param bytes the limit
     * @return this builder
     */
    public Builder maxBytes(long bytes) {
      if (bytes < 1) {
        throw new IllegalArgumentException("maxBytes must be positive");
      }
      this.maxBytes = bytes;
      return this;
    }

    /**
     * The clock for certificate validity (default: the system clock).
     *
     * @param c the clock
     * @return this builder
     */
    public Builder clock(Clock c) {
      this.clock = Objects.requireNonNull(c, "c");
      return this;
    }

    /**
     * The oldest signing time accepted, as an age (default 30 days): older packets are refused
     * as {@link ReplayException.Reason#TOO_OLD}, and the replay guard forgets ids older than this.
     *
     * @param age the maximum age
     * @return this builder
     */
    public Builder maxAge(Duration age) {
      if (age.isNegative() || age.isZero()) {
        throw new IllegalArgumentException("maxAge must be positive");
      }
      this.maxAge = age;
      return this;
    }

    /**
     * How far in the future a signing time may be, for clocks that disagree (default 5 minutes);
     * later ones are refused as {@link ReplayException.Reason#SIGNED_IN_THE_FUTURE}.
     *
     * @param skew the allowed skew
     * @return this builder
     */
    public Builder clockSkew(Duration skew) {
      if (skew.isNegative()) {
        throw new IllegalArgumentException("clockSkew must not be negative");
      }
      this.clockSkew = skew;
      return this;
    }

    /**
     * Where opened packet ids are remembered (default: {@link ReplayGuard#inMemory()}, a new one
     * per reader).
     *
     * @param guard the guard
     * @return this builder
     */
    public Builder replayGuard(ReplayGuard guard) {
      this.replayGuard = Objects.requireNonNull(guard, "guard");
      return this;
    }

    /**
     * Builds the reader.
     *
     * @return the reader
     * @throws IllegalStateException without a recipient key or a trust anchor
     */
    public PacketReader build() {
      if (key == null || anchors.isEmpty()) {
        throw new IllegalStateException("a packet reader needs its own key and certificate and"
            + " at least one trust anchor");
      }
      return new PacketReader(this);
    }
  }
}
