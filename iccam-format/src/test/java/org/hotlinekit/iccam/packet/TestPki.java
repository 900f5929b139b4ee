package org.hotlinekit.iccam.packet;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A test PKI generated at test time (no private key is committed): a trusted CA and an untrusted
 * one, signers (EC, RSA-3072; expired, revoked, key-agreement-only), recipients (EC, RSA-3072) and
 * a CRL. Names are invented.
 */
final class TestPki {
  static final TestPki INSTANCE = create();

  final Entity ca;
  final Entity otherCa;
  final Entity ecSigner;
  /** Valid from 90 days ago to 90 days ahead: for packets signed long ago or in the future. */
  final Entity longLivedSigner;
  final Entity rsaSigner;
  final Entity expiredSigner;
  final Entity revokedSigner;
  final Entity keyAgreementSigner;
  final Entity untrustedSigner;
  final Entity ecRecipient;
  final Entity rsaRecipient;
  final Entity thirdParty;
  /** A signer whose extended key usage is serverAuth only (OpenSSL's smimesign refuses it). */
  final Entity serverAuthSigner;
  /** A signer whose extended key usage includes emailProtection. */
  final Entity emailSigner;
  final Entity expiredRecipient;
  final X509CRL crl;

  /** A key pair with its certificate. */
  record Entity(String name, KeyPair keys, X509Certificate cert) {
    PrivateKey key() {
      return keys.getPrivate();
    }
  }

  private TestPki() throws GeneralSecurityException, IOException {
    Instant now = Instant.now();
    ca = selfSigned("Example Test CA", ec(), now);
    otherCa = selfSigned("Another Test CA", ec(), now);
    int sign = KeyUsage.digitalSignature | KeyUsage.nonRepudiation;
    ecSigner = issued("Example Hotline Signer EC", ec(), ca, sign, now, Duration.ofDays(30));
    rsaSigner = issued("Example Hotline Signer RSA", rsa(), ca, sign, now, Duration.ofDays(30));
    longLivedSigner = issued("Long-lived Signer", ec(), ca, sign, now.minus(Duration.ofDays(90)),
        Duration.ofDays(180));
    expiredSigner = issued("Expired Signer", ec(), ca, sign, now.minus(Duration.ofDays(60)),
        Duration.ofDays(30));
    revokedSigner = issued("Revoked Signer", ec(), ca, sign, now, Duration.ofDays(30));
    keyAgreementSigner = issued("Key Agreement Only", ec(), ca, KeyUsage.keyAgreement, now,
        Duration.ofDays(30));
    untrustedSigner = issued("Untrusted Signer", ec(), otherCa, sign, now, Duration.ofDays(30));
    ecRecipient = issued("Partner Hotline EC", ec(), ca, KeyUsage.keyAgreement, now,
        Duration.ofDays(30));
    rsaRecipient = issued("Example LEA RSA", rsa(), ca, KeyUsage.keyEncipherment, now,
        Duration.ofDays(30));
    thirdParty = issued("Third Party EC", ec(), ca, KeyUsage.keyAgreement, now,
        Duration.ofDays(30));
    serverAuthSigner = issued("Server Auth Signer", ec(), ca, sign, now, Duration.ofDays(30),
        KeyPurposeId.id_kp_serverAuth);
    emailSigner = issued("Email Signer", ec(), ca, sign, now, Duration.ofDays(30),
        KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_emailProtection);
    expiredRecipient = issued("Expired Recipient", ec(), ca, KeyUsage.keyAgreement,
        now.minus(Duration.ofDays(60)), Duration.ofDays(30));
    X509v2CRLBuilder b = new org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder(ca.cert,
        Date.from(now.minusSeconds(60)));
    b.setNextUpdate(Date.from(now.plus(Duration.ofDays(7))));
    b.addCRLEntry(revokedSigner.cert.getSerialNumber(), Date.from(now.minusSeconds(30)),
        CRLReason.keyCompromise);
    crl = new JcaX509CRLConverter().getCRL(b.build(signer(ca.key())));
  }

  private static TestPki create() {
    try {
      return new TestPki();
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static KeyPair ec() throws GeneralSecurityException {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"));
    return g.generateKeyPair();
  }

  static KeyPair rsa() throws GeneralSecurityException {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(3072);
    return g.generateKeyPair();
  }

  private static long serial = 1000;

  private static Entity selfSigned(String name, KeyPair keys, Instant now)
      throws GeneralSecurityException, IOException {
    X500Name dn = new X500Name("CN=" + name + ",O=hotlinekit tests");
    X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(dn, BigInteger.valueOf(serial++),
        Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(365))), dn,
        keys.getPublic());
    b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
    b.addExtension(Extension.keyUsage, true,
        new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
    b.addExtension(Extension.subjectKeyIdentifier, false,
        new JcaX509ExtensionUtils().createSubjectKeyIdentifier(keys.getPublic()));
    return new Entity(name, keys, convert(b, keys.getPrivate()));
  }

  private static Entity issued(String name, KeyPair keys, Entity issuer, int keyUsage,
      Instant from, Duration valid, KeyPurposeId... extendedKeyUsage)
      throws GeneralSecurityException, IOException {
    X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer.cert,
        BigInteger.valueOf(serial++), Date.from(from.minus(Duration.ofMinutes(5))),
        Date.from(from.plus(valid)), new X500Name("CN=" + name + ",O=hotlinekit tests"),
        keys.getPublic());
    b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
    b.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage));
    if (extendedKeyUsage.length > 0) {
      b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(extendedKeyUsage));
    }
    JcaX509ExtensionUtils u = new JcaX509ExtensionUtils();
    b.addExtension(Extension.subjectKeyIdentifier, false,
        u.createSubjectKeyIdentifier(keys.getPublic()));
    b.addExtension(Extension.authorityKeyIdentifier, false,
        u.createAuthorityKeyIdentifier(issuer.cert));
    return new Entity(name, keys, convert(b, issuer.key()));
  }

  private static X509Certificate convert(X509v3CertificateBuilder b, PrivateKey issuerKey)
      throws GeneralSecurityException {
    return new JcaX509CertificateConverter().getCertificate(b.build(signer(issuerKey)));
  }

  private static ContentSigner signer(PrivateKey key) throws GeneralSecurityException {
    try {
      return new JcaContentSignerBuilder(key.getAlgorithm().equals("EC") ? "SHA256withECDSA"
          : "SHA256withRSA").build(key);
    } catch (org.bouncycastle.operator.OperatorCreationException e) {
      throw new GeneralSecurityException(e);
    }
  }

  /** Writes PEM (certificates, PKCS#8 keys, CRLs) for the openssl command line. */
  static Path pem(Path dir, String file, Object... objects) throws IOException {
    StringWriter w = new StringWriter();
    try (JcaPEMWriter p = new JcaPEMWriter(w)) {
      for (Object o : objects) {
        if (o instanceof PrivateKey) {
          p.writeObject(new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator((PrivateKey) o,
              null));
        } else {
          p.writeObject(o);
        }
      }
    }
    return Files.writeString(dir.resolve(file), w.toString(), StandardCharsets.US_ASCII);
  }
}
