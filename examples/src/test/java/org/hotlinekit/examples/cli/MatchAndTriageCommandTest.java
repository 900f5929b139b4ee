package org.hotlinekit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class MatchAndTriageCommandTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Path SAMPLES = Path.of("samples");

  /** The upstream needles against the haystack: exactly the 250 expected pairs at 31. */
  @Test
  void needlesAgainstHaystack() throws IOException {
    Path lists = hashlists();
    CliRun run = CliRun.of("match", "--list", lists.resolve("haystack.txt").toString(),
        "--list-format", "pdq", "--hashes", lists.resolve("needles.txt").toString(),
        "--hashes-format", "pdq", "--format", "jsonl");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.outLines()).hasSize(100);
    int pairs = 0;
    for (String line : run.outLines()) {
      JsonNode n = JSON.readTree(line);
      for (JsonNode m : n.get("matches")) {
        assertThat(m.get("distance").asInt()).isLessThanOrEqualTo(31);
        assertThat(m.get("list").asString()).isEqualTo("haystack.txt");
        pairs++;
      }
    }
    assertThat(pairs).isEqualTo(250);
  }

  @Test
  void mediaMatchesAListMadeFromTheirHashes(@TempDir Path dir) throws IOException {
    // A canonical list holding tiles.png's PDQ and stripes.gif's MD5.
    CliRun hashed = CliRun.of("hash", "--format", "jsonl", "--algorithms", "md5,pdq",
        SAMPLES.resolve("tiles.png").toString(), SAMPLES.resolve("stripes.gif").toString());
    List<String> listLines = new ArrayList<>();
    JsonNode tiles = JSON.readTree(hashed.outLines().get(0));
    JsonNode stripes = JSON.readTree(hashed.outLines().get(1));
    listLines.add("{\"id\":\"tiles\",\"type\":\"pdq\",\"hash\":\"" + tiles.get("pdq").asString()
        + "\",\"label\":\"B1\"}");
    listLines.add("{\"id\":\"stripes\",\"type\":\"md5\",\"hash\":\""
        + stripes.get("md5").asString() + "\"}");
    Path list = Files.write(dir.resolve("own.jsonl"), listLines);

    CliRun run = CliRun.of("match", "--list", list.toString(), "--dihedral", "--format", "jsonl",
        SAMPLES.toString());
    // Two samples have PDQ hashes too weak to match: unverified, exit code 3.
    assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
    Map<String, List<String>> byFile = new HashMap<>();
    for (String line : run.outLines()) {
      JsonNode n = JSON.readTree(line);
      List<String> ids = new ArrayList<>();
      n.get("matches").forEach(m -> ids.add(m.get("entry").asString()));
      byFile.put(Path.of(n.get("query").asString()).getFileName().toString(), ids);
    }
    assertThat(byFile.get("tiles.png")).containsExactly("tiles");
    assertThat(byFile.get("tiles.jpg")).containsExactly("tiles");
    assertThat(byFile.get("tiles-mirrored.png")).containsExactly("tiles");
    assertThat(byFile.get("stripes.gif")).containsExactly("stripes");
    assertThat(byFile.get("rings.png")).isEmpty();

    CliRun triage = CliRun.of("triage", "--list", list.toString(), "--no-progress",
        "--format", "jsonl", SAMPLES.toString());
    assertThat(triage.exitCode()).as(triage.err()).isEqualTo(3);
    Map<String, String> status = new HashMap<>();
    for (String line : triage.outLines()) {
      JsonNode n = JSON.readTree(line);
      status.put(Path.of(n.get("path").asString()).getFileName().toString(),
          n.get("status").asString());
    }
    assertThat(status).containsEntry("tiles.png", "known").containsEntry("tiles.jpg", "known")
        .containsEntry("tiles-mirrored.png", "known").containsEntry("stripes.gif", "known")
        .containsEntry("rings.png", "new").containsEntry("gray-gradient.png", "unverified")
        .containsEntry("too-small-4x4.png", "unverified")
        .containsEntry("truncated.jpg", "unverified").hasSize(9);
    assertThat(triage.err()).contains("known             4").contains("new               2")
        .contains("unverified        3").contains("failed            0");
  }

  @Test
  void ambiguousPlainListsNeedAFormat(@TempDir Path dir) throws IOException {
    Path list = Files.writeString(dir.resolve("list.txt"),
        "d8f8f0cee0f4a84f0637022a078f67f0b36e2ed596621e1d33e6339c4e9c9b22\n");
    CliRun run = CliRun.of("match", "--list", list.toString(), SAMPLES.toString());
    assertThat(run.exitCode()).isNotZero();
    assertThat(run.err()).contains("name the list's format (sha256 or pdq) with --list-format")
        .doesNotContain("\tat ");
  }

  @Test
  void aBinaryFileGivenAsAListIsRefusedClearly() {
    CliRun run = CliRun.of("triage", "--list", SAMPLES.resolve("tiles.png").toString(),
        SAMPLES.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("not a hash list (the file is not UTF-8 text)")
        .doesNotContain("\tat ");
  }

  /** index build, then --index: the same 250 pairs, without re-indexing. */
  @Test
  void indexBuildThenMatchWithIndex(@TempDir Path dir) throws IOException {
    Path lists = hashlists();
    Path index = dir.resolve("haystack.hlx");
    CliRun build = CliRun.of("index", "build", "--list", lists.resolve("haystack.txt").toString(),
        "--list-format", "pdq", "--name", "haystack", "--out", index.toString());
    assertThat(build.exitCode()).as(build.err()).isZero();
    long lines = Files.readAllLines(lists.resolve("haystack.txt")).stream()
        .filter(l -> !l.isBlank()).count();
    assertThat(build.out()).contains("indexed " + lines + " entries");
    // With --progress: a bar over the list's MiB, then the steps; the same index file.
    Path again = dir.resolve("again.hlx");
    CliRun shown = CliRun.of("index", "build", "--progress", "--list",
        lists.resolve("haystack.txt").toString(), "--list-format", "pdq", "--name", "haystack",
        "--out", again.toString());
    assertThat(shown.exitCode()).as(shown.err()).isZero();
    assertThat(shown.err()).contains("reading").contains("read " + lines + " entries")
        .contains("indexed in").contains("written in");
    assertThat(Files.readAllBytes(again)).isEqualTo(Files.readAllBytes(index));
    CliRun run = CliRun.of("match", "--index", index.toString(), "--hashes",
        lists.resolve("needles.txt").toString(), "--hashes-format", "pdq", "--format", "jsonl");
    assertThat(run.exitCode()).as(run.err()).isZero();
    int pairs = 0;
    for (String line : run.outLines()) {
      for (JsonNode m : JSON.readTree(line).get("matches")) {
        assertThat(m.get("list").asString()).isEqualTo("haystack");
        pairs++;
      }
    }
    assertThat(pairs).isEqualTo(250);

    Files.write(index, new byte[] {1, 2, 3});
    CliRun broken = CliRun.of("match", "--index", index.toString(), SAMPLES.toString());
    assertThat(broken.exitCode()).isEqualTo(1);
    assertThat(broken.err()).contains("not a hotlinekit indexed list").doesNotContain("\tat ");
    CliRun none = CliRun.of("match", SAMPLES.toString());
    assertThat(none.exitCode()).isEqualTo(2);
    assertThat(none.err()).contains("--list or --index");
  }

  /**
   * index verify: a whole file passes; a flipped byte in its PDQ table fails verify, and match
   * refuses the file (its indexes are checked as they are loaded) with one line naming it.
   */
  @Test
  void indexVerifyAndACorruptTableMidRun(@TempDir Path dir) throws IOException {
    Path lists = hashlists();
    Path index = dir.resolve("haystack.hlx");
    assertThat(CliRun.of("index", "build", "--list", lists.resolve("haystack.txt").toString(),
        "--list-format", "pdq", "--out", index.toString()).exitCode()).isZero();
    CliRun ok = CliRun.of("index", "verify", index.toString());
    assertThat(ok.exitCode()).as(ok.err()).isZero();
    assertThat(ok.out()).startsWith("whole: " + index);
    byte[] b = Files.readAllBytes(index);
    b[pdqHashAt(b, 5)] ^= 0x40; // in the hash of the list's entry 5, in the PDQ index
    Path bad = Files.write(dir.resolve("bad.hlx"), b);
    CliRun verify = CliRun.of("index", "verify", "--format", "json", bad.toString());
    assertThat(verify.exitCode()).isEqualTo(1);
    JsonNode v = JSON.readTree(verify.outLines().get(0));
    assertThat(v.get("whole").asBoolean()).isFalse();
    assertThat(v.get("reason").asString()).contains(bad.toString()).contains("checksum");
    // The list matched against itself (were the table read in place, entry 5's own hash would
    // read the bad block).
    CliRun run = CliRun.of("match", "--index", bad.toString(),
        "--hashes", lists.resolve("haystack.txt").toString(), "--hashes-format", "pdq",
        "--format", "jsonl");
    assertThat(run.exitCode()).as(run.out()).isEqualTo(1);
    assertThat(run.err().lines().toList()).hasSize(1);
    assertThat(run.err()).contains(bad.toString()).contains("checksum")
        .doesNotContain("\tat ");
  }

  /**
   * Where entry {@code i}'s hash sits in an indexed-list file (format 5, as its Javadoc and
   * PdqIndex's describe it): the directory (kind, offset, length; big-endian) gives the PDQ
   * section (kind 30); in its data (little-endian) the chunk count at 16, and the hashes after the
   * header padded to 32 bytes.
   */
  private static int pdqHashAt(byte[] file, int i) {
    java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(file);
    int count = b.getInt(12);
    for (int k = 0; k < count; k++) {
      int p = 16 + 20 * k;
      if (b.getInt(p) == 30) {
        int at = (int) b.getLong(p + 4);
        int m = java.nio.ByteBuffer.wrap(file).order(java.nio.ByteOrder.LITTLE_ENDIAN)
            .getInt(at + 16);
        return at + ((24 + 8 * m + 31) & ~31) + 32 * i;
      }
    }
    throw new AssertionError("no PDQ section");
  }

  /** NCMEC XML, StopNCII JSON and STIX bundles are recognised without --list-format. */
  @Test
  void documentListFormatsAreDetected(@TempDir Path dir) throws IOException {
    CliRun hashed = CliRun.of("hash", "--format", "jsonl", "--algorithms", "md5,pdq",
        SAMPLES.resolve("stripes.gif").toString(), SAMPLES.resolve("tiles.png").toString());
    String md5 = JSON.readTree(hashed.outLines().get(0)).get("md5").asString();
    String pdq = JSON.readTree(hashed.outLines().get(1)).get("pdq").asString();
    Path ncmec = Files.writeString(dir.resolve("ncmec.xml"),
        "<?xml version=\"1.0\"?>\n<queryResult xmlns=\"https://hashsharing.ncmec.org/hashsharing/v2\">"
            + "<images><image><id>n1</id><classification>A2</classification><fingerprints><md5>"
            + md5 + "</md5></fingerprints></image><deletedImage><id>n2</id></deletedImage>"
            + "</images></queryResult>\n");
    Path stop = Files.writeString(dir.resolve("stop.json"), "{\"hashRecords\": [{\"signalType\":"
        + " \"ImagePDQ\", \"hashValue\": \"" + pdq + "\", \"hashStatus\": \"Active\"}]}");
    Path stix = Files.writeString(dir.resolve("stix.json"), "{\"type\": \"bundle\", \"objects\":"
        + " [{\"type\": \"indicator\", \"name\": \"x1\", \"pattern_type\": \"stix\","
        + " \"pattern\": \"[file:hashes.MD5 = '" + md5 + "']\"}]}");
    CliRun run = CliRun.of("match", "--list", ncmec.toString(), "--list", stop.toString(),
        "--list", stix.toString(), "--format", "jsonl", SAMPLES.resolve("stripes.gif").toString(),
        SAMPLES.resolve("tiles.png").toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).contains("ncmec.xml: 1 withdrawn records left out");
    JsonNode stripes = JSON.readTree(run.outLines().get(0));
    JsonNode tiles = JSON.readTree(run.outLines().get(1));
    List<String> stripeLists = new ArrayList<>();
    stripes.get("matches").forEach(m -> stripeLists.add(m.get("list").asString() + ":"
        + m.get("entry").asString() + ":" + (m.has("label") ? m.get("label").asString() : "-")));
    assertThat(stripeLists).containsExactly("ncmec.xml:n1:A2", "stix.json:x1:-");
    assertThat(tiles.get("matches")).singleElement()
        .satisfies(m -> assertThat(m.get("list").asString()).isEqualTo("stop.json"));
  }

  /** The PDQ hash lists in the repository's own {@code testdata/}. */
  private static Path hashlists() {
    String configured = System.getProperty("hotlinekit.testdata");
    if (configured != null && Files.isDirectory(Path.of(configured, "pdq/hashlists"))) {
      return Path.of(configured, "pdq/hashlists");
    }
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path c = p.resolve("testdata/pdq/hashlists");
      if (Files.isDirectory(c)) {
        return c;
      }
    }
    throw new AssertionError("the repository's testdata/pdq/hashlists was not found");
  }

  /**
   * A list made from what {@code hash --algorithms vpdq} prints: the hashed video is known by its
   * frames (also renamed, also at one frame per second), another video is new with --video and
   * unverified without it, and a list of video hashes goes through --hashes.
   */
  @Test
  void videosMatchByTheirFramesWithVideo(@TempDir Path dir) throws IOException {
    Path testdata = Path.of(System.getProperty("hotlinekit.testdata"));
    Path listed = testdata.resolve("vpdq/videos/pattern-sd-grey-bar.mp4");
    Path other = testdata.resolve("vpdq/videos/doorknob-hd-no-bar.mp4");
    CliRun hashed = CliRun.of("hash", "--format", "jsonl", "--algorithms", "md5,vpdq",
        "--no-progress", listed.toString());
    assertThat(hashed.exitCode()).as(hashed.err()).isZero();
    JsonNode h = JSON.readTree(hashed.outLines().get(0));
    String entry = "{\"id\":\"grey-bar\",\"type\":\"vpdq\",\"hash\":"
        + JSON.writeValueAsString(h.get("vpdq")) + ",\"label\":\"A1\"}";
    Path list = Files.writeString(dir.resolve("videos.jsonl"), entry + "\n");
    Path renamed = Files.copy(listed, dir.resolve("renamed.bin"));

    CliRun run = CliRun.of("match", "--list", list.toString(), "--video", "--no-progress",
        "--format", "jsonl", renamed.toString(), other.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    Map<String, JsonNode> byFile = new HashMap<>();
    for (String line : run.outLines()) {
      JsonNode n = JSON.readTree(line);
      byFile.put(Path.of(n.get("query").asString()).getFileName().toString(), n);
    }
    JsonNode known = byFile.get("renamed.bin");
    assertThat(known.get("status").asString()).isEqualTo("known");
    JsonNode m = known.get("matches").get(0);
    assertThat(m.get("type").asString()).isEqualTo("vpdq");
    assertThat(m.get("entry").asString()).isEqualTo("grey-bar");
    assertThat(m.get("distance").asInt()).isZero();
    assertThat(m.get("queryFramesMatched").asDouble()).isEqualTo(100.0);
    assertThat(m.has("hash")).isFalse();
    assertThat(byFile.get("doorknob-hd-no-bar.mp4").get("status").asString()).isEqualTo("new");

    // One frame a second of the listed video still has 80 % of its frames in the list.
    CliRun sampled = CliRun.of("triage", "--list", list.toString(), "--video", "--fps", "1",
        "--no-progress", "--format", "jsonl", listed.toString());
    assertThat(sampled.exitCode()).as(sampled.err()).isZero();
    assertThat(JSON.readTree(sampled.outLines().get(0)).get("status").asString())
        .isEqualTo("known");

    CliRun without = CliRun.of("triage", "--list", list.toString(), "--no-progress",
        "--format", "jsonl", other.toString());
    assertThat(without.exitCode()).as(without.err()).isEqualTo(3);
    assertThat(JSON.readTree(without.outLines().get(0)).get("status").asString())
        .isEqualTo("unverified");

    CliRun fpsAlone = CliRun.of("match", "--list", list.toString(), "--fps", "1",
        other.toString());
    assertThat(fpsAlone.exitCode()).isEqualTo(2);
    assertThat(fpsAlone.err()).contains("--fps needs --video");

    CliRun queries = CliRun.of("match", "--list", list.toString(), "--hashes", list.toString(),
        "--format", "jsonl");
    assertThat(queries.exitCode()).as(queries.err()).isZero();
    JsonNode q = JSON.readTree(queries.outLines().get(0));
    assertThat(q.get("query").asString()).isEqualTo("grey-bar");
    assertThat(q.get("status").asString()).isEqualTo("known");
  }

  /**
   * A daily delta through the command line: update saves it beside the index (an added entry
   * matches, a withdrawn one no longer does), the same delta again changes nothing, compact
   * folds it in and removes the segment, and every step matches the same.
   */
  @Test
  void indexUpdateAppliesADeltaOnceAndCompactFoldsItIn(@TempDir Path dir) throws IOException {
    String a = "a".repeat(32);
    String b = "b".repeat(32);
    String c = "c".repeat(32);
    Path list = Files.writeString(dir.resolve("own.jsonl"),
        "{\"id\":\"one\",\"type\":\"md5\",\"hash\":\"" + a + "\",\"label\":\"A1\"}\n"
        + "{\"id\":\"two\",\"type\":\"md5\",\"hash\":\"" + b + "\"}\n");
    Path index = dir.resolve("own.hlx");
    assertThat(CliRun.of("index", "build", "--list", list.toString(), "--out", index.toString())
        .exitCode()).isZero();
    Path delta = Files.writeString(dir.resolve("day-1.jsonl"),
        "{\"id\":\"three\",\"type\":\"md5\",\"hash\":\"" + c + "\",\"label\":\"B1\"}\n"
        + "{\"id\":\"one\",\"withdrawn\":true}\n");
    Path queries = Files.writeString(dir.resolve("q.txt"), a + "\n" + b + "\n" + c + "\n");

    CliRun update = CliRun.of("index", "update", index.toString(), "--list", delta.toString(),
        "--list-version", "2026-12-07", "--format", "json");
    assertThat(update.exitCode()).as(update.err()).isZero();
    JsonNode u = JSON.readTree(update.outLines().get(0));
    assertThat(u.get("status").asString()).isEqualTo("applied");
    assertThat(u.get("added").asInt()).isEqualTo(1);
    assertThat(u.get("withdrawn").asInt()).isEqualTo(1);
    assertThat(u.get("listVersion").asString()).isEqualTo("2026-12-07");
    assertThat(dir.resolve("own.hlx.delta")).exists();
    List<String> expected = List.of("new", "known", "known");
    assertThat(statuses(index, queries)).isEqualTo(expected);

    CliRun again = CliRun.of("index", "update", index.toString(), "--list", delta.toString());
    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(again.out()).startsWith("already applied: " + delta);
    assertThat(statuses(index, queries)).isEqualTo(expected);

    CliRun compact = CliRun.of("index", "compact", index.toString());
    assertThat(compact.exitCode()).as(compact.err()).isZero();
    assertThat(dir.resolve("own.hlx.delta")).doesNotExist();
    assertThat(statuses(index, queries)).isEqualTo(expected);
    // The record of the delta is kept in the compacted file.
    assertThat(CliRun.of("index", "update", index.toString(), "--list", delta.toString()).out())
        .startsWith("already applied");
    assertThat(CliRun.of("index", "verify", index.toString()).exitCode()).isZero();
    // A delta with no changes in it is refused.
    Path empty = Files.writeString(dir.resolve("empty.jsonl"), "\n");
    assertThat(CliRun.of("index", "update", index.toString(), "--list", empty.toString(),
        "--list-format", "jsonl").exitCode()).isEqualTo(1);
  }

  private static List<String> statuses(Path index, Path queries) throws IOException {
    CliRun run = CliRun.of("match", "--index", index.toString(), "--hashes", queries.toString(),
        "--hashes-format", "md5", "--format", "jsonl");
    assertThat(run.exitCode()).as(run.err()).isZero();
    List<String> out = new ArrayList<>();
    for (String line : run.outLines()) {
      out.add(JSON.readTree(line).get("status").asString());
    }
    return out;
  }

  /**
   * Flood protection and disputed entries on the command line: an entry matched by most queries
   * is quarantined, reported on stderr and in the state file, and its later matches are listed
   * as suppressed, not known; a disputed entry never makes a query known; a second run starts
   * from the state file.
   */
  @Test
  void aFloodingEntryIsQuarantinedAndADisputedOneSuppressed(@TempDir Path dir)
      throws IOException {
    String logo = "1".repeat(32);
    String other = "2".repeat(32);
    Path list = Files.writeString(dir.resolve("own.jsonl"),
        "{\"id\":\"logo\",\"type\":\"md5\",\"hash\":\"" + logo + "\"}\n"
        + "{\"id\":\"other\",\"type\":\"md5\",\"hash\":\"" + other + "\"}\n");
    StringBuilder q = new StringBuilder();
    for (int i = 0; i < 40; i++) {
      q.append(i % 4 == 3 ? other : i % 4 == 2 ? String.format("%032x", i) : logo).append('\n');
    }
    Path queries = Files.writeString(dir.resolve("q.txt"), q.toString());
    Path state = dir.resolve("flood.jsonl");
    String[] flood = {"--quarantine", state.toString(), "--flood-share", "0.3",
        "--flood-window", "20", "--flood-min", "10"};
    List<String> args = new ArrayList<>(List.of("match", "--list", list.toString(), "--hashes",
        queries.toString(), "--hashes-format", "md5", "--format", "jsonl"));
    args.addAll(List.of(flood));
    CliRun run = CliRun.of(args.toArray(String[]::new));
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).contains("quarantined own.jsonl:logo: matched");
    List<JsonNode> lines = new ArrayList<>();
    for (String line : run.outLines()) {
      lines.add(JSON.readTree(line));
    }
    // Queries 0..9 are counted before anything is held back; query 10 is decided, then trips it.
    assertThat(lines.get(0).get("status").asString()).isEqualTo("known");
    JsonNode held = lines.get(12);
    assertThat(held.get("status").asString()).isEqualTo("new");
    assertThat(held.get("suppressed").get(0).get("entry").asString()).isEqualTo("logo");
    assertThat(held.get("suppressed").get(0).get("reason").asString())
        .startsWith("quarantined since");
    assertThat(lines.get(15).get("status").asString()).isEqualTo("known"); // "other"
    assertThat(Files.readString(state)).contains("\"entry\":\"logo\"")
        .contains("\"state\":\"quarantined\"");

    // A second run holds it back from the first query; a disputed entry is suppressed too.
    Path disputed = Files.writeString(dir.resolve("disputed.jsonl"),
        "{\"list\":\"own.jsonl\",\"entry\":\"other\",\"reason\":\"not what it says\"}\n");
    args.addAll(List.of("--disputed", disputed.toString()));
    CliRun second = CliRun.of(args.toArray(String[]::new));
    assertThat(second.exitCode()).as(second.err()).isZero();
    JsonNode first = JSON.readTree(second.outLines().get(0));
    assertThat(first.get("status").asString()).isEqualTo("new");
    assertThat(first.get("suppressed").get(0).get("entry").asString()).isEqualTo("logo");
    JsonNode d = JSON.readTree(second.outLines().get(3));
    assertThat(d.get("status").asString()).isEqualTo("new");
    assertThat(d.get("suppressed").get(0).get("reason").asString())
        .isEqualTo("disputed: not what it says");
    // Text output says it in the reason column.
    List<String> text = new ArrayList<>(List.of("match", "--list", list.toString(), "--hashes",
        queries.toString(), "--hashes-format", "md5", "--disputed", disputed.toString()));
    CliRun tsv = CliRun.of(text.toArray(String[]::new));
    assertThat(tsv.outLines().get(4)).endsWith(
        "suppressed own.jsonl:other (disputed: not what it says)");
  }
}
