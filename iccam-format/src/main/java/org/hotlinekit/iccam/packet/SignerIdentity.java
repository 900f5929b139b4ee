package org.hotlinekit.iccam.packet;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Objects;

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
    return new SignerIdentity(key, certificate, intermediates);
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
