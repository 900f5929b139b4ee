package org.hotlinekit.iccam.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.hotlinekit.core.HotlinekitException;
import org.hotlinekit.iccam.testing.Samples;
import org.junit.jupiter.api.Test;

/**
 * The document writer ({@link ReportJson#write}, {@link ReportJson#writeCompact}) against the
 * tree writer it replaced ({@link TreeWriterOracle}): the same bytes, indented and compact, for
 * the rich sample (facts, labels of every basis, actions, hosting), with and without a packet
 * header, and for every valid document among seeded mutations of it.
 */
class ReportJsonWriterTest {
  private static final PacketInfo HEADER = new PacketInfo(
      UUID.fromString("6f1e0c2a-3b4d-4e5f-8a9b-0c1d2e3f4a5b"), Instant.parse("2026-12-01T10:00:00Z"),
      "BE-example-hotline", List.of("ab".repeat(32), "cd".repeat(32)));

  @Test
  void theWriterWritesWhatTheTreeWriterWrote() {
    ReportJson json = ReportJson.strict();
    ReportDocument sample = json.read(Samples.reportBytes(), "sample").document();
    same(sample);
    same(sample.withPacket(HEADER));
    Random random = new Random(33);
    String text = new String(Samples.reportBytes(), java.nio.charset.StandardCharsets.UTF_8);
    int valid = 0;
    for (int i = 0; i < 300; i++) {
      ReportDocument doc;
      try {
        doc = json.read(freeTextChanged(text, random).getBytes(
            java.nio.charset.StandardCharsets.UTF_8), "m").document();
      } catch (HotlinekitException refused) {
        continue;
      }
      same(doc);
      same(doc.withPacket(HEADER));
      valid++;
    }
    assertThat(valid).as("variants that stay valid documents").isGreaterThan(250);
  }

  private static final String[] PIECES = {"a", " ", "\\\"", "\\\\", "\\n", "\\t",
      "\\u0001", "\\u2028", "\u00e9", "\u20ac", "\ud83d\ude00", "/", "\\/", "<>&"};

  /** The sample with its free-text values (memos, notes, explanations, ISPs) of odd pieces. */
  private static String freeTextChanged(String text, Random random) {
    StringBuilder out = new StringBuilder();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile(
        "(\"(?:memo|note|explanation|isp)\": \")([^\"]*)\"").matcher(text);
    while (m.find()) {
      StringBuilder value = new StringBuilder("x");
      for (int k = random.nextInt(6); k >= 0; k--) {
        value.append(PIECES[random.nextInt(PIECES.length)]);
      }
      m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(m.group(1) + value
          + "\""));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static void same(ReportDocument doc) {
    ReportJson json = ReportJson.strict();
    assertThat(new String(json.write(doc), java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo(new String(TreeWriterOracle.write(doc),
            java.nio.charset.StandardCharsets.UTF_8));
    assertThat(json.writeCompact(doc)).isEqualTo(TreeWriterOracle.writeCompact(doc));
  }
}
