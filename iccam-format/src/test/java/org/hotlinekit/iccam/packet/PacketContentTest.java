package org.hotlinekit.iccam.packet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The packet content decryption (PacketContent.Tag and ctr) against the JDK's own GCM as the
 * oracle: the same
 * plaintext for authentic input, a tag failure for any changed bit of ciphertext, tag or AAD.
 */
class PacketContentTest {
  @ParameterizedTest
  @ValueSource(ints = {0, 1, 15, 16, 17, 65535, 65536, 65537, 1 << 20, (1 << 20) + 3})
  void matchesTheJdkGcm(int size) throws Exception {
    Random r = new Random(size);
    byte[] key = new byte[32];
    byte[] nonce = new byte[12];
    byte[] aad = new byte[r.nextInt(3) * 17];
    byte[] plain = new byte[size];
    r.nextBytes(key);
    r.nextBytes(nonce);
    r.nextBytes(aad);
    r.nextBytes(plain);
    SecretKeySpec k = new SecretKeySpec(key, "AES");
    Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
    c.init(Cipher.ENCRYPT_MODE, k, new GCMParameterSpec(128, nonce));
    c.updateAAD(aad);
    byte[] sealed = c.doFinal(plain);

    assertThat(open(k, nonce, aad, sealed)).isEqualTo(plain);
    for (int at : new int[] {0, sealed.length / 2, sealed.length - 17, sealed.length - 1}) {
      if (at < 0) {
        continue;
      }
      byte[] bad = sealed.clone();
      bad[at] ^= 0x20;
      assertThatThrownBy(() -> open(k, nonce, aad, bad)).as("bit at %d", at)
          .isInstanceOf(AEADBadTagException.class);
    }
    if (aad.length > 0) {
      byte[] badAad = aad.clone();
      badAad[0] ^= 1;
      assertThatThrownBy(() -> open(k, nonce, badAad, sealed))
          .isInstanceOf(AEADBadTagException.class);
    }
  }

  /**
   * The JDK's output is ciphertext then tag; the packet carries them apart. Opened as the packet
   * reader opens content: the tag over pieces of random lengths (blocks split between pieces),
   * compared, then the plaintext by AES-CTR.
   */
  private static byte[] open(SecretKeySpec k, byte[] nonce, byte[] aad, byte[] sealed)
      throws java.security.GeneralSecurityException {
    int n = sealed.length - 16;
    PacketContent.Tag tag = new PacketContent.Tag(k, nonce, aad);
    Random pieces = new Random(n);
    for (int off = 0; off < n; ) {
      int len = Math.min(n - off, 1 + pieces.nextInt(40_000));
      tag.update(sealed, off, len);
      off += len;
    }
    tag.verify(java.util.Arrays.copyOfRange(sealed, n, sealed.length));
    return PacketContent.ctr(k, nonce).doFinal(sealed, 0, n);
  }
}
