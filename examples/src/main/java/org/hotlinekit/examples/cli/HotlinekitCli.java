package org.hotlinekit.examples.cli;

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
    subcommands = {ScanCommand.class, HashCommand.class, MatchCommand.class, TriageCommand.class,
      IndexCommand.class,
      CategoriseCommand.class, RouteCommand.class, ReportCommand.class, PacketCommand.class},
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
    CommandLine cli = newCommandLine();
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
    HotlinekitCli root = new HotlinekitCli();
    return new CommandLine(root)
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
