package org.hotlinekit.examples.cli;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code hotlinekit} command. Exit codes: 0 success; 1 some inputs failed (each reported); 2
 * the command line itself is wrong; 70 an internal error; {@code packet open} adds its own.
 */
@Command(
    name = "hotlinekit",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    version = "hotlinekit 0.1.0-SNAPSHOT",
    description = "Hash, match and exchange media fingerprints for hotlines and trust & safety"
        + " teams. Every command takes --format (text, the default, for a person; tsv, jsonl or"
        + " json where they fit) and --verbose.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every input was processed",
      "1:some inputs failed, or a file could not be read; each failure is reported in one line",
      "2:the command line is wrong",
      "70:an internal error (a bug: please report it with the --verbose output)"
    })
public final class HotlinekitCli implements Runnable {
  /** Exit code when some inputs failed. */
  static final int EXIT_INPUT_FAILED = 1;

  @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
      description = "Print every rejected list record and the stack trace of failures.")
  boolean verbose;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /**
   * Runs the tool.
   *
   * @param args the command line
   */
  public static void main(String[] args) {
    CommandLine cli = forArguments(args);
    int code = cli.execute(args);
    // Nothing a command printed may be lost to System.exit.
    cli.getOut().flush();
    cli.getErr().flush();
    System.exit(code);
  }

  /**
   * The configured command line, for tests and embedding.
   *
   * @return a fresh command line
   */
  public static CommandLine newCommandLine() {
    return configured(new HotlinekitCli(), COMMANDS);
  }

  /**
   * The subcommands, by name and alias, in the order of the usage help. Each is a supplier so that
   * a run builds the model (and loads the classes) of the one command it runs only.
   */
  private static final Map<String, Supplier<Object>> COMMANDS = commands();

  private static Map<String, Supplier<Object>> commands() {
    Map<String, Supplier<Object>> m = new LinkedHashMap<>();
    m.put("scan", ScanCommand::new);
    m.put("hash", HashCommand::new);
    m.put("match", MatchCommand::new);
    m.put("triage", TriageCommand::new);
    m.put("index", IndexCommand::new);
    m.put("categorise", CategoriseCommand::new);
    m.put("route", RouteCommand::new);
    m.put("report", ReportCommand::new);
    m.put("packet", PacketCommand::new);
    return Collections.unmodifiableMap(m);
  }

  /** Aliases of the subcommands (picocli still learns them from each command's annotation). */
  private static final Map<String, String> ALIASES = Map.of("categorize", "categorise");

  /**
   * The command line a run needs: the root with only the subcommand named first among the
   * arguments (its model is all the run builds), or with every subcommand when none is named
   * (the usage help lists them all, and an unknown name gets picocli's suggestions). The
   * behaviour is that of {@link #newCommandLine()}; only the start-up cost differs.
   *
   * @param args the command line
   * @return a command line to execute {@code args}
   */
  static CommandLine forArguments(String[] args) {
    for (String a : args) {
      if (a.equals("-v") || a.equals("--verbose")) {
        continue;
      }
      if (a.equals("-V") || a.equals("--version")) {
        return configured(new HotlinekitCli(), Map.of());
      }
      String name = ALIASES.getOrDefault(a, a);
      Supplier<Object> one = COMMANDS.get(name);
      return one == null ? newCommandLine()
          : configured(new HotlinekitCli(), Map.of(name, one));
    }
    return newCommandLine();
  }

  private static CommandLine configured(HotlinekitCli root,
      Map<String, Supplier<Object>> subcommands) {
    CommandLine cli = new CommandLine(root);
    subcommands.values().forEach(s -> cli.addSubcommand(s.get()));
    return cli
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setUsageHelpAutoWidth(true)
        .setExecutionExceptionHandler(
            (e, cmd, parseResult) -> {
              // A bad list, a missing file: one clear line; a stack trace only with --verbose.
              Cli.report(cmd.getErr(), e, root.verbose);
              return Cli.isInputFailure(e) ? EXIT_INPUT_FAILED : Cli.EXIT_INTERNAL_ERROR;
            });
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a command, e.g. 'hash'");
  }
}
