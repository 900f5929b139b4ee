package org.hotlinekit.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.hotlinekit.categorisation.routing.MemberDirectory;
import org.hotlinekit.categorisation.routing.Router;
import org.hotlinekit.categorisation.routing.RoutingDecision;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code hotlinekit route}: who acts on illegal content hosted in a country. */
@Command(
    name = "route",
    mixinStandardHelpOptions = true,
    header = "Say who acts on illegal content hosted in a country, and what to do.",
    description = "Route one item from the assessing hotline's country and the country its content"
        + " is hosted in, by the INHOPE member directory: own country (LEA and notice-and-takedown),"
        + " forward to the member hotline there, orphaned (no member: keep it and report to the"
        + " LEA), not traced yet, or membership unknown (the directory does not list the country"
        + " and is not complete: the bundled one is not; give a complete one with --members).")
final class RouteCommand implements Callable<Integer> {
  @Option(names = "--assessed-by", required = true, paramLabel = "CC",
      description = "The assessing hotline's country, ISO 3166-1 alpha-2 (e.g. BE).")
  String assessedBy;

  @Option(names = "--hosted-in", paramLabel = "CC",
      description = "The traced hosting country (omit when not traced yet).")
  String hostedIn;

  @Option(names = "--members", paramLabel = "FILE",
      description = "A member directory file to use instead of the bundled one (see the README).")
  Path members;

  @Option(names = "--format", paramLabel = "FORMAT", description = "text (default) or json.")
  Cli.OutputFormat format = Cli.OutputFormat.text;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    Cli.format(spec, format, Cli.OutputFormat.text, Cli.OutputFormat.json);
    MemberDirectory directory = members == null ? MemberDirectory.bundled()
        : MemberDirectory.read(members);
    RoutingDecision d;
    try {
      d = new Router(directory).route(assessedBy, Optional.ofNullable(hostedIn));
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    String dir = directory.version() + (directory.complete() ? "" : " (incomplete)");
    if (format == Cli.OutputFormat.json) {
      ObjectNode n = Cli.json().createObjectNode();
      n.put("route", d.route().name());
      d.assignedCountry().ifPresent(c -> n.put("assignedCountry", c));
      n.put("explanation", d.explanation());
      ArrayNode steps = n.putArray("steps");
      d.steps().forEach(steps::add);
      n.put("directory", directory.version());
      n.put("directoryComplete", directory.complete());
      out.println(Cli.json().writeValueAsString(n));
    } else {
      out.println("route: " + d.route());
      d.assignedCountry().ifPresent(c -> out.println("assigned to: " + c));
      out.println("why: " + d.explanation());
      for (int i = 0; i < d.steps().size(); i++) {
        out.println((i + 1) + ". " + d.steps().get(i));
      }
      out.println("member directory: " + dir);
    }
    out.flush();
    return 0;
  }
}
