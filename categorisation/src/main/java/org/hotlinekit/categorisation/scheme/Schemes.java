package org.hotlinekit.categorisation.scheme;

import java.util.List;
import java.util.Optional;
import org.hotlinekit.categorisation.internal.BuiltInMappers;
import org.hotlinekit.categorisation.jurisdiction.Jurisdictions;

/**
 * The built-in scheme mappers, and their scheme ids:
 *
 * <ul>
 *   <li>{@value #ICCAM_CLASSIFICATION}: {@code baseline}, {@code national}, {@code not-illegal}
 *       (needs the assessing jurisdiction);
 *   <li>{@code iccam-age}, {@code iccam-gender}, {@code iccam-virtual}, {@code
 *       iccam-self-generated}, {@code iccam-child-modelling}: ICCAM's item attributes;
 *   <li>{@value #INTERPOL_BASELINE}: {@code baseline}, {@code not-baseline};
 *   <li>{@value #TC_ICS}: {@code A1}, {@code A2}, {@code B1}, {@code B2}, {@code none};
 *   <li>{@code uk-sentencing}: {@code A}, {@code B}, {@code C}, {@code none};
 *   <li>{@code sap}: {@code L1}..{@code L5}, {@code none}; {@code copine}: {@code 1}..{@code 10},
 *       {@code none};
 *   <li>{@code eu-2011-93-art2c}: {@code i}, {@code ii}, {@code iii}, {@code iv}, {@code none};
 *   <li>{@code c3p-arachnid}: {@code csam}, {@code harmful-abusive-material} (never derived),
 *       {@code none};
 *   <li>{@value #NCMEC_FILE_ANNOTATIONS}: a comma-separated, sorted set of NCMEC annotation names,
 *       or {@code none}.
 * </ul>
 *
 * {@code none} means the scheme assigns no class to the item (a determinate answer); when the
 * answer is open the mapper returns {@link Indeterminate} instead.
 */
public final class Schemes {
  /** ICCAM's classification. */
  public static final String ICCAM_CLASSIFICATION = "iccam-classification";
  /** INTERPOL's baseline criteria. */
  public static final String INTERPOL_BASELINE = "interpol-baseline";
  /** The Tech Coalition Industry Classification System. */
  public static final String TC_ICS = "tc-ics";
  /** NCMEC's file annotations. */
  public static final String NCMEC_FILE_ANNOTATIONS = "ncmec-file-annotations";

  private static final List<SchemeMapper> BUILT_IN = BuiltInMappers.all(
      Jurisdictions.bundled().find("CA").orElseThrow());

  private Schemes() {}

  /**
   * Every built-in mapper, ICCAM's first.
   *
   * @return the mappers
   */
  public static List<SchemeMapper> builtIn() {
    return BUILT_IN;
  }

  /**
   * A built-in mapper by scheme id.
   *
   * @param id e.g. {@code "tc-ics"}
   * @return the mapper, or empty
   */
  public static Optional<SchemeMapper> find(String id) {
    for (SchemeMapper m : BUILT_IN) {
      if (m.scheme().id().equals(id)) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }

  /**
   * Whether a label belongs to a mapper's scheme (for multi-valued schemes such as NCMEC's
   * annotations, a sorted comma-separated set of its values).
   *
   * @param mapper the mapper
   * @param label the label
   * @return true if valid
   */
  public static boolean accepts(SchemeMapper mapper, String label) {
    return BuiltInMappers.accepts(mapper, label);
  }
}
