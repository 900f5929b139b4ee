package org.hotlinekit.benchmarks;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSAuthEnvelopedData;
import org.bouncycastle.cms.CMSAuthEnvelopedDataGenerator;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.RecipientInformation;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder;
import org.bouncycastle.cms.jcajce.JceKeyAgreeAuthEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JceKeyAgreeRecipientId;
import org.bouncycastle.cms.jcajce.JceKeyAgreeRecipientInfoGenerator;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientInfoGenerator;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.OutputAEADEncryptor;
import org.bouncycastle.operator.jcajce.JcaAlgorithmParametersConverter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.hotlinekit.iccam.json.PacketInfo;
import org.hotlinekit.iccam.json.ReportDocument;
import org.hotlinekit.iccam.json.ReportJson;
import org.hotlinekit.iccam.model.ContentItem;
import org.hotlinekit.iccam.model.MediaType;
import org.hotlinekit.iccam.model.Report;
import org.hotlinekit.iccam.packet.PacketReader;
import org.hotlinekit.iccam.packet.ReplayGuard;
import org.hotlinekit.iccam.packet.PacketWriter;
import org.hotlinekit.iccam.packet.SignerIdentity;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Seal and open of packets whose JSON payload is about 1 KiB, 1 MiB or 64 MiB; one ECDSA P-256
 * signer, two recipients (ECDH P-256 and RSA-3072 OAEP); opening includes the PKIX path and the
 * JSON. Baseline in the same run: the same CMS structures with Bouncy Castle doing everything
 * (signature, SHA-256, AES-GCM), as a Bouncy-Castle-only implementation would; hotlinekit uses the
 * JDK's AES-GCM and SHA-256 under Bouncy Castle's structures. Both include the same JSON work
 * (writing the document on seal, reading it strictly on open), measured on its own by {@code
 * jsonWrite} and {@code jsonRead} so that the packet layer's share can be told apart.
 *
 * <p>Warm-up is 10 x 3 s: hotlinekit's open reaches its steady state only after about 25 s of
 * opening 1 MiB packets (6.5 ms in the first measured seconds, then 4.3-4.5), as the JDK's AES and
 * GHASH paths are compiled; the all-Bouncy-Castle baseline is steady after about 6 s. The first
 * warm-up iterations show the cold figures.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 10, time = 3)
@Measurement(iterations = 4, time = 3)
@Fork(value = 1, jvmArgs = {"-Xmx6g"})
public class PacketBenchmark {
  @Param({"1024", "1048576", "67108864"})
  int payloadBytes;

  static final Provider BC = new BouncyCastleProvider();
  static final ASN1ObjectIdentifier CONTENT = new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.7.1.1");

  ReportDocument doc;
  PacketWriter writer;
  PacketReader reader;
  byte[] packet;
  byte[] bcPacket;
  byte[] json;
  KeyPair signerKeys;
  X509Certificate signerCert;
  KeyPair ecKeys;
  X509Certificate ecCert;
  X509Certificate rsaCert;
  X509Certificate caCert;

  @Setup
  public void setUp() throws Exception {
    KeyPair ca = ec();
    caCert = cert("Benchmark CA", ca, ca.getPrivate(), null, true, 0);
    signerKeys = ec();
    signerCert = cert("Benchmark Signer", signerKeys, ca.getPrivate(), caCert, false,
        KeyUsage.digitalSignature);
    ecKeys = ec();
    ecCert = cert("Benchmark EC Recipient", ecKeys, ca.getPrivate(), caCert, false,
        KeyUsage.keyAgreement);
    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(3072);
    rsaCert = cert("Benchmark RSA Recipient", rsa.generateKeyPair(), ca.getPrivate(), caCert,
        false, KeyUsage.keyEncipherment);
    doc = document(payloadBytes);
    writer = PacketWriter.builder().sender("BE-benchmark")
        .signer(SignerIdentity.of(signerKeys.getPrivate(), signerCert, List.of()))
        .recipient(ecCert).recipient(rsaCert).build();
    // One packet is opened again and again: no replay guard (the time window still applies).
    reader = PacketReader.builder().recipient(ecKeys.getPrivate(), ecCert).trustAnchor(caCert)
        .maxBytes(128L << 20).replayGuard(ReplayGuard.none()).build();
    packet = writer.seal(doc);
    bcPacket = bcSeal();
    json = ReportJson.strict().write(doc);
    System.out.printf("%npayload %d bytes, packet %d bytes%n",
        ReportJson.strict().write(doc).length, packet.length);
  }

  @Benchmark
  public byte[] sealHotlinekit() {
    return writer.seal(doc);
  }

  @Benchmark
  public Object openHotlinekit() {
    return reader.open(packet);
  }

  @Benchmark
  public byte[] jsonWrite() {
    return ReportJson.strict().write(doc);
  }

  @Benchmark
  public Object jsonRead() {
    return ReportJson.strict().read(json, "benchmark").document();
  }

  @Benchmark
  public byte[] sealAllBouncyCastle() throws Exception {
    return bcSeal();
  }

  @Benchmark
  public Object openAllBouncyCastle() throws Exception {
    CMSAuthEnvelopedData env = new CMSAuthEnvelopedData(bcPacket);
    RecipientInformation ri = env.getRecipientInfos().get(new JceKeyAgreeRecipientId(ecCert));
    byte[] inner = ri.getContent(new JceKeyAgreeAuthEnvelopedRecipient(ecKeys.getPrivate())
        .setProvider(BC));
    CMSSignedData sd = new CMSSignedData(inner);
    SignerInformation si = sd.getSignerInfos().getSigners().iterator().next();
    @SuppressWarnings("unchecked")
    X509CertificateHolder holder = (X509CertificateHolder) sd.getCertificates()
        .getMatches(si.getSID()).iterator().next();
    if (!si.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(BC).build(holder))) {
      throw new IllegalStateException("bad signature");
    }
    java.security.cert.PKIXParameters params = new java.security.cert.PKIXParameters(
        java.util.Set.of(new java.security.cert.TrustAnchor(caCert, null)));
    params.setRevocationEnabled(false);
    java.security.cert.CertPathValidator.getInstance("PKIX").validate(
        java.security.cert.CertificateFactory.getInstance("X.509")
            .generateCertPath(List.of(signerCert)), params);
    return ReportJson.strict().read((byte[]) sd.getSignedContent().getContent(), "bc")
        .document();
  }

  private byte[] bcSeal() throws Exception {
    byte[] payload = ReportJson.strict().write(doc.withPacket(new PacketInfo(UUID.randomUUID(),
        Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), "BE-benchmark",
        List.of(PacketWriter.sha256(ecCert), PacketWriter.sha256(rsaCert)))));
    CMSSignedDataGenerator g = new CMSSignedDataGenerator();
    g.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
        new JcaDigestCalculatorProviderBuilder().setProvider(BC).build()).build(
        new JcaContentSignerBuilder("SHA256withECDSA").setProvider(BC)
            .build(signerKeys.getPrivate()), signerCert));
    g.addCertificates(new JcaCertStore(List.of(signerCert)));
    byte[] signed = g.generate(new CMSProcessableByteArray(CONTENT, payload), true)
        .getEncoded("DER");
    KeyPair eph = ec();
    CMSAuthEnvelopedDataGenerator e = new CMSAuthEnvelopedDataGenerator();
    e.addRecipientInfoGenerator(new JceKeyAgreeRecipientInfoGenerator(
        CMSAlgorithm.ECDH_SHA256KDF, eph.getPrivate(), eph.getPublic(), CMSAlgorithm.AES256_WRAP)
        .setProvider(BC).addRecipient(ecCert));
    e.addRecipientInfoGenerator(new JceKeyTransRecipientInfoGenerator(rsaCert,
        new JcaAlgorithmParametersConverter().getAlgorithmIdentifier(
            PKCSObjectIdentifiers.id_RSAES_OAEP, new OAEPParameterSpec("SHA-256", "MGF1",
                MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT))).setProvider(BC));
    return e.generate(new CMSProcessableByteArray(signed), (OutputAEADEncryptor)
        new JceCMSContentEncryptorBuilder(CMSAlgorithm.AES256_GCM).setProvider(BC).build())
        .toASN1Structure().getEncoded("DER");
  }

  static ReportDocument document(int bytes) {
    List<Report> reports = new ArrayList<>();
    int memo = Math.min(16 << 10, Math.max(100, bytes / 2));
    String text = "x".repeat(memo);
    int total = 0;
    int n = 0;
    do {
      List<ContentItem> items = List.of(new ContentItem("1", "https://example.org/" + n + ".jpg",
          MediaType.IMAGE, Optional.empty(), Optional.empty(), Optional.empty(), List.of(),
          List.of(), List.of(), Optional.of(text)));
      reports.add(new Report("R" + n, "BE-benchmark", Instant.parse("2026-11-01T10:00:00Z"),
          ZoneId.of("Europe/Brussels"), "https://example.org/" + n, Optional.empty(),
          Optional.empty(), Optional.empty(), List.of(), Optional.empty(), items));
      total += memo + 400;
      n++;
    } while (total < bytes);
    return new ReportDocument(reports);
  }

  static KeyPair ec() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"));
    return g.generateKeyPair();
  }

  static long serial = 1;

  static X509Certificate cert(String cn, KeyPair keys, PrivateKey issuerKey,
      X509Certificate issuer, boolean ca, int usage) throws Exception {
    X500Name subject = new X500Name("CN=" + cn);
    Date from = new Date(System.currentTimeMillis() - 60_000);
    Date to = new Date(System.currentTimeMillis() + 86_400_000L);
    JcaX509v3CertificateBuilder b = issuer == null
        ? new JcaX509v3CertificateBuilder(subject, BigInteger.valueOf(serial++), from, to, subject,
            keys.getPublic())
        : new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(serial++), from, to, subject,
            keys.getPublic());
    b.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
    b.addExtension(Extension.keyUsage, true,
        new KeyUsage(ca ? KeyUsage.keyCertSign | KeyUsage.cRLSign : usage));
    return new JcaX509CertificateConverter().getCertificate(
        b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey)));
  }
}
