package org.hotlinekit.examples;

import java.nio.file.Path;
import org.hotlinekit.core.HotlinekitException;
import org.hotlinekit.core.digest.DigestAlgorithm;
import org.hotlinekit.hashing.media.MediaHasher;
import org.hotlinekit.hashing.media.MediaHashes;

/**
 * The hashing API in a few lines: digests and PDQ of the files named on the command line. Run
 * with {@code java -cp examples/target/hotlinekit-examples-0.1.0-SNAPSHOT-cli.jar
 * org.hotlinekit.examples.HashFilesExample examples/samples/tiles.png}.
 */
public final class HashFilesExample {
  private HashFilesExample() {}

  /**
   * Hashes each file given.
   *
   * @param args image files
   */
  public static void main(String[] args) {
    MediaHasher hasher =
        MediaHasher.builder().digests(DigestAlgorithm.MD5, DigestAlgorithm.SHA256).pdq(true).build();
    for (String arg : args) {
      try {
        MediaHashes h = hasher.hash(Path.of(arg));
        System.out.println(arg + " md5=" + h.digests().get(DigestAlgorithm.MD5).orElseThrow()
            + " pdq=" + h.pdq().orElseThrow());
      } catch (HotlinekitException e) {
        System.out.println(arg + " failed: " + e.getMessage());
      }
    }
  }
}
