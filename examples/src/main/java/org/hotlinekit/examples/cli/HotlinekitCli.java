package org.hotlinekit.examples.cli;

import java.util.List;
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
   * The subcommands, in the order of the usage help. Their names and aliases are read from their
   * {@code @Command} annotations (no picocli model is built for that), so that a run builds the
   * model of the one command it runs only.
   */
  private static final List<Class<?>> COMMANDS = List.of(ScanCommand.class, HashCommand.class,
      MatchCommand.class, TriageCommand.class, IndexCommand.class, CategoriseCommand.class,
      RouteCommand.class, ReportCommand.class, PacketCommand.class);

  /** The subcommand with this name or alias, or null. */
  private static Class<?> named(String name) {
    for (Class<?> c : COMMANDS) {
      Command command = c.getAnnotation(Command.class);
      if (command.name().equals(name) || List.of(command.aliases()).contains(name)) {
        return c;
      }
    }
    return null;
  }

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
        return configured(new HotlinekitCli(), List.of());
      }
      Class<?> one = named(a);
      return one == null ? newCommandLine() : configured(new HotlinekitCli(), List.of(one));
    }
    return newCommandLine();
  }

  private static CommandLine configured(HotlinekitCli root, List<Class<?>> subcommands) {
    CommandLine cli = new CommandLine(root);
    subcommands.forEach(cli::addSubcommand);
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
