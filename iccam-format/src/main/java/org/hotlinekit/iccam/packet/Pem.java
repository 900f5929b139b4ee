package org.hotlinekit.iccam.packet;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.hotlinekit.core.InputReadException;
import org.hotlinekit.core.MalformedInputException;

/**
 * Reads PEM files as OpenSSL writes them: certificates, private keys (PKCS#8 {@code PRIVATE KEY},
 * {@code EC PRIVATE KEY}, {@code RSA PRIVATE KEY}; not encrypted) and CRLs.
 */
public final class Pem {
  private Pem() {}

  /**
   * Every certificate in a file.
   *
   * @param file the PEM file
   * @return the certificates, in file order (at least one)
   * @throws MalformedInputException if the file holds no certificate or a bad one
   */
  public static List<X509Certificate> certificates(Path file) {
    List<X509Certificate> out = new ArrayList<>();
    for (Object o : objects(file)) {
      if (o instanceof X509CertificateHolder) {
        try {
          out.add(new JcaX509CertificateConverter().getCertificate((X509CertificateHolder) o));
        } catch (CertificateException e) {
          throw new MalformedInputException(file + ": a certificate cannot be read", e);
        }
      }
    }
    if (out.isEmpty()) {
      throw new MalformedInputException(file + ": no certificate in the file");
    }
    return out;
  }

  /**
   * The first certificate in a file.
   *
   * @param file the PEM file
   * @return the certificate
   */
  public static X509Certificate certificate(Path file) {
    return certificates(file).get(0);
  }

  /**
   * The private key in a file.
   *
   * @param file the PEM file (not encrypted)
   * @return the key
   * @throws MalformedInputException if the file holds no private key
   */
  public static PrivateKey privateKey(Path file) {
    JcaPEMKeyConverter conv = new JcaPEMKeyConverter(); // JDK key objects: JDK signing works
    for (Object o : objects(file)) {
      try {
        if (o instanceof PrivateKeyInfo) {
          return conv.getPrivateKey((PrivateKeyInfo) o);
        }
        if (o instanceof PEMKeyPair) {
          return conv.getKeyPair((PEMKeyPair) o).getPrivate();
        }
      } catch (IOException e) {
        throw new MalformedInputException(file + ": the private key cannot be read", e);
      }
    }
    throw new MalformedInputException(file + ": no unencrypted private key in the file");
  }

  /**
   * Every CRL in a file.
   *
   * @param file the PEM file
   * @return the CRLs (at least one)
   */
  public static List<X509CRL> crls(Path file) {
    List<X509CRL> out = new ArrayList<>();
    for (Object o : objects(file)) {
      if (o instanceof X509CRLHolder) {
        try {
          out.add(new JcaX509CRLConverter().getCRL((X509CRLHolder) o));
        } catch (java.security.cert.CRLException e) {
          throw new MalformedInputException(file + ": a CRL cannot be read", e);
        }
      }
    }
    if (out.isEmpty()) {
      throw new MalformedInputException(file + ": no CRL in the file");
    }
    return out;
  }

  private static List<Object> objects(Path file) {
    List<Object> out = new ArrayList<>();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
        PEMParser p = new PEMParser(r)) {
      Object o;
      while ((o = p.readObject()) != null) {
        out.add(o);
      }
      return out;
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new MalformedInputException(file + ": not a PEM file", e);
    } catch (IOException e) {
      if (e instanceof java.nio.file.NoSuchFileException
          || e instanceof java.nio.file.AccessDeniedException) {
        throw InputReadException.of(file, e);
      }
      throw new MalformedInputException(file + ": not a PEM file: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new MalformedInputException(file + ": not a PEM file", e);
    }
  }
}
