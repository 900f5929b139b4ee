package org.hotlinekit.iccam.packet;

import java.io.InputStream;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.PrivateKey;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.RecipientOperator;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.cms.jcajce.JceKeyAgreeRecipient;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipient;
import org.bouncycastle.operator.InputAEADDecryptor;

/**
 * The content key, then the content: Bouncy Castle's CMS classes find this reader's recipient
 * entry and the content key is unwrapped (ECDH with the X9.63 KDF through {@link EcdhKdf}, or
 * RSA-OAEP through Bouncy Castle's provider), and the packet reader then decrypts the encrypted
 * content itself ({@link #open}), reading it straight from the parsed structure (Bouncy Castle's
 * own content stream would copy the content several times).
 */
final class PacketContent {
  private PacketContent() {}

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
   * AES-GCM decryption with Bouncy Castle's lightweight GCM (no JCA provider): the plaintext is
   * returned only after the tag over exactly the received ciphertext has been checked. Measured
   * on JDK 17 for 64 MiB: Bouncy Castle 0.86 s in a fresh process and 0.62 s warm; the JDK's
   * fastest decryption path (AES-CTR, then a GCM re-encryption to recompute the tag, since a
   * GCM decryption in one {@code doFinal} is many times slower on JDK 17) 1.57 s fresh, about
   * 0.45 s only after some 25 s of warm-up. A packet is mostly opened by a fresh process (the
   * command-line tool, a job per packet), so the path that is fast from the start is taken.
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
    GCMModeCipher gcm = GCMBlockCipher.newInstance(AESEngine.newInstance());
    byte[] raw = key.getEncoded();
    gcm.init(false, new AEADParameters(new KeyParameter(raw), 128, nonce, aad));
    java.util.Arrays.fill(raw, (byte) 0);
    byte[] plain = new byte[ciphertext.length];
    int chunk = 1 << 16;
    int out = 0;
    for (int off = 0; off < ciphertext.length; off += chunk) {
      out += gcm.processBytes(ciphertext, off, Math.min(chunk, ciphertext.length - off), plain,
          out);
    }
    out += gcm.processBytes(tag, 0, tag.length, plain, out);
    try {
      out += gcm.doFinal(plain, out);
    } catch (InvalidCipherTextException e) {
      Arrays.fill(plain, (byte) 0);
      throw new AEADBadTagException("Tag mismatch");
    }
    if (out != plain.length) {
      Arrays.fill(plain, (byte) 0);
      throw new AEADBadTagException("AES-GCM gave " + out + " bytes for " + plain.length);
    }
    return plain;
  }
}
