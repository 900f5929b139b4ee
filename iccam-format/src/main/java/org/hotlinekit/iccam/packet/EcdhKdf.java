package org.hotlinekit.iccam.packet;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.cms.IssuerAndSerialNumber;
import org.bouncycastle.asn1.cms.KeyAgreeRecipientIdentifier;
import org.bouncycastle.asn1.cms.RecipientEncryptedKey;
import org.bouncycastle.asn1.cms.ecc.ECCCMSSharedInfo;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.KeyAgreeRecipientInfoGenerator;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.KDF2BytesGenerator;
import org.bouncycastle.crypto.params.KDFParameters;
import org.bouncycastle.operator.GenericKey;
import org.bouncycastle.util.Pack;

/**
 * The packet profile's key agreement, {@code dhSinglePass-stdDH-sha256kdf-scheme} with AES-256
 * key wrap (RFC 5753), done with the JDK's ECDH and AES key wrap and Bouncy Castle's lightweight
 * X9.63 KDF (its {@code KDF2BytesGenerator}), as Bouncy Castle's JCA classes do it but without
 * its JCA provider: building that provider costs about a third of a second in a fresh process
 * (every algorithm it offers is registered), more than the rest of sealing a small packet. The
 * interoperability tests with OpenSSL run in both directions over this code.
 */
final class EcdhKdf {
  private EcdhKdf() {}

  /** The key size of AES-256 key wrap, in bits, as the KDF's {@code suppPubInfo}. */
  private static final int KEK_BITS = 256;

  /**
   * The key-encryption key both sides derive.
   *
   * @param own the own private key (the sender's ephemeral one, or the recipient's)
   * @param other the other side's public key
   * @param wrap the key-wrap algorithm, as the recipient info carries it
   * @param ukm the user keying material, or null
   * @return the AES-256 key-encryption key
   */
  static SecretKey kek(PrivateKey own, PublicKey other, AlgorithmIdentifier wrap, byte[] ukm)
      throws GeneralSecurityException, IOException {
    KeyAgreement ka = KeyAgreement.getInstance("ECDH");
    ka.init(own);
    ka.doPhase(other, true);
    byte[] z = ka.generateSecret();
    byte[] sharedInfo = (ukm == null
        ? new ECCCMSSharedInfo(wrap, Pack.intToBigEndian(KEK_BITS))
        : new ECCCMSSharedInfo(wrap, ukm, Pack.intToBigEndian(KEK_BITS)))
        .getEncoded(ASN1Encoding.DER);
    KDF2BytesGenerator kdf = new KDF2BytesGenerator(new SHA256Digest());
    kdf.init(new KDFParameters(z, sharedInfo));
    byte[] kek = new byte[KEK_BITS / 8];
    kdf.generateBytes(kek, 0, kek.length);
    java.util.Arrays.fill(z, (byte) 0);
    return new SecretKeySpec(kek, "AES");
  }

  /**
   * The originator's public key as a JDK key: RFC 5753 lets a sender leave out the curve, which
   * is then the recipient's (the profile's only curve, P-256).
   */
  static PublicKey originatorKey(SubjectPublicKeyInfo spki) throws GeneralSecurityException,
      IOException {
    ASN1Encodable params = spki.getAlgorithm().getParameters();
    SubjectPublicKeyInfo full = params == null || params instanceof DERNull
        ? new SubjectPublicKeyInfo(new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey,
            SECObjectIdentifiers.secp256r1), spki.getPublicKeyData().getBytes())
        : spki;
    return KeyFactory.getInstance("EC").generatePublic(
        new X509EncodedKeySpec(full.getEncoded(ASN1Encoding.DER)));
  }

  /**
   * Unwraps the content key for a recipient.
   *
   * @return the 32-byte content key
   * @throws CMSException when the key does not unwrap (not this recipient's key, or tampered)
   */
  static byte[] unwrap(PrivateKey own, AlgorithmIdentifier keyEncryption,
      SubjectPublicKeyInfo originator, byte[] ukm, byte[] wrapped) throws CMSException {
    if (!CMSAlgorithm.ECDH_SHA256KDF.equals(keyEncryption.getAlgorithm())) {
      throw new CMSException("key agreement " + keyEncryption.getAlgorithm()
          + " is not the profile's ECDH with the SHA-256 KDF");
    }
    AlgorithmIdentifier wrap = AlgorithmIdentifier.getInstance(keyEncryption.getParameters());
    if (wrap == null || !CMSAlgorithm.AES256_WRAP.equals(wrap.getAlgorithm())) {
      throw new CMSException("key wrap is not AES-256 key wrap");
    }
    try {
      Cipher c = Cipher.getInstance("AESWrap");
      c.init(Cipher.UNWRAP_MODE, kek(own, originatorKey(originator), wrap, ukm));
      return c.unwrap(wrapped, "AES", Cipher.SECRET_KEY).getEncoded();
    } catch (GeneralSecurityException | IOException | RuntimeException e) {
      throw new CMSException("the content key does not unwrap: " + e.getMessage(), e);
    }
  }

  /** Key agreement recipient infos for the packet's EC recipients, one ephemeral key for all. */
  static final class Recipients extends KeyAgreeRecipientInfoGenerator {
    private final PrivateKey ephemeral;
    private final List<X509Certificate> recipients = new ArrayList<>();

    Recipients(java.security.KeyPair ephemeral) {
      super(CMSAlgorithm.ECDH_SHA256KDF,
          SubjectPublicKeyInfo.getInstance(ephemeral.getPublic().getEncoded()),
          CMSAlgorithm.AES256_WRAP);
      this.ephemeral = ephemeral.getPrivate();
    }

    void add(X509Certificate recipient) {
      recipients.add(recipient);
    }

    @Override
    protected ASN1Sequence generateRecipientEncryptedKeys(AlgorithmIdentifier keyAgreement,
        AlgorithmIdentifier keyEncryption, GenericKey contentKey) throws CMSException {
      Object k = contentKey.getRepresentation();
      SecretKey cek = k instanceof SecretKey ? (SecretKey) k
          : new SecretKeySpec((byte[]) k, "AES");
      ASN1EncodableVector out = new ASN1EncodableVector();
      for (X509Certificate r : recipients) {
        try {
          Cipher c = Cipher.getInstance("AESWrap");
          c.init(Cipher.WRAP_MODE, kek(ephemeral, r.getPublicKey(), keyEncryption, null));
          IssuerAndSerialNumber id = new IssuerAndSerialNumber(
              Certificate.getInstance(r.getEncoded()));
          out.add(new RecipientEncryptedKey(new KeyAgreeRecipientIdentifier(id),
              new DEROctetString(c.wrap(cek))));
        } catch (GeneralSecurityException | IOException e) {
          throw new CMSException("cannot wrap the content key for "
              + r.getSubjectX500Principal().getName() + ": " + e.getMessage(), e);
        }
      }
      return new DERSequence(out);
    }

    @Override
    protected byte[] getUserKeyingMaterial(AlgorithmIdentifier keyAgreement) {
      return null;
    }
  }
}
