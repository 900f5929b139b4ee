package org.hotlinekit.iccam.packet;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.PrivateKey;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.cms.GCMParameters;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.RecipientOperator;
import org.bouncycastle.cms.jcajce.JceKeyAgreeRecipient;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipient;
import org.bouncycastle.operator.InputAEADDecryptor;

/**
 * Recipients that let Bouncy Castle unwrap the content key and decrypt the content with the JDK's
 * AES-GCM (Bouncy Castle cannot be told to use SunJCE for AuthEnvelopedData content). The
 * decryption runs when the content stream is first read, so that a tag failure is told apart
 * from a key that does not unwrap.
 */
final class JdkGcm {
  private JdkGcm() {}

  /** ECDH recipients. */
  static final class KeyAgree extends JceKeyAgreeRecipient {
    KeyAgree(PrivateKey key) {
      super(key);
      setProvider(PacketProfile.BC);
    }

    @Override
    public RecipientOperator getRecipientOperator(AlgorithmIdentifier keyEncryptionAlgorithm,
        AlgorithmIdentifier contentEncryptionAlgorithm, SubjectPublicKeyInfo senderPublicKey,
        ASN1OctetString userKeyingMaterial, byte[] encryptedContentKey) throws CMSException {
      Key cek = extractSecretKey(keyEncryptionAlgorithm, contentEncryptionAlgorithm,
          senderPublicKey, userKeyingMaterial, encryptedContentKey);
      return new RecipientOperator(decryptor(contentEncryptionAlgorithm, cek));
    }
  }

  /** RSA-OAEP recipients. */
  static final class KeyTrans extends JceKeyTransRecipient {
    KeyTrans(PrivateKey key) {
      super(key);
      setProvider(PacketProfile.BC);
    }

    @Override
    public RecipientOperator getRecipientOperator(AlgorithmIdentifier keyEncryptionAlgorithm,
        AlgorithmIdentifier contentEncryptionAlgorithm, byte[] encryptedContentKey)
        throws CMSException {
      Key cek = extractSecretKey(keyEncryptionAlgorithm, contentEncryptionAlgorithm,
          encryptedContentKey);
      return new RecipientOperator(decryptor(contentEncryptionAlgorithm, cek));
    }
  }

  static InputAEADDecryptor decryptor(AlgorithmIdentifier alg, Key cek) throws CMSException {
    byte[] raw = cek.getEncoded();
    if (raw == null || raw.length != 32) {
      throw new CMSException("the content key is not 32 bytes");
    }
    GCMParameters params = GCMParameters.getInstance(alg.getParameters());
    byte[] nonce = params.getNonce();
    int tagLength = params.getIcvLen();
    if (nonce.length != 12 || tagLength != 16) {
      throw new CMSException("AES-GCM needs a 12-byte nonce and a 16-byte tag");
    }
    SecretKeySpec key = new SecretKeySpec(raw, "AES");
    java.io.ByteArrayOutputStream aad = new java.io.ByteArrayOutputStream();
    return new InputAEADDecryptor() {
      private byte[] mac = new byte[0];

      @Override
      public AlgorithmIdentifier getAlgorithmIdentifier() {
        return alg;
      }

      @Override
      public InputStream getInputStream(InputStream in) {
        return new InputStream() {
          private InputStream plain;

          private InputStream plain() throws IOException {
            if (plain == null) {
              byte[] all = in.readAllBytes();
              if (all.length < 16) {
                throw new IOException("GCM content shorter than its tag");
              }
              mac = Arrays.copyOfRange(all, all.length - 16, all.length);
              try {
                plain = new ByteArrayInputStream(open(key, nonce, aad.toByteArray(), all));
              } catch (AEADBadTagException e) {
                throw new IOException("GCM tag mismatch", e);
              } catch (GeneralSecurityException e) {
                throw new IOException("AES-GCM decryption failed", e);
              }
            }
            return plain;
          }

          @Override
          public int read() throws IOException {
            return plain().read();
          }

          @Override
          public int read(byte[] b, int off, int len) throws IOException {
            return plain().read(b, off, len);
          }
        };
      }

      @Override
      public OutputStream getAADStream() {
        return aad;
      }

      @Override
      public byte[] getMAC() {
        return mac.clone();
      }
    };
  }

  /**
   * AES-GCM decryption that stays on JDK 17's fast paths: the ciphertext is decrypted with
   * AES-CTR (GCM's keystream starts at counter 2 after the 12-byte nonce), then the plaintext is
   * encrypted again with AES-GCM in 64 KiB updates, which recomputes the tag over exactly the
   * received ciphertext; the plaintext is returned only if that tag equals the received one
   * (compared in constant time). Decrypting in one {@code doFinal} is several times slower on
   * JDK 17 for inputs of a MiB and more.
   *
   * @param ciphertextAndTag the ciphertext followed by the 16-byte tag
   */
  static byte[] open(SecretKeySpec key, byte[] nonce, byte[] aad, byte[] ciphertextAndTag)
      throws GeneralSecurityException {
    int n = ciphertextAndTag.length - 16;
    byte[] counter = Arrays.copyOf(nonce, 16);
    counter[15] = 2;
    Cipher ctr = Cipher.getInstance("AES/CTR/NoPadding");
    ctr.init(Cipher.DECRYPT_MODE, key, new javax.crypto.spec.IvParameterSpec(counter));
    byte[] plain = new byte[n];
    int chunk = 1 << 16;
    for (int off = 0; off < n; off += chunk) {
      ctr.update(ciphertextAndTag, off, Math.min(chunk, n - off), plain, off);
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
    byte[] tag = Arrays.copyOfRange(last, last.length - 16, last.length);
    if (!java.security.MessageDigest.isEqual(tag,
        Arrays.copyOfRange(ciphertextAndTag, n, n + 16))) {
      Arrays.fill(plain, (byte) 0);
      throw new AEADBadTagException("Tag mismatch");
    }
    return plain;
  }
}
