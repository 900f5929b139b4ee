package org.hotlinekit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.hotlinekit.core.digest.DigestAlgorithm;
import org.hotlinekit.core.hash.HashValue;
import org.hotlinekit.example.signal.DifferenceHash;
import org.hotlinekit.hashing.list.HashListEntry;
import org.hotlinekit.hashing.list.HashListFormat;
import org.hotlinekit.hashing.media.MediaHasher;
import org.hotlinekit.hashing.spi.SignalHasher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plug-in signal on the class path (the example difference hash) is found by the service
 * loader, read from a list by its name, computed and matched by match and triage: the CLI has no
 * code for it.
 */
class SignalPluginTest {
  private static final Path SAMPLES = Path.of("samples");

  @Test
  void theExamplePluginIsFoundIndexedAndMatched(@TempDir Path dir) {
    assertThat(SignalHasher.installed()).extracting(s -> s.type().id()).contains("dhash64");
    // A list holding only the plug-in's value for tiles.png.
    HashValue dhash = MediaHasher.builder().digests(DigestAlgorithm.MD5).pdq(true)
        .signals(List.of(new DifferenceHash())).build().hash(SAMPLES.resolve("tiles.png"))
        .signals().get(0);
    assertThat(dhash.type()).isEqualTo(DifferenceHash.TYPE);
    Path list = dir.resolve("dhash.jsonl");
    HashListFormat.jsonLines().write(List.of(HashListEntry.builder("d-1", dhash).label("X")
        .build()), list);

    for (String command : List.of("match", "triage")) {
      CliRun run = CliRun.of(command, "--format", "jsonl", "--no-progress", "--list",
          list.toString(), SAMPLES.resolve("tiles.jpg").toString());
      assertThat(run.exitCode()).as(run.err()).isZero();
      JsonNode n = JsonMapper.builder().build().readTree(run.outLines().get(0));
      assertThat(n.get("status").asString()).as(command).isEqualTo("known");
      assertThat(n.get("matches").get(0).get("type").asString()).isEqualTo("dhash64");
      assertThat(n.get("matches").get(0).get("entry").asString()).isEqualTo("d-1");
    }
  }
}
