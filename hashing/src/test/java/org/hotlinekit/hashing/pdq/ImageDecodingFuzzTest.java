package org.hotlinekit.hashing.pdq;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.hotlinekit.core.HotlinekitException;
import org.hotlinekit.core.pdq.DihedralPdqHashes;
import org.hotlinekit.core.pdq.PdqHashWithQuality;

/**
 * Untrusted image bytes: whatever the input, the hasher returns a hash or throws a {@link
 * HotlinekitException}; never another exception or an error. Runs the seeds in {@code
 * src/test/resources/.../ImageDecodingFuzzTestInputs} in CI (regression mode); fuzz for real with
 * {@code JAZZER_FUZZ=1 mvn test -pl hashing -Dtest=ImageDecodingFuzzTest}.
 */
class ImageDecodingFuzzTest {
  private static final PdqHasher HASHER = PdqHasher.builder().maxPixels(4_000_000).build();

  @FuzzTest(maxDuration = "60s")
  void hashImage(byte[] data) {
    try {
      PdqHashWithQuality h = HASHER.hashImage(data);
      DihedralPdqHashes d = HASHER.hashImageDihedral(data);
      if (h.quality() != d.quality()) {
        throw new AssertionError("quality differs between the two paths");
      }
    } catch (HotlinekitException expected) {
      // A clear, specific refusal is the correct outcome for bad input.
    }
  }
}
