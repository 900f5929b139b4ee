package org.hotlinekit.hashing.spi;

import java.util.List;
import java.util.ServiceLoader;
import org.hotlinekit.core.hash.HashType;
import org.hotlinekit.core.hash.HashValue;
import org.hotlinekit.hashing.pdq.Pixels;

/**
 * A plug-in signal: computes a value of its {@linkplain HashType#plugin plug-in type} from an
 * image's pixels, decoded once by hotlinekit for every signal. Implementations are thread-safe
 * and have a public no-argument constructor (for {@link ServiceLoader}).
 *
 * <p>A licensee of PhotoDNA would wrap the licensed library here: its public documentation
 * describes a 144-byte hash compared by a distance of its own, so its type would be {@code
 * HashType.plugin("photodna-licensed", 144, ...)} with the comparison the licence's library
 * provides (hotlinekit ships no PhotoDNA code and carries PhotoDNA values from lists as opaque
 * bytes).
 */
public interface SignalHasher {
  /**
   * The type of the values this plug-in computes.
   *
   * @return a {@linkplain HashType#plugin plug-in} type
   */
  HashType type();

  /**
   * Hashes an image.
   *
   * @param pixels the decoded image (8-bit samples, as PDQ sees them)
   * @return a value of {@link #type()}
   */
  HashValue hash(Pixels pixels);

  /**
   * Builds the near-match index over a list's values of this type (default: {@link
   * SignalIndex#scan(List)}).
   *
   * @param values the values, all of {@link #type()}
   * @return the index
   */
  default SignalIndex index(List<HashValue> values) {
    return SignalIndex.scan(values);
  }

  /**
   * The plug-ins installed on the class path or module path.
   *
   * @return the plug-ins, in the order the service loader finds them
   */
  static List<SignalHasher> installed() {
    return ServiceLoader.load(SignalHasher.class).stream().map(ServiceLoader.Provider::get)
        .toList();
  }
}
