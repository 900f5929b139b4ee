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
import org.bouncycastle.crypto.modes.gcm.GCMMultiplier;
import org.bouncycastle.crypto.modes.gcm.Tables64kGCMMultiplier;
import org.bouncycastle.cms.jcajce.JceKeyAgreeRecipient;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipient;
import org.bouncycastle.operator.InputAEADDecryptor;

/**
 * The content key, then the content: Bouncy Castle's CMS classes find this reader's recipient
 * entry and the content key is unwrapped (ECDH with the X9.63 KDF through {@link EcdhKdf}, or
 * RSA-OAEP through Bouncy Castle's provider); the packet reader then decrypts the encrypted
 * content itself, as it reads it ({@link Tag} for the GCM tag, {@link #ctr} for the plaintext).
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
   * The JDK's AES-CTR from the counter block after J0 (nonce || 2), which decrypts GCM
   * ciphertext once its tag has been verified (the 32-bit GCM counter never wraps: {@link Tag}
   * refuses more than 2^32 - 2 blocks).
   *
   * @param key the AES key
   * @param nonce the 12-byte nonce
   * @return a cipher in decryption mode
   * @throws GeneralSecurityException if the platform has no AES-CTR
   */
  static javax.crypto.Cipher ctr(SecretKeySpec key, byte[] nonce)
      throws GeneralSecurityException {
    byte[] counter = new byte[16];
    System.arraycopy(nonce, 0, counter, 0, 12);
    counter[15] = 2;
    javax.crypto.Cipher ctr = javax.crypto.Cipher.getInstance("AES/CTR/NoPadding");
    ctr.init(javax.crypto.Cipher.DECRYPT_MODE, key,
        new javax.crypto.spec.IvParameterSpec(counter));
    return ctr;
  }

  /**
   * The GCM tag of a ciphertext given in pieces of any length (NIST SP 800-38D, 96-bit nonce):
   * GHASH with Bouncy Castle's 64 KiB-table multiplier over the additional data and the
   * ciphertext, and the JDK's AES for the hash key and the pre-counter block. With {@link #ctr}
   * it decrypts GCM: measured on JDK 17 for 64 MiB in a fresh process, 0.36-0.43 s, against
   * 1.17-1.25 s for Bouncy Castle's lightweight GCM (its AES has no hardware instructions) and
   * 1.57 s for the JDK's own GCM decryption, which has its fast path only after a long warm-up.
   */
  static final class Tag {
    private final GCMMultiplier ghash = new Tables64kGCMMultiplier();
    private final byte[] y = new byte[16];
    private final byte[] mask;
    private final long aadBytes;
    /** Bytes of an incomplete block at the end of what was given. */
    private final byte[] partial = new byte[16];
    private int partialLength;
    private long textBytes;

    /**
     * Starts a tag.
     *
     * @param key the AES key
     * @param nonce the 12-byte nonce
     * @param aad the additional authenticated data (may be empty)
     * @throws GeneralSecurityException if the nonce is not 12 bytes, or the platform has no AES
     */
    Tag(SecretKeySpec key, byte[] nonce, byte[] aad) throws GeneralSecurityException {
      if (nonce.length != 12) {
        throw new AEADBadTagException("AES-GCM needs a 12-byte nonce");
      }
      javax.crypto.Cipher ecb = javax.crypto.Cipher.getInstance("AES/ECB/NoPadding");
      ecb.init(javax.crypto.Cipher.ENCRYPT_MODE, key);
      byte[] h = ecb.doFinal(new byte[16]);
      byte[] j0 = new byte[16];
      System.arraycopy(nonce, 0, j0, 0, 12);
      j0[15] = 1;
      mask = ecb.doFinal(j0);
      ghash.init(h);
      Arrays.fill(h, (byte) 0);
      aadBytes = aad.length;
      update(aad, 0, aad.length);
      flushPartial();
      textBytes = 0;
    }

    /**
     * Adds ciphertext.
     *
     * @param b the bytes
     * @param off where they start
     * @param len how many
     * @throws AEADBadTagException past the longest ciphertext GCM allows with this nonce
     */
    void update(byte[] b, int off, int len) throws AEADBadTagException {
      textBytes += len;
      if (textBytes / 16 >= (1L << 32) - 2) {
        throw new AEADBadTagException("AES-GCM ciphertext longer than the counter allows");
      }
      int i = off;
      int end = off + len;
      if (partialLength > 0) {
        while (partialLength < 16 && i < end) {
          partial[partialLength++] = b[i++];
        }
        if (partialLength < 16) {
          return;
        }
        block(partial, 0);
        partialLength = 0;
      }
      for (; i + 16 <= end; i += 16) {
        block(b, i);
      }
      while (i < end) {
        partial[partialLength++] = b[i++];
      }
    }

    private void block(byte[] b, int off) {
      for (int k = 0; k < 16; k++) {
        y[k] ^= b[off + k];
      }
      ghash.multiplyH(y);
    }

    /** The last block, zero-padded. */
    private void flushPartial() {
      if (partialLength > 0) {
        Arrays.fill(partial, partialLength, 16, (byte) 0);
        block(partial, 0);
        partialLength = 0;
      }
    }

    /**
     * Compares the tag of everything given with the received one, in constant time.
     *
     * @param tag the received 16-byte tag
     * @throws AEADBadTagException if they differ
     */
    void verify(byte[] tag) throws AEADBadTagException {
      flushPartial();
      byte[] lengths = new byte[16];
      long aadBits = 8L * aadBytes;
      long textBits = 8L * textBytes;
      for (int k = 0; k < 8; k++) {
        lengths[7 - k] = (byte) (aadBits >>> (8 * k));
        lengths[15 - k] = (byte) (textBits >>> (8 * k));
      }
      block(lengths, 0);
      for (int k = 0; k < 16; k++) {
        y[k] ^= mask[k];
      }
      boolean valid = tag.length == 16 && java.security.MessageDigest.isEqual(y, tag);
      Arrays.fill(mask, (byte) 0);
      Arrays.fill(y, (byte) 0);
      if (!valid) {
        throw new AEADBadTagException("Tag mismatch");
      }
    }
  }
}
