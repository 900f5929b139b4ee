package org.hotlinekit.examples.recipes;

import java.io.PrintStream;
import java.nio.file.Path;
import org.hotlinekit.core.UnsupportedInputException;
import org.hotlinekit.core.digest.DigestAlgorithm;
import org.hotlinekit.core.pdq.PdqHashWithQuality;
import org.hotlinekit.hashing.media.MediaHasher;
import org.hotlinekit.hashing.media.MediaHashes;

/**
 * Hash a file: MD5, SHA-1 and SHA-256 in one read and, for an image, PDQ with its quality.
 *
 * <pre>{@code java -cp hotlinekit-examples-cli.jar org.hotlinekit.examples.recipes.HashAFile photo.jpg}</pre>
 */
public final class HashAFile {
  private HashAFile() {}

  /**
   * Runs the recipe.
   *
   * @param args one file
   */
  public static void main(String[] args) {
    run(System.out, Path.of(args[0]));
  }

  /**
   * Prints the file's digests and PDQ hash.
   *
   * @param out where to print
   * @param file the file
   */
  public static void run(PrintStream out, Path file) {
    MediaHasher withPdq = MediaHasher.builder()
        .digests(DigestAlgorithm.MD5, DigestAlgorithm.SHA1, DigestAlgorithm.SHA256)
        .pdq(true)
        .build();
    MediaHashes h;
    try {
      h = withPdq.hash(file);
    } catch (UnsupportedInputException notAnImage) {
      // Not an image: the digests still apply (any file, streamed).
      h = withPdq.digestsOnly().orElseThrow().hash(file);
    }
    for (DigestAlgorithm a : h.digests().algorithms()) {
      out.println(a.id() + " " + h.digests().get(a).orElseThrow());
    }
    if (h.pdq().isPresent()) {
      PdqHashWithQuality p = h.pdq().get();
      out.println("pdq " + p.hash() + " quality " + p.quality());
    } else {
      out.println("pdq does not apply: not an image");
    }
  }
}
