package org.hotlinekit.categorisation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.hotlinekit.categorisation.assertion.LabelAssertion;
import org.hotlinekit.categorisation.facts.ContentFacts;
import org.hotlinekit.categorisation.jurisdiction.JurisdictionProfile;
import org.hotlinekit.categorisation.jurisdiction.Jurisdictions;
import org.hotlinekit.categorisation.scheme.Derivation;
import org.hotlinekit.categorisation.scheme.Derived;
import org.hotlinekit.categorisation.scheme.Indeterminate;
import org.hotlinekit.categorisation.scheme.Reason;
import org.hotlinekit.categorisation.scheme.SchemeMapper;
import org.hotlinekit.categorisation.scheme.Schemes;

/**
 * Derives every scheme's label from one set of facts, for one assessing jurisdiction. The one
 * entry point; immutable and thread-safe.
 *
 * <pre>{@code
 * Categoriser categoriser = Categoriser.builder().build();      // bundled profiles, all schemes
 * for (Derivation d : categoriser.categorise(facts, "BE")) {
 *   System.out.println(d.scheme().id() + ": " + d.explanation());
 * }
 * }</pre>
 */
public final class Categoriser {
  private final Jurisdictions jurisdictions;
  private final List<SchemeMapper> mappers;

  private Categoriser(Builder b) {
    this.jurisdictions = b.jurisdictions;
    this.mappers = List.copyOf(b.mappers);
  }

  /**
   * Starts configuring: bundled jurisdiction profiles, every built-in scheme.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The profiles this categoriser knows.
   *
   * @return the profiles
   */
  public Jurisdictions jurisdictions() {
    return jurisdictions;
  }

  /**
   * The mappers, in output order.
   *
   * @return the mappers
   */
  public List<SchemeMapper> mappers() {
    return mappers;
  }

  /**
   * Derives every scheme's label. A scheme that needs a jurisdiction gets the profile for {@code
   * jurisdiction}; if there is none, its outcome is {@link Reason#UNKNOWN_JURISDICTION} (except
   * where the facts decide without one, e.g. Baseline).
   *
   * @param facts the facts
   * @param jurisdiction the assessing jurisdiction's code, e.g. {@code "BE"}
   * @return one outcome per mapper, in {@link #mappers()} order
   */
  public List<Derivation> categorise(ContentFacts facts, String jurisdiction) {
    Objects.requireNonNull(facts, "facts");
    Optional<JurisdictionProfile> profile = jurisdictions.find(jurisdiction);
    List<Derivation> out = new ArrayList<>(mappers.size());
    for (SchemeMapper m : mappers) {
      Derivation d = m.derive(facts, profile);
      if (d == null) {
        throw new IllegalStateException(m + " returned null");
      }
      if (d instanceof Indeterminate && ((Indeterminate) d).reason()
          == Reason.UNKNOWN_JURISDICTION && profile.isEmpty()) {
        d = new Indeterminate(d.scheme(), Reason.UNKNOWN_JURISDICTION, d.mapperVersion(),
            d.explanation() + " (no profile for '" + jurisdiction + "'; known: "
                + String.join(", ", jurisdictions.codes()) + ")", d.rule(), d.facts());
      }
      out.add(d);
    }
    return out;
  }

  /**
   * The derived labels as assertions (basis "derived by mapper@version", assessor {@link
   * org.hotlinekit.categorisation.assertion.Assessor#HOTLINEKIT}), ready to add to an {@link
   * org.hotlinekit.categorisation.assertion.AssertionLog} where they never replace a manual label.
   * Jurisdiction-dependent labels carry the jurisdiction; indeterminate schemes give none.
   *
   * @param facts the facts
   * @param jurisdiction the assessing jurisdiction's code
   * @param at the time of the derivation
   * @return one assertion per derived label
   */
  public List<LabelAssertion> derivedAssertions(ContentFacts facts, String jurisdiction,
      Instant at) {
    List<Derivation> all = categorise(facts, jurisdiction);
    Optional<String> code = jurisdictions.find(jurisdiction).map(JurisdictionProfile::code);
    List<LabelAssertion> out = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i) instanceof Derived) {
        boolean needs = mappers.get(i).needsJurisdiction();
        if (needs && code.isEmpty()) {
          continue;
        }
        out.add(LabelAssertion.derived((Derived) all.get(i), needs ? code : Optional.empty(),
            at));
      }
    }
    return out;
  }

  /** Configures a {@link Categoriser}. */
  public static final class Builder {
    private Jurisdictions jurisdictions = Jurisdictions.bundled();
    private List<SchemeMapper> mappers = Schemes.builtIn();

    private Builder() {}

    /**
     * The jurisdiction profiles to use (default: the bundled ones).
     *
     * @param profiles the profiles
     * @return this builder
     */
    public Builder jurisdictions(Jurisdictions profiles) {
      this.jurisdictions = Objects.requireNonNull(profiles, "profiles");
      return this;
    }

    /**
     * The mappers to run (default: every built-in one).
     *
     * @param list the mappers, in output order
     * @return this builder
     */
    public Builder mappers(List<SchemeMapper> list) {
      this.mappers = List.copyOf(list);
      return this;
    }

    /**
     * Builds the categoriser.
     *
     * @return the categoriser
     */
    public Categoriser build() {
      return new Categoriser(this);
    }
  }
}
