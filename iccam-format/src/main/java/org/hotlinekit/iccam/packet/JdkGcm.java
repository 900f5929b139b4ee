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
    Cipher cipher;
    try {
      cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(raw, "AES"),
          new GCMParameterSpec(8 * params.getIcvLen(), params.getNonce()));
    } catch (GeneralSecurityException e) {
      throw new CMSException("cannot set up AES-GCM: " + e.getMessage(), e);
    }
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
              if (all.length >= 16) {
                mac = Arrays.copyOfRange(all, all.length - 16, all.length);
              }
              try {
                // Chunked updates keep JDK 17's GCM away from its slow path for single large
                // calls; the plaintext is released only after doFinal checked the tag.
                java.io.ByteArrayOutputStream out =
                    new java.io.ByteArrayOutputStream(all.length);
                int chunk = 1 << 16;
                for (int off = 0; off < all.length; off += chunk) {
                  byte[] part = cipher.update(all, off, Math.min(chunk, all.length - off));
                  if (part != null) {
                    out.write(part);
                  }
                }
                out.write(cipher.doFinal());
                plain = new ByteArrayInputStream(out.toByteArray());
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
        return new OutputStream() {
          @Override
          public void write(int b) {
            cipher.updateAAD(new byte[] {(byte) b});
          }

          @Override
          public void write(byte[] b, int off, int len) {
            cipher.updateAAD(b, off, len);
          }
        };
      }

      @Override
      public byte[] getMAC() {
        return mac.clone();
      }
    };
  }
}
