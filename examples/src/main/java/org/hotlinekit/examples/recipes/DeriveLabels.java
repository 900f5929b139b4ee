package org.hotlinekit.examples.recipes;

import java.io.PrintStream;
import java.nio.file.Path;
import org.hotlinekit.categorisation.Categoriser;
import org.hotlinekit.categorisation.facts.ContentFacts;
import org.hotlinekit.categorisation.facts.FactsJson;
import org.hotlinekit.categorisation.scheme.Derivation;
import org.hotlinekit.categorisation.scheme.Derived;
import org.hotlinekit.categorisation.scheme.Indeterminate;

/**
 * Derive every scheme's label from what the analyst recorded (a facts file), for the assessing
 * jurisdiction; a scheme that cannot be derived says why instead of guessing.
 *
 * <pre>{@code java -cp ... org.hotlinekit.examples.recipes.DeriveLabels facts.json BE}</pre>
 */
public final class DeriveLabels {
  private DeriveLabels() {}

  /**
   * Runs the recipe.
   *
   * @param args the facts file, then the jurisdiction code
   */
  public static void main(String[] args) {
    run(System.out, Path.of(args[0]), args[1]);
  }

  /**
   * Prints one line per scheme: its label, or why it is indeterminate.
   *
   * @param out where to print
   * @param factsFile the facts JSON
   * @param jurisdiction e.g. {@code BE}
   */
  public static void run(PrintStream out, Path factsFile, String jurisdiction) {
    ContentFacts facts = FactsJson.read(factsFile);
    for (Derivation d : Categoriser.builder().build().categorise(facts, jurisdiction)) {
      if (d instanceof Derived) {
        out.println(d.scheme().id() + ": " + ((Derived) d).label());
      } else {
        out.println(d.scheme().id() + ": indeterminate (" + ((Indeterminate) d).reason() + ")");
      }
    }
  }
}
