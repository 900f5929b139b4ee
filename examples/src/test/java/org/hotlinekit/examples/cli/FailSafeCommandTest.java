package org.hotlinekit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decisions that must not be silently wrong: lists that yield nothing, special files in a walked
 * folder, exports that would overwrite one another.
 */
class FailSafeCommandTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Path SAMPLES = Path.of("samples");
  private static final String TILES = SAMPLES.resolve("tiles.png").toString();

  @Test
  void anEmptyListIsAnErrorUnlessAllowed(@TempDir Path dir) throws IOException {
    Path empty = Files.writeString(dir.resolve("empty.txt"), "# nothing yet\n");
    CliRun run = CliRun.of("triage", "--list", empty.toString(), "--list-format", "md5", TILES);
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("empty.txt: no entries read as md5")
        .contains("--allow-empty").doesNotContain("\tat ");
    CliRun allowed = CliRun.of("triage", "--list", empty.toString(), "--list-format", "md5",
        "--allow-empty", TILES);
    assertThat(allowed.exitCode()).as(allowed.err()).isZero();
    assertThat(allowed.out()).contains("\tnew\t");
  }

  @Test
  void aListReadInTheWrongFormatIsAnError(@TempDir Path dir) throws IOException {
    Path md5s = Files.writeString(dir.resolve("md5s.txt"),
        "d41d8cd98f00b204e9800998ecf8427e\n0cc175b9c0f1b6a831c399e269772661\n");
    CliRun run = CliRun.of("match", "--list", md5s.toString(), "--list-format", "pdq", TILES);
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("md5s.txt: no entries read as pdq (2 records rejected");
    // The output of 'hash --format jsonl' is not a hash list: refused, not an empty query set.
    CliRun hashed = CliRun.of("hash", "--format", "jsonl", TILES);
    Path hashes = Files.writeString(dir.resolve("hashes.jsonl"), hashed.out());
    CliRun queries = CliRun.of("match", "--list", md5s.toString(), "--list-format", "md5",
        "--hashes", hashes.toString());
    assertThat(queries.exitCode()).isEqualTo(1);
    assertThat(queries.err()).contains("hashes.jsonl: no entries read as jsonl")
        .contains("--hashes-format");
  }

  @Test
  void mostRecordsRejectedIsSaidOnOneLine(@TempDir Path dir) throws IOException {
    Path list = Files.writeString(dir.resolve("mixed.txt"),
        "d41d8cd98f00b204e9800998ecf8427e\nnot-a-hash\nalso-not\n");
    CliRun run = CliRun.of("match", "--list", list.toString(), "--list-format", "md5",
        "--format", "jsonl", TILES);
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).contains("mixed.txt: most records were rejected (2 of 3 read as md5);"
        + " is --list-format right?");
  }

  @Test
  void indexBuildRefusesAnEmptyList(@TempDir Path dir) throws IOException {
    Path empty = Files.writeString(dir.resolve("empty.txt"), "\n");
    Path index = dir.resolve("empty.hlx");
    CliRun run = CliRun.of("index", "build", "--list", empty.toString(), "--list-format", "pdq",
        "--out", index.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("no entries read as pdq").doesNotContain("--allow-empty");
    assertThat(index).doesNotExist();
  }

  @Test
  void aFifoInAWalkedFolderIsReportedAndSkipped(@TempDir Path dir) throws Exception {
    Files.copy(SAMPLES.resolve("tiles.png"), dir.resolve("a.png"));
    Path fifo = dir.resolve("b.fifo");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assertThat(mkfifo.waitFor()).isZero();
    Files.copy(SAMPLES.resolve("rings.png"), dir.resolve("c.png"));
    CliRun run = assertTimeoutPreemptively(Duration.ofSeconds(30),
        () -> CliRun.of("hash", "--no-progress", "--format", "jsonl", dir.toString()));
    assertThat(run.exitCode()).isEqualTo(1);
    List<String> lines = run.outLines();
    assertThat(lines).hasSize(3);
    JsonNode skipped = JSON.readTree(lines.get(1));
    assertThat(skipped.get("path").asString()).isEqualTo(fifo.toString());
    assertThat(skipped.get("error").asString()).startsWith("not a regular file");
    assertThat(JSON.readTree(lines.get(2)).has("pdq")).isTrue();
  }

  @Test
  void exportsWhoseReferencesShareAFileNameDoNotOverwriteEachOther(@TempDir Path dir)
      throws IOException {
    String sample = Files.readString(Path.of("reports/sample-reports.json"));
    JsonNode doc = JSON.readTree(sample);
    String first = doc.get("reports").get(0).get("reference").asString();
    String second = doc.get("reports").get(1).get("reference").asString();
    // Two references that differ only where a file name cannot: BE/2026... and BE_2026...
    String clash = first.replaceFirst("-", "/");
    String alike = first.replaceFirst("-", "_");
    Path in = Files.writeString(dir.resolve("clash.json"),
        sample.replace("\"" + first + "\"", "\"" + clash + "\"")
            .replace("\"" + second + "\"", "\"" + alike + "\""));
    Path out = dir.resolve("out");
    CliRun run = CliRun.of("report", "ncmec", "--out-dir", out.toString(), in.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).contains("2 report references map to the file name");
    try (var files = Files.list(out)) {
      assertThat(files.map(p -> p.getFileName().toString()).toList()).hasSize(3)
          .anyMatch(n -> n.matches(".*_.*-[0-9a-f]{12}\\.xml"));
    }
  }

  @Test
  void twoReportsWithOneReferenceAreInvalid(@TempDir Path dir) throws IOException {
    String sample = Files.readString(Path.of("reports/sample-reports.json"));
    JsonNode doc = JSON.readTree(sample);
    String first = doc.get("reports").get(0).get("reference").asString();
    String second = doc.get("reports").get(1).get("reference").asString();
    Path in = Files.writeString(dir.resolve("dup.json"),
        sample.replace("\"" + second + "\"", "\"" + first + "\""));
    CliRun run = CliRun.of("report", "validate", in.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).containsPattern("dup\\.json:\\d+:\\d+: duplicate \"reference\": the"
        + " report at line \\d+ has the same one");
  }
}
