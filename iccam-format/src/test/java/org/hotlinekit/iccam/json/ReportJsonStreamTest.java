package org.hotlinekit.iccam.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import org.hotlinekit.core.HotlinekitException;
import org.hotlinekit.core.LimitExceededException;
import org.hotlinekit.iccam.testing.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reading a document as a stream ({@link ReportJson#check}, {@link ReportJson#copyCompact})
 * against reading it whole ({@link ReportJson#read(byte[], String)}, the oracle): the same
 * documents accepted with the same content, the same refused with the same exception and
 * problems, on the samples and on seeded mutations of them.
 */
class ReportJsonStreamTest {
  private static final PacketInfo HEADER = new PacketInfo(
      UUID.fromString("6f1e0c2a-3b4d-4e5f-8a9b-0c1d2e3f4a5b"), Instant.parse("2026-12-01T10:00:00Z"),
      "BE-example-hotline", List.of("ab".repeat(32)));

  static Stream<byte[]> samples() {
    byte[] rich = Samples.reportBytes();
    ReportJson json = ReportJson.strict();
    ReportDocument doc = json.read(rich, "sample").document();
    return Stream.of(rich, json.writeCompact(doc), json.write(doc.withPacket(HEADER)));
  }

  @ParameterizedTest
  @MethodSource("samples")
  void aValidDocumentStreamsAsItReads(byte[] text) {
    for (ReportJson json : List.of(ReportJson.strict(),
        ReportJson.builder().ignoreUnknownFields().build())) {
      ReportJson.Result whole = json.read(text, "t.json");
      ReportJson.Summary s = json.check(new ByteArrayInputStream(text), "t.json");
      assertThat(s.reports()).isEqualTo(whole.document().reports().size());
      assertThat(s.packet()).isEqualTo(whole.document().packet());
      assertThat(s.ignored()).isEqualTo(whole.ignored());

      ByteArrayOutputStream out = new ByteArrayOutputStream();
      json.copyCompact(new ByteArrayInputStream(text), "t.json", HEADER, out);
      assertThat(out.toByteArray()).isEqualTo(json.writeCompact(
          whole.document().withPacket(HEADER)));
    }
  }

  /** Seeded mutations of every sample: streamed and whole reads agree on each. */
  @ParameterizedTest
  @MethodSource("seeds")
  void mutatedDocumentsAreJudgedAlike(long seed) {
    Random random = new Random(seed);
    List<byte[]> all = samples().toList();
    int refused = 0;
    for (int i = 0; i < 300; i++) {
      byte[] text = mutate(all.get(random.nextInt(all.size())), random);
      if (!sameVerdict(ReportJson.strict(), text)) {
        throw new AssertionError("seed " + seed + " mutation " + i + " judged differently:\n"
            + new String(text, StandardCharsets.UTF_8));
      }
      refused += refusedWhole(text) ? 1 : 0;
    }
    assertThat(refused).as("the mutations reach refusals").isGreaterThan(30);
  }

  static Stream<Long> seeds() {
    return Stream.of(1L, 2L, 3L, 4L);
  }

  /**
   * Problems of the document's own members are listed before the reports' problems, as a whole
   * read lists them, even when the members come after the reports; a duplicate reference names
   * the first report's line.
   */
  @Test
  void problemsAreListedInTheWholeReadsOrder() {
    String sample = new String(Samples.reportBytes(), StandardCharsets.UTF_8);
    String broken = sample
        .replaceFirst("\"receivedAt\": \"2026-10-05T08:15:00Z\"", "\"receivedAt\": 5")
        .replace("BE-2026-000125", "BE-2026-000124");
    String last = broken.substring(0, broken.lastIndexOf('}'))
        + ", \"extra\": 1, \"packet\": {\"packetId\": 7}}";
    for (String text : List.of(broken.replace("\"crit\": [],", "\"crit\": [], \"other\": 2,"),
        last)) {
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      ReportFormatException whole = org.assertj.core.api.Assertions.catchThrowableOfType(
          ReportFormatException.class, () -> ReportJson.strict().read(bytes, "t.json"));
      assertThat(whole.problems()).hasSizeGreaterThanOrEqualTo(3);
      assertThat(whole.problems().toString()).contains("reference\": the report at line 332");
      assertThat(sameVerdict(ReportJson.strict(), bytes)).as(text).isTrue();
    }
  }

  @Test
  void overTheLimitIsRefusedAsAWholeReadRefusesIt() {
    byte[] text = Samples.reportBytes();
    ReportJson small = ReportJson.builder().maxBytes(text.length - 1).build();
    assertThatThrownBy(() -> small.read(text, "t.json")).isInstanceOf(
        LimitExceededException.class);
    assertThatThrownBy(() -> small.check(new ByteArrayInputStream(text), "t.json"))
        .isInstanceOf(LimitExceededException.class);
    ReportJson exact = ReportJson.builder().maxBytes(text.length).build();
    assertThat(exact.check(new ByteArrayInputStream(text), "t.json").reports()).isEqualTo(3);
  }

  /** UTF-8 checked across reads of any length: a character split by the reads still passes. */
  @Test
  void charactersSplitBetweenReadsAreUtf8() {
    String sample = new String(Samples.reportBytes(), StandardCharsets.UTF_8);
    String text = sample.replace("Invented", "Invent\u00e9d \u20ac \ud83d\ude00");
    assertThat(text).isNotEqualTo(sample);
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    for (int step = 1; step <= 5; step++) {
      int n = step;
      InputStream trickle = new ByteArrayInputStream(bytes) {
        @Override
        public synchronized int read(byte[] b, int off, int len) {
          return super.read(b, off, Math.min(len, n));
        }
      };
      assertThat(ReportJson.strict().check(trickle, "t.json").reports()).isEqualTo(3);
    }
    byte[] cut = java.util.Arrays.copyOf(bytes, bytes.length);
    int euro = text.indexOf('\u20ac');
    int at = text.substring(0, euro).getBytes(StandardCharsets.UTF_8).length;
    cut[at + 2] = 'x'; // the euro sign's last byte
    assertThat(sameVerdict(ReportJson.strict(), cut)).isTrue();
    assertThatThrownBy(() -> ReportJson.strict().check(new ByteArrayInputStream(cut), "t.json"))
        .hasMessage("t.json:1:1: not UTF-8 text");
  }

  @Test
  void aFileIsCheckedWithoutHoldingIt(@TempDir Path dir) throws Exception {
    Path file = Files.write(dir.resolve("r.json"), Samples.reportBytes());
    assertThat(ReportJson.strict().check(file).reports()).isEqualTo(3);
    assertThatThrownBy(() -> ReportJson.strict().check(dir.resolve("missing.json")))
        .isInstanceOf(org.hotlinekit.core.InputReadException.class);
    assertThatThrownBy(() -> ReportJson.strict().check(dir.resolve("missing.json"), r -> { }))
        .isInstanceOf(org.hotlinekit.core.InputReadException.class);
  }

  /** The reports handed on by {@code check(Path, Consumer)} are the whole read's, in order. */
  @ParameterizedTest
  @MethodSource("samples")
  void eachReportIsHandedOnAsTheWholeReadHasIt(byte[] text, @TempDir Path dir) throws Exception {
    Path file = Files.write(dir.resolve("r.json"), text);
    List<org.hotlinekit.iccam.model.Report> handed = new ArrayList<>();
    ReportJson.Summary s = ReportJson.strict().check(file, handed::add);
    assertThat(handed).isEqualTo(ReportJson.strict().read(file).document().reports());
    assertThat(s.reports()).isEqualTo(handed.size());
  }

  private static boolean refusedWhole(byte[] text) {
    try {
      ReportJson.strict().read(text, "t.json");
      return false;
    } catch (HotlinekitException e) {
      return true;
    }
  }

  /** Whether the streamed read gives what the whole read gives (both verdict and content). */
  static boolean sameVerdict(ReportJson json, byte[] text) {
    Object whole;
    try {
      ReportJson.Result r = json.read(text, "t.json");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.writeBytes(json.writeCompact(r.document().withPacket(HEADER)));
      whole = List.of(r.document().reports().size(), r.document().packet(), r.ignored(),
          List.of(out.toByteArray().length, new String(out.toByteArray(),
              StandardCharsets.UTF_8)));
    } catch (HotlinekitException e) {
      whole = verdict(e);
    }
    Object streamed;
    try {
      ReportJson.Summary s = json.check(new ByteArrayInputStream(text), "t.json");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      json.copyCompact(new ByteArrayInputStream(text), "t.json", HEADER, out);
      streamed = List.of(s.reports(), s.packet(), s.ignored(), List.of(out.size(),
          out.toString(StandardCharsets.UTF_8)));
    } catch (HotlinekitException e) {
      streamed = verdict(e);
    }
    return whole.equals(streamed);
  }

  private static Object verdict(HotlinekitException e) {
    if (e instanceof ReportFormatException) {
      return List.of(e.getClass(), ((ReportFormatException) e).problems());
    }
    return List.of(e.getClass(), String.valueOf(e.getMessage()).replaceAll("\\d+", "N"));
  }

  static byte[] mutate(byte[] text, Random random) {
    byte[] t = text.clone();
    switch (random.nextInt(6)) {
      case 0: // cut
        return java.util.Arrays.copyOf(t, random.nextInt(t.length));
      case 1: // a byte changed
        t[random.nextInt(t.length)] = (byte) "\"{}[],:0a \\".charAt(random.nextInt(11));
        return t;
      case 2: { // a span removed
        int from = random.nextInt(t.length);
        int to = Math.min(t.length, from + random.nextInt(200));
        byte[] out = new byte[t.length - (to - from)];
        System.arraycopy(t, 0, out, 0, from);
        System.arraycopy(t, to, out, from, t.length - to);
        return out;
      }
      case 3: { // a span repeated
        int from = random.nextInt(t.length);
        int to = Math.min(t.length, from + random.nextInt(400));
        byte[] out = new byte[t.length + (to - from)];
        System.arraycopy(t, 0, out, 0, to);
        System.arraycopy(t, from, out, to, t.length - from);
        return out;
      }
      case 4: // a high byte
        t[random.nextInt(t.length)] = (byte) (0x80 + random.nextInt(128));
        return t;
      default: { // a value's text swapped for another's
        String s = new String(t, StandardCharsets.UTF_8);
        List<String> words = new ArrayList<>(List.of("\"BE-1\"", "null", "1", "\"x\"", "[]",
            "{}", "\"format\"", "\"reports\"", "\"packet\"", "true", "\"reference\""));
        String w = words.get(random.nextInt(words.size()));
        int at = s.indexOf('"', random.nextInt(s.length()));
        if (at < 0) {
          return t;
        }
        int end = s.indexOf('"', at + 1);
        return (s.substring(0, at) + w + s.substring(end < 0 ? at : end + 1))
            .getBytes(StandardCharsets.UTF_8);
      }
    }
  }

}
