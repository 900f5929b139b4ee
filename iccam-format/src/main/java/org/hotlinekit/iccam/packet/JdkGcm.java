package org.hotlinekit.iccam.packet;

import java.io.InputStream;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.RecipientOperator;
import org.bouncycastle.cms.jcajce.JceKeyAgreeRecipient;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipient;
import org.bouncycastle.operator.InputAEADDecryptor;

/**
 * The content key from Bouncy Castle, the content from the JDK: Bouncy Castle finds this
 * reader's recipient entry and unwraps the content-encryption key (ECDH with the X9.63 KDF, or
 * RSA-OAEP, which the JDK cannot do from CMS structures), and the packet reader then decrypts the
 * encrypted content with the JDK's AES ({@link #open}), reading it straight from the parsed
 * structure (Bouncy Castle cannot be told to use SunJCE for AuthEnvelopedData content, and its
 * stream would copy the content several times).
 */
final class JdkGcm {
  private JdkGcm() {}

  /** A recipient that keeps the content key it unwrapped. */
  interface KeyCatcher extends org.bouncycastle.cms.Recipient {
    /**
     * The unwrapped key, once Bouncy Castle has asked for the recipient operator.
     *
     * @return the AES-256 key
     * @throws IllegalStateException before that
     */
    SecretKeySpec contentKey();
  }

  /** ECDH recipients. */
  static final class KeyAgree extends JceKeyAgreeRecipient implements KeyCatcher {
    private SecretKeySpec cek;

    private final PrivateKey key;

    KeyAgree(PrivateKey key) {
      super(key);
      this.key = key;
    }

    @Override
    public RecipientOperator getRecipientOperator(AlgorithmIdentifier keyEncryptionAlgorithm,
        AlgorithmIdentifier contentEncryptionAlgorithm, SubjectPublicKeyInfo senderPublicKey,
        ASN1OctetString userKeyingMaterial, byte[] encryptedContentKey) throws CMSException {
      // The JDK's ECDH and key unwrap with Bouncy Castle's lightweight KDF (EcdhKdf), not
      // Bouncy Castle's provider, which costs a fresh process a third of a second to build.
      byte[] raw = EcdhKdf.unwrap(key, keyEncryptionAlgorithm, senderPublicKey,
          userKeyingMaterial == null ? null : userKeyingMaterial.getOctets(),
          encryptedContentKey);
      cek = aesKey(new SecretKeySpec(raw, "AES"));
      java.util.Arrays.fill(raw, (byte) 0);
      return new RecipientOperator(notHere(contentEncryptionAlgorithm));
    }

    @Override
    public SecretKeySpec contentKey() {
      return caught(cek);
    }
  }

  /** RSA-OAEP recipients. */
  static final class KeyTrans extends JceKeyTransRecipient implements KeyCatcher {
    private SecretKeySpec cek;

    KeyTrans(PrivateKey key) {
      super(key);
      setProvider(PacketProfile.bc());
    }

    @Override
    public RecipientOperator getRecipientOperator(AlgorithmIdentifier keyEncryptionAlgorithm,
        AlgorithmIdentifier contentEncryptionAlgorithm, byte[] encryptedContentKey)
        throws CMSException {
      cek = aesKey(extractSecretKey(keyEncryptionAlgorithm, contentEncryptionAlgorithm,
          encryptedContentKey));
      return new RecipientOperator(notHere(contentEncryptionAlgorithm));
    }

    @Override
    public SecretKeySpec contentKey() {
      return caught(cek);
    }
  }

  private static SecretKeySpec caught(SecretKeySpec cek) {
    if (cek == null) {
      throw new IllegalStateException("the content key has not been unwrapped");
    }
    return cek;
  }

  private static SecretKeySpec aesKey(Key cek) throws CMSException {
    byte[] raw = cek.getEncoded();
    if (raw == null || raw.length != 32) {
      throw new CMSException("the content key is not 32 bytes");
    }
    return new SecretKeySpec(raw, "AES");
  }

  /**
   * The operator Bouncy Castle's API requires back; the packet reader never reads through it,
   * and a read would fail rather than return unauthenticated plaintext.
   */
  private static InputAEADDecryptor notHere(AlgorithmIdentifier alg) {
    return new InputAEADDecryptor() {
      @Override
      public AlgorithmIdentifier getAlgorithmIdentifier() {
        return alg;
      }

      @Override
      public InputStream getInputStream(InputStream in) {
        return new InputStream() {
          @Override
          public int read() {
            throw new IllegalStateException("the packet reader decrypts the content itself");
          }
        };
      }

      @Override
      public OutputStream getAADStream() {
        return OutputStream.nullOutputStream();
      }

      @Override
      public byte[] getMAC() {
        return new byte[0];
      }
    };
  }

  /**
   * AES-GCM decryption that stays on JDK 17's fast paths: the ciphertext is decrypted with
   * AES-CTR (GCM's keystream starts at counter 2 after the 12-byte nonce), then the plaintext is
   * encrypted again with AES-GCM in 64 KiB updates, which recomputes the tag over exactly the
   * received ciphertext; the plaintext is returned only if that tag equals the received one
   * (compared in constant time). Decrypting in one {@code doFinal} is many times slower on JDK 17
   * for inputs of a MiB and more (16 ms against 0.7 ms for 1 MiB on the development machine).
   *
   * @param key the AES key
   * @param nonce the 12-byte nonce
   * @param aad the additional authenticated data (may be empty)
   * @param ciphertext the ciphertext
   * @param tag the 16-byte tag
   * @return the plaintext
   * @throws AEADBadTagException if the tag does not match
   */
  static byte[] open(SecretKeySpec key, byte[] nonce, byte[] aad, byte[] ciphertext, byte[] tag)
      throws GeneralSecurityException {
    if (nonce.length != 12 || tag.length != 16) {
      throw new AEADBadTagException("AES-GCM needs a 12-byte nonce and a 16-byte tag");
    }
    int n = ciphertext.length;
    byte[] counter = Arrays.copyOf(nonce, 16);
    counter[15] = 2;
    Cipher ctr = Cipher.getInstance("AES/CTR/NoPadding");
    ctr.init(Cipher.DECRYPT_MODE, key, new IvParameterSpec(counter));
    byte[] plain = new byte[n];
    int chunk = 1 << 16;
    for (int off = 0; off < n; off += chunk) {
      ctr.update(ciphertext, off, Math.min(chunk, n - off), plain, off);
    }
    Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
    gcm.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
    if (aad.length > 0) {
      gcm.updateAAD(aad);
    }
    byte[] scratch = new byte[chunk + 16];
    for (int off = 0; off < n; off += chunk) {
      gcm.update(plain, off, Math.min(chunk, n - off), scratch, 0);
    }
    byte[] last = gcm.doFinal();
    if (!MessageDigest.isEqual(Arrays.copyOfRange(last, last.length - 16, last.length), tag)) {
      Arrays.fill(plain, (byte) 0);
      throw new AEADBadTagException("Tag mismatch");
    }
    return plain;
  }
}
