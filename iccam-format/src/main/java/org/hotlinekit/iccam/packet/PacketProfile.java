package org.hotlinekit.iccam.packet;

import java.security.Provider;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/** The constants of the packet profile (working name ICCAM-EXCH-1). */
final class PacketProfile {
  private PacketProfile() {}

  /**
   * The inner eContentType: a private OID for major version 1. Until the project registers an
   * IANA private enterprise number this is the placeholder the domain reference uses.
   */
  static final String CONTENT_TYPE = "1.3.6.1.4.1.99999.7.1.1";
  static final ASN1ObjectIdentifier CONTENT_TYPE_OID = new ASN1ObjectIdentifier(CONTENT_TYPE);

  /**
   * Bouncy Castle as a provider object, never installed globally, built on first use: building it
   * registers every algorithm it has (about a third of a second in a fresh process), and the
   * profile's EC path needs none of them (see {@link EcdhKdf}); RSA signers and recipients do.
   */
  static Provider bc() {
    return Bc.PROVIDER;
  }

  private static final class Bc {
    static final Provider PROVIDER = new BouncyCastleProvider();
  }

  private static final java.math.BigInteger P256_PRIME = new java.math.BigInteger(
      "ffffffff00000001000000000000000000000000ffffffffffffffffffffffff", 16);
  private static final java.math.BigInteger P256_ORDER = new java.math.BigInteger(
      "ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551", 16);

  /** Whether an EC key is on NIST P-256 (secp256r1), the only curve of the profile. */
  static boolean isP256(java.security.interfaces.ECKey key) {
    java.security.spec.ECParameterSpec p = key.getParams();
    return p != null && p.getCurve().getField() instanceof java.security.spec.ECFieldFp
        && ((java.security.spec.ECFieldFp) p.getCurve().getField()).getP().equals(P256_PRIME)
        && p.getOrder().equals(P256_ORDER);
  }

  /** The default size limit of a packet. */
  static final long DEFAULT_MAX_BYTES = 64L << 20;
}
