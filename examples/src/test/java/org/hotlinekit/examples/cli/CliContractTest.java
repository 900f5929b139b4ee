package org.hotlinekit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * What every subcommand promises, checked the same way for each: a missing input file is one line
 * on stderr with the path once and no stack trace, and the documented exit code; {@code --format}
 * is accepted; stdout carries what the help says, also when run as a real process (where an
 * unflushed print is lost).
 */
class CliContractTest {
  private static final String MISSING = "/no/such/dir/missing-input";
  private static final String SAMPLES = "samples";
  private static final String REPORTS = "reports/sample-reports.json";
  private static final String FACTS = "facts/baseline.json";
  private static final String NEEDLES = "../testdata/pdq/hashlists/needles.txt";

  /** Each subcommand with its input file replaced by one that does not exist. */
  static Stream<Arguments> missingInput() {
    return Stream.of(
        Arguments.of("hash", List.of("hash", "--format", "jsonl", MISSING)),
        Arguments.of("match", List.of("match", "--format", "jsonl", "--list", MISSING, SAMPLES)),
        Arguments.of("triage", List.of("triage", "--format", "jsonl", "--list", MISSING,
            SAMPLES)),
        Arguments.of("index build", List.of("index", "build", "--format", "json", "--list",
            MISSING, "--out", "target/never.hlx")),
        Arguments.of("index verify", List.of("index", "verify", "--format", "text", MISSING)),
        Arguments.of("route", List.of("route", "--format", "json", "--assessed-by", "BE",
            "--hosted-in", "NL", "--members", MISSING)),
        Arguments.of("categorise", List.of("categorise", "--format", "json", "--jurisdiction",
            "BE", MISSING)),
        Arguments.of("report validate", List.of("report", "validate", "--format", "text",
            MISSING)),
        Arguments.of("report ncmec", List.of("report", "ncmec", "--format", "xml", MISSING)),
        Arguments.of("report stats", List.of("report", "stats", "--format", "json", MISSING)),
        Arguments.of("packet seal", List.of("packet", "seal", "--format", "json", "--in",
            MISSING, "--to", MISSING, "--key", MISSING, "--cert", MISSING, "--out",
            "target/never.p7m")),
        Arguments.of("packet open", List.of("packet", "open", "--format", "json", "--in",
            MISSING, "--key", MISSING, "--cert", MISSING, "--trust", MISSING)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("missingInput")
  void aMissingInputIsOneLineWithExitCodeOne(String name, List<String> args) {
    CliRun run = CliRun.of(args.toArray(String[]::new));
    assertThat(run.exitCode()).as(run.err()).isEqualTo(HotlinekitCli.EXIT_INPUT_FAILED);
    // report validate and index verify print their verdict per file on stdout; every other
    // command on stderr.
    String said = name.equals("report validate") || name.equals("index verify") ? run.out()
        : run.err();
    List<String> lines = said.lines().toList();
    assertThat(lines).as(said).hasSize(1);
    assertThat(lines.get(0)).contains(MISSING + ": no such file");
    assertThat(lines.get(0).indexOf(MISSING)).isEqualTo(lines.get(0).lastIndexOf(MISSING));
    assertThat(run.err() + run.out()).doesNotContain("\tat ").doesNotContain("Exception");
  }

  /** A folder without files is an error for every command that walks folders. */
  @Test
  void anEmptyFolderIsAnError(@TempDir Path dir) throws java.io.IOException {
    Path empty = java.nio.file.Files.createDirectories(dir.resolve("empty"));
    for (List<String> args : List.of(List.of("hash", empty.toString()),
        List.of("match", "--list", NEEDLES, "--list-format", "pdq", empty.toString()),
        List.of("triage", "--list", NEEDLES, "--list-format", "pdq", empty.toString()),
        List.of("scan", "--list", NEEDLES, "--list-format", "pdq", "--out",
            dir.resolve("out").toString(), empty.toString()))) {
      CliRun run = CliRun.of(args.toArray(String[]::new));
      assertThat(run.exitCode()).as(args.toString()).isEqualTo(1);
      assertThat(run.err()).as(args.toString()).startsWith("hotlinekit: " + empty + ": no files");
      assertThat(run.out()).as(args.toString()).isEmpty();
    }
  }

  @Test
  void anUnsupportedFormatIsACommandLineError() {
    CliRun run = CliRun.of("categorise", "--format", "tsv", "--jurisdiction", "BE", FACTS);
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("'hotlinekit categorise' writes text, json; not --format tsv");
  }

  /** Each subcommand on good input, with the formats its help names. */
  static Stream<Arguments> goodInput() {
    List<Arguments> all = new ArrayList<>();
    for (String f : List.of("text", "tsv", "jsonl")) {
      all.add(Arguments.of(List.of("hash", "--no-progress", "--format", f, SAMPLES + "/tiles.png",
          SAMPLES + "/rings-small.bmp")));
      all.add(Arguments.of(List.of("match", "--format", f, "--list", NEEDLES, "--list-format",
          "pdq", "--hashes", NEEDLES, "--hashes-format", "pdq")));
      // Two samples with strong PDQ hashes: new, so the exit code is 0.
      all.add(Arguments.of(List.of("triage", "--no-progress", "--format", f, "--list", NEEDLES,
          "--list-format", "pdq", SAMPLES + "/tiles.png", SAMPLES + "/rings.png")));
    }
    for (String f : List.of("text", "json")) {
      all.add(Arguments.of(List.of("categorise", "--format", f, "--jurisdiction", "BE", FACTS)));
      all.add(Arguments.of(List.of("route", "--format", f, "--assessed-by", "BE", "--hosted-in",
          "NL")));
      all.add(Arguments.of(List.of("report", "stats", "--format", f, REPORTS)));
    }
    for (String f : List.of("text", "jsonl")) {
      all.add(Arguments.of(List.of("report", "validate", "--format", f, REPORTS)));
    }
    all.add(Arguments.of(List.of("report", "ncmec", "--format", "xml", "--report",
        "BE-2026-000123", REPORTS)));
    return all.stream();
  }

  @ParameterizedTest
  @MethodSource("goodInput")
  void stdoutCarriesTheOutputInProcess(List<String> args) {
    CliRun run = CliRun.of(args.toArray(String[]::new));
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).isNotBlank();
  }

  @Test
  void indexBuildPrintsWhatItIndexed(@TempDir Path dir) {
    for (String f : List.of("text", "json")) {
      CliRun run = CliRun.of("index", "build", "--format", f, "--list", NEEDLES, "--list-format",
          "pdq", "--out", dir.resolve(f + ".hlx").toString());
      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(run.out()).contains("100");
    }
  }

  /**
   * As a real process, where stdout is buffered: what a command prints must reach the pipe before
   * the process exits (the NCMEC export once printed nothing).
   */
  @ParameterizedTest
  @MethodSource("asProcess")
  void stdoutCarriesTheOutputAsAProcess(List<String> args) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), HotlinekitCli.class.getName()));
    command.addAll(args);
    Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();
    assertThat(out).isNotBlank();
  }

  static Stream<Arguments> asProcess() {
    return Stream.of(
        Arguments.of(List.of("report", "ncmec", "--report", "BE-2026-000123", REPORTS)),
        Arguments.of(List.of("categorise", "--jurisdiction", "BE", FACTS)));
  }

  /** The command list shows every command's whole one-line summary, not a cut first line. */
  @Test
  void theCommandListShowsWholeSummaries() {
    CommandLine cli = HotlinekitCli.newCommandLine();
    String help = cli.getUsageMessage().replaceAll("\\s+", " ");
    for (CommandLine sub : cli.getSubcommands().values()) {
      String[] header = sub.getCommandSpec().usageMessage().header();
      assertThat(header).as(sub.getCommandName()).hasSize(1);
      assertThat(header[0]).endsWith(".");
      assertThat(help).contains(header[0]);
    }
  }

  /** Option labels are single words, so the synopsis never splits one across lines. */
  @Test
  void optionLabelsHaveNoDots() {
    List<CommandLine> all = new ArrayList<>(List.of(HotlinekitCli.newCommandLine()));
    for (int i = 0; i < all.size(); i++) {
      all.addAll(all.get(i).getSubcommands().values().stream().distinct().toList());
      for (CommandLine.Model.OptionSpec o : all.get(i).getCommandSpec().options()) {
        assertThat(o.paramLabel()).as(o.longestName()).doesNotContain(".");
      }
    }
  }

  @Test
  void rejectedListRecordsAreSummedUpWithTheFirstFew(@TempDir Path dir) throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(Path.of(NEEDLES)));
    for (int i = 0; i < 12; i++) {
      lines.add("not-a-hash-" + i);
    }
    Path list = Files.write(dir.resolve("list.txt"), lines);
    CliRun run = CliRun.of("match", "--list", list.toString(), "--list-format", "pdq",
        "--hashes", NEEDLES, "--hashes-format", "pdq");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).contains("12 bad records skipped, 100 entries loaded; the first "
        + Lists.PROBLEMS_SHOWN + " (all with --verbose):");
    assertThat(run.err().lines().filter(l -> l.startsWith("  ") && l.contains("list.txt:")))
        .hasSize(Lists.PROBLEMS_SHOWN);
    CliRun verbose = CliRun.of("match", "--verbose", "--list", list.toString(), "--list-format",
        "pdq", "--hashes", NEEDLES, "--hashes-format", "pdq");
    assertThat(verbose.err().lines().filter(l -> l.startsWith("  ") && l.contains("list.txt:")))
        .hasSize(12);
  }
}
