package org.hotlinekit.examples.cli;

import org.hotlinekit.core.HotlinekitException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code hotlinekit} command. Exit codes: 0 success; 1 some inputs failed (each reported); 2
 * the command line itself is wrong.
 */
@Command(
    name = "hotlinekit",
    mixinStandardHelpOptions = true,
    version = "hotlinekit 0.1.0-SNAPSHOT",
    description = "Hash, match and exchange media fingerprints for hotlines and trust & safety teams.",
    subcommands = {HashCommand.class, MatchCommand.class, TriageCommand.class, IndexCommand.class,
      CategoriseCommand.class, ReportCommand.class, PacketCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every input was processed",
      "1:some inputs failed; each failure is reported and the others were processed",
      "2:the command line is wrong"
    })
public final class HotlinekitCli implements Runnable {
  /** Exit code when some inputs failed. */
  static final int EXIT_INPUT_FAILED = 1;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /**
   * Runs the tool.
   *
   * @param args the command line
   */
  public static void main(String[] args) {
    System.exit(newCommandLine().execute(args));
  }

  /**
   * The configured command line, for tests and embedding.
   *
   * @return a fresh command line
   */
  public static CommandLine newCommandLine() {
    return new CommandLine(new HotlinekitCli())
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setExecutionExceptionHandler(
            (e, cmd, parseResult) -> {
              if (e instanceof HotlinekitException) {
                // A bad list, an unreadable file: one clear line, no stack trace.
                cmd.getErr().println("hotlinekit: " + e.getMessage());
                return EXIT_INPUT_FAILED;
              }
              throw e;
            });
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a command, e.g. 'hash'");
  }
}
