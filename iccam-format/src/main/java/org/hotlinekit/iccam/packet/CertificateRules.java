package org.hotlinekit.iccam.packet;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * The certificate rules that the reader enforces and the writer checks before sealing, in one
 * place so that the two cannot drift apart. They follow {@code openssl cms -verify -purpose
 * smimesign} for signers.
 */
final class CertificateRules {
  /** id-kp-emailProtection (RFC 5280 4.2.1.12). */
  static final String EMAIL_PROTECTION = "1.3.6.1.5.5.7.3.4";

  private CertificateRules() {}

  /**
   * Why a certificate may not sign packets, if it may not: its key usage, when present, lacks
   * digitalSignature and nonRepudiation; its extended key usage, when present, lacks
   * emailProtection (OpenSSL's S/MIME signing purpose refuses such a certificate, even with
   * anyExtendedKeyUsage).
   */
  static Optional<String> signerUsage(X509Certificate c) {
    boolean[] ku = c.getKeyUsage();
    if (ku != null && !(ku[0] || ku[1])) {
      return Optional.of("the signer's certificate is not for digital signatures (key usage)");
    }
    List<String> eku;
    try {
      eku = c.getExtendedKeyUsage();
    } catch (CertificateParsingException e) {
      return Optional.of("the signer's certificate has a malformed extended key usage");
    }
    if (eku != null && !eku.contains(EMAIL_PROTECTION)) {
      return Optional.of("the signer's certificate is not for e-mail protection (its extended"
          + " key usage lacks emailProtection, which OpenSSL's smimesign purpose requires)");
    }
    return Optional.empty();
  }

  /**
   * Why a certificate may not receive packets, if it may not: it is a CA's, or its key usage, when
   * present, lacks keyAgreement (EC) or keyEncipherment (RSA).
   */
  static Optional<String> recipientUsage(X509Certificate c) {
    if (c.getBasicConstraints() >= 0) {
      return Optional.of("is a CA certificate, not a recipient's");
    }
    boolean[] ku = c.getKeyUsage();
    if (ku != null) {
      boolean ec = c.getPublicKey() instanceof ECPublicKey;
      if (ec && !ku[4]) {
        return Optional.of("its key usage does not allow key agreement");
      }
      if (!ec && !ku[2]) {
        return Optional.of("its key usage does not allow key encipherment");
      }
    }
    return Optional.empty();
  }

  /** Whether a certificate is valid at an instant. */
  static boolean validAt(X509Certificate c, Instant t) {
    Date d = Date.from(t);
    return !d.before(c.getNotBefore()) && !d.after(c.getNotAfter());
  }
}
