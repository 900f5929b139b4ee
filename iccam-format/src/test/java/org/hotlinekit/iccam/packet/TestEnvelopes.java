package org.hotlinekit.iccam.packet;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.cms.AuthEnvelopedData;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.EncryptedContentInfo;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSAuthEnvelopedDataGenerator;
import org.bouncycastle.cms.CMSCompressedDataGenerator;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder;
import org.bouncycastle.cms.jcajce.JceKeyAgreeRecipientInfoGenerator;
import org.bouncycastle.cms.jcajce.ZlibCompressor;
import org.bouncycastle.operator.OutputAEADEncryptor;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/** Hand-built CMS structures for the negative tests. */
final class TestEnvelopes {
  private TestEnvelopes() {}

  /** SignedData over any bytes, with any eContentType. */
  static byte[] sign(byte[] payload, TestPki.Entity signer, String contentType)
      throws Exception {
    return sign(payload, signer, contentType, "SHA256withECDSA");
  }

  /** SignedData over any bytes, with any eContentType, signers with the given algorithms. */
  static byte[] sign(byte[] payload, TestPki.Entity signer, String contentType,
      String... algorithms) throws Exception {
    CMSSignedDataGenerator g = new CMSSignedDataGenerator();
    for (String algorithm : algorithms) {
      g.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
          new JcaDigestCalculatorProviderBuilder().build()).build(
          new JcaContentSignerBuilder(algorithm).build(signer.key()), signer.cert()));
    }
    g.addCertificates(new JcaCertStore(List.of(signer.cert())));
    return g.generate(new CMSProcessableByteArray(new ASN1ObjectIdentifier(contentType),
        payload), true).getEncoded("DER");
  }

  /** SignedData of a packet payload with a chosen signing time (BC otherwise uses now). */
  static byte[] signAt(byte[] payload, TestPki.Entity signer, java.time.Instant signingTime)
      throws Exception {
    CMSSignedDataGenerator g = new CMSSignedDataGenerator();
    org.bouncycastle.asn1.cms.AttributeTable attributes =
        new org.bouncycastle.asn1.cms.AttributeTable(new org.bouncycastle.asn1.cms.Attribute(
            org.bouncycastle.asn1.cms.CMSAttributes.signingTime,
            new org.bouncycastle.asn1.DERSet(new org.bouncycastle.asn1.cms.Time(
                java.util.Date.from(signingTime)))));
    g.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
        new JcaDigestCalculatorProviderBuilder().build())
        .setSignedAttributeGenerator(
            new org.bouncycastle.cms.DefaultSignedAttributeTableGenerator(attributes))
        .build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer.key()),
            signer.cert()));
    g.addCertificates(new JcaCertStore(List.of(signer.cert())));
    return g.generate(new CMSProcessableByteArray(
        new ASN1ObjectIdentifier(PacketProfile.CONTENT_TYPE), payload), true).getEncoded("DER");
  }

  /** SignedData with two signers, or detached (no eContent). */
  static byte[] signOdd(byte[] payload, TestPki.Entity signer, boolean twoSigners,
      boolean detached) throws Exception {
    CMSSignedDataGenerator g = new CMSSignedDataGenerator();
    for (int i = 0; i < (twoSigners ? 2 : 1); i++) {
      g.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
          new JcaDigestCalculatorProviderBuilder().build()).build(
          new JcaContentSignerBuilder("SHA256withECDSA").build(signer.key()), signer.cert()));
    }
    g.addCertificates(new JcaCertStore(List.of(signer.cert())));
    return g.generate(new CMSProcessableByteArray(
        new ASN1ObjectIdentifier(PacketProfile.CONTENT_TYPE), payload), !detached)
        .getEncoded("DER");
  }

  /** AuthEnvelopedData (AES-256-GCM, ECDH SHA-256 KDF) of any bytes to an EC recipient. */
  static byte[] envelope(byte[] content, X509Certificate recipient) throws Exception {
    KeyPair eph = TestPki.ec();
    CMSAuthEnvelopedDataGenerator g = new CMSAuthEnvelopedDataGenerator();
    g.addRecipientInfoGenerator(new JceKeyAgreeRecipientInfoGenerator(
        CMSAlgorithm.ECDH_SHA256KDF, eph.getPrivate(), eph.getPublic(),
        CMSAlgorithm.AES256_WRAP).setProvider(PacketProfile.bc()).addRecipient(recipient));
    return g.generate(new CMSProcessableByteArray(content), (OutputAEADEncryptor)
        new JceCMSContentEncryptorBuilder(CMSAlgorithm.AES256_GCM).build())
        .toASN1Structure().getEncoded("DER");
  }

  /**
   * Like {@link #envelope} with authenticated attributes (RFC 5083 authAttrs, the GCM AAD): an
   * attribute of type {@code 1.3.6.1.4.1.99999.7.9} whose value is the UTF-8 string {@code
   * marker}.
   */
  static byte[] envelopeWithAuthAttributes(byte[] content, X509Certificate recipient,
      String marker) throws Exception {
    KeyPair eph = TestPki.ec();
    CMSAuthEnvelopedDataGenerator g = new CMSAuthEnvelopedDataGenerator();
    g.addRecipientInfoGenerator(new JceKeyAgreeRecipientInfoGenerator(
        CMSAlgorithm.ECDH_SHA256KDF, eph.getPrivate(), eph.getPublic(),
        CMSAlgorithm.AES256_WRAP).setProvider(PacketProfile.bc()).addRecipient(recipient));
    g.setAuthenticatedAttributeGenerator(params -> new org.bouncycastle.asn1.cms.AttributeTable(
        new org.bouncycastle.asn1.cms.Attribute(new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.7.9"),
            new org.bouncycastle.asn1.DERSet(new org.bouncycastle.asn1.DERUTF8String(marker)))));
    return g.generate(new CMSProcessableByteArray(content), (OutputAEADEncryptor)
        new JceCMSContentEncryptorBuilder(CMSAlgorithm.AES256_GCM).setProvider(PacketProfile.bc())
            .build())
        .toASN1Structure().getEncoded("DER");
  }

  /** CompressedData (zlib) of a ContentInfo's bytes. */
  static byte[] compress(byte[] content) throws Exception {
    return new CMSCompressedDataGenerator().generate(new CMSProcessableByteArray(content),
        new ZlibCompressor()).getEncoded();
  }

  /** The packet with one bit of its ciphertext (or of its GCM tag) flipped, re-encoded. */
  static byte[] flip(byte[] packet, boolean tag) throws Exception {
    ContentInfo ci = ContentInfo.getInstance(packet);
    AuthEnvelopedData a = AuthEnvelopedData.getInstance(ci.getContent());
    EncryptedContentInfo eci = a.getAuthEncryptedContentInfo();
    byte[] ct = eci.getEncryptedContent().getOctets();
    byte[] mac = a.getMac().getOctets();
    if (tag) {
      mac[mac.length / 2] ^= 0x01;
    } else {
      ct[ct.length / 2] ^= 0x10;
    }
    EncryptedContentInfo eci2 = new EncryptedContentInfo(eci.getContentType(),
        eci.getContentEncryptionAlgorithm(), new DEROctetString(ct));
    AuthEnvelopedData a2 = new AuthEnvelopedData(a.getOriginatorInfo(), a.getRecipientInfos(),
        eci2, a.getAuthAttrs(), (ASN1OctetString) new DEROctetString(mac), a.getUnauthAttrs());
    return new ContentInfo(CMSObjectIdentifiers.authEnvelopedData, a2).getEncoded("DER");
  }
}
