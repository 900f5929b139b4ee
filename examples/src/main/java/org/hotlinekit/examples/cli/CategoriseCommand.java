package org.hotlinekit.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.hotlinekit.categorisation.Categoriser;
import org.hotlinekit.categorisation.facts.ContentFacts;
import org.hotlinekit.categorisation.facts.FactsJson;
import org.hotlinekit.categorisation.jurisdiction.JurisdictionProfile;
import org.hotlinekit.categorisation.jurisdiction.Jurisdictions;
import org.hotlinekit.categorisation.scheme.Derivation;
import org.hotlinekit.categorisation.scheme.Derived;
import org.hotlinekit.categorisation.scheme.Indeterminate;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code hotlinekit categorise}: every scheme's label for one item's facts. */
@Command(
    name = "categorise",
    aliases = "categorize",
    mixinStandardHelpOptions = true,
    header = "Derive every scheme's label from a facts file, per jurisdiction.",
    description = "Derive every scheme's label (ICCAM, INTERPOL baseline, Tech Coalition ICS, UK,"
        + " SAP, COPINE, EU 2011/93, C3P, NCMEC annotations) from a facts file, for the assessing"
        + " jurisdiction, with explanations, on stdout; a scheme that cannot be derived says why.")
final class CategoriseCommand implements Callable<Integer> {
  @Option(names = "--jurisdiction", required = true, paramLabel = "CODE",
      description = "The assessing jurisdiction, e.g. BE; bundled: BE, NL, DE, FR, UK, US, CA.")
  String jurisdiction;

  @Option(names = "--profile", paramLabel = "FILE",
      description = "A jurisdiction profile JSON file to add or to replace a bundled one"
          + " (repeatable).")
  List<Path> profiles = new ArrayList<>();

  @Option(names = "--format", paramLabel = "FORMAT", description = "text (default) or json.")
  Cli.OutputFormat format = Cli.OutputFormat.text;

  @Parameters(paramLabel = "FACTS", description = "The facts JSON file (see the README).")
  Path facts;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;


  @Override
  public Integer call() {
    Cli.format(spec, format, Cli.OutputFormat.text, Cli.OutputFormat.json);
    Jurisdictions all = Jurisdictions.bundled();
    for (Path p : profiles) {
      all = all.with(Jurisdictions.read(p));
    }
    if (!jurisdiction.matches("[A-Z]{2}(-[A-Z0-9]{1,3})?")) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--jurisdiction must be a"
          + " code such as BE or UK, not '" + jurisdiction + "'");
    }
    java.util.Optional<JurisdictionProfile> profile = all.find(jurisdiction);
    if (profile.isEmpty()) {
      // Every scheme that does not depend on the law is still derived; the others say why not.
      spec.commandLine().getErr().println("hotlinekit: no profile for '" + jurisdiction
          + "' (known: " + String.join(", ", all.codes()) + "; give one with --profile):"
          + " jurisdiction-dependent schemes are indeterminate");
      spec.commandLine().getErr().flush();
    }
    ContentFacts f = FactsJson.read(facts);
    List<String> contradictions = FactsJson.contradictions(f);
    for (String c : contradictions) {
      spec.commandLine().getErr().println("hotlinekit: warning: " + facts
          + ": the facts contradict themselves: " + c);
    }
    spec.commandLine().getErr().flush();
    List<Derivation> results =
        Categoriser.builder().jurisdictions(all).build().categorise(f, jurisdiction);
    PrintWriter out = spec.commandLine().getOut();
    if (format == Cli.OutputFormat.json) {
      ObjectNode root = Cli.json().createObjectNode();
      root.put("facts", facts.toString());
      root.put("jurisdiction", jurisdiction);
      profile.ifPresent(p -> root.put("profileVersion", p.version()));
      ArrayNode warnings = root.putArray("contradictions");
      contradictions.forEach(warnings::add);
      ArrayNode list = root.putArray("results");
      for (Derivation d : results) {
        ObjectNode n = list.addObject();
        n.put("scheme", d.scheme().id());
        n.put("schemeVersion", d.scheme().version());
        n.put("mapperVersion", d.mapperVersion());
        if (d instanceof Derived) {
          n.put("label", ((Derived) d).label());
        } else {
          n.put("indeterminate", ((Indeterminate) d).reason().name());
        }
        n.put("explanation", d.explanation());
        n.put("rule", d.rule());
        ObjectNode used = n.putObject("factsUsed");
        d.facts().forEach(used::put);
      }
      out.println(Cli.json().writerWithDefaultPrettyPrinter().writeValueAsString(root));
    } else {
      out.println("Jurisdiction: " + profile.map(Object::toString)
          .orElse(jurisdiction + " (no profile)"));
      int width = 0;
      for (Derivation d : results) {
        width = Math.max(width, d.scheme().id().length());
      }
      for (Derivation d : results) {
        String value = d instanceof Derived ? ((Derived) d).label()
            : "indeterminate (" + ((Indeterminate) d).reason().name().toLowerCase(Locale.ROOT)
                .replace('_', ' ') + ")";
        String indent = " ".repeat(width + 4);
        out.println(String.format(Locale.ROOT, "%-" + width + "s  %s", d.scheme().id(), value));
        out.println(indent + d.explanation());
        out.println(indent + "rule: " + d.rule());
        out.println(indent + "facts: " + facts(d));
      }
    }
    out.flush();
    return 0;
  }

  /** The facts a derivation read, as {@code field=value} pairs. */
  private static String facts(Derivation d) {
    if (d.facts().isEmpty()) {
      return "(not named by this mapper)";
    }
    List<String> pairs = new java.util.ArrayList<>();
    d.facts().forEach((k, v) -> pairs.add(k + "=" + v));
    return String.join(", ", pairs);
  }
}
