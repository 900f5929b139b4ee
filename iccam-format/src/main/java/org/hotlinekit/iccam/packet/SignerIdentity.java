package org.hotlinekit.iccam.packet;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Who signs a packet: the private key, its certificate and any intermediate certificates (sent in
 * the packet so that readers can build the path). ECDSA P-256 or RSA (at least 3072 bits, signing
 * with RSASSA-PSS).
 */
public final class SignerIdentity {
  private final PrivateKey key;
  private final X509Certificate certificate;
  private final List<X509Certificate> chain;

  private SignerIdentity(PrivateKey key, X509Certificate certificate,
      List<X509Certificate> chain) {
    this.key = key;
    this.certificate = certificate;
    this.chain = List.copyOf(chain);
  }

  /**
   * A signer.
   *
   * @param key the private key
   * @param certificate its certificate
   * @param intermediates intermediate certificates up to (not including) the trust anchor
   * @return the identity
   * @throws IllegalArgumentException for a key type or size the profile does not allow
   * @throws SealRefusedException if the key does not belong to the certificate, or the
   *     certificate may not sign packets (key usage; extended key usage without emailProtection)
   */
  public static SignerIdentity of(PrivateKey key, X509Certificate certificate,
      List<X509Certificate> intermediates) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(certificate, "certificate");
    if (certificate.getPublicKey() instanceof ECPublicKey) {
      if (!PacketProfile.isP256((ECPublicKey) certificate.getPublicKey())) {
        throw new IllegalArgumentException("EC signers use P-256");
      }
    } else if (certificate.getPublicKey() instanceof RSAPublicKey) {
      if (((RSAPublicKey) certificate.getPublicKey()).getModulus().bitLength() < 3072) {
        throw new IllegalArgumentException("RSA signers need at least 3072 bits");
      }
    } else {
      throw new IllegalArgumentException("signers use ECDSA P-256 or RSA-PSS");
    }
    Optional<String> unusable = CertificateRules.signerUsage(certificate);
    if (unusable.isPresent()) {
      throw new SealRefusedException(SealRefusedException.Reason.SIGNER_NOT_FOR_SIGNING,
          unusable.get() + "; every recipient would refuse the packet as untrusted");
    }
    if (!keyMatches(key, certificate)) {
      throw new SealRefusedException(SealRefusedException.Reason.KEY_DOES_NOT_MATCH_CERTIFICATE,
          "the private key does not belong to the signer's certificate; every recipient would"
              + " refuse the packet as tampered");
    }
    return new SignerIdentity(key, certificate, intermediates);
  }

  /** Signs a fixed message with the key and verifies it with the certificate's public key. */
  private static boolean keyMatches(PrivateKey key, X509Certificate certificate) {
    byte[] message = "hotlinekit signer key check".getBytes(StandardCharsets.US_ASCII);
    try {
      boolean ec = certificate.getPublicKey() instanceof ECPublicKey;
      Signature s = Signature.getInstance(ec ? "SHA256withECDSA" : "RSASSA-PSS");
      Signature v = Signature.getInstance(ec ? "SHA256withECDSA" : "RSASSA-PSS");
      if (!ec) {
        PSSParameterSpec pss = new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256,
            32, 1);
        s.setParameter(pss);
        v.setParameter(pss);
      }
      s.initSign(key);
      s.update(message);
      byte[] signature = s.sign();
      v.initVerify(certificate.getPublicKey());
      v.update(message);
      return v.verify(signature);
    } catch (java.security.InvalidKeyException | java.security.SignatureException e) {
      // A key of another type or curve than the certificate's: not this certificate's key.
      return false;
    } catch (java.security.GeneralSecurityException e) {
      throw new CryptoException("the JDK lacks SHA256withECDSA or RSASSA-PSS", e);
    }
  }

  PrivateKey key() {
    return key;
  }

  /**
   * The signer's certificate.
   *
   * @return the certificate
   */
  public X509Certificate certificate() {
    return certificate;
  }

  /**
   * The intermediate certificates.
   *
   * @return the chain, possibly empty
   */
  public List<X509Certificate> intermediates() {
    return chain;
  }

  boolean rsa() {
    return certificate.getPublicKey() instanceof RSAPublicKey;
  }
}
