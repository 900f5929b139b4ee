package org.hotlinekit.hashing.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.hotlinekit.core.MalformedInputException;
import org.hotlinekit.hashing.testing.TestData;
import org.junit.jupiter.api.Test;

/** The reference text form and python-threatexchange's signal form, read and written. */
class VpdqHashTest {
  @Test
  void theReferenceFilesRoundTripByteForByte() throws Exception {
    try (var files = Files.list(TestData.resolve("vpdq/expected/ffmpeg5.1-native"))) {
      for (Path f : files.toList()) {
        String text = Files.readString(f);
        VpdqHash h = VpdqHash.parseReferenceText(text, f.toString());
        assertThat(h.toReferenceText()).as(f.toString()).isEqualTo(text);
        assertThat(h.features()).isNotEmpty();
      }
    }
  }

  @Test
  void theSignalKeepsHashQualityAndTimestamp() throws Exception {
    Path f = TestData.resolve("vpdq/expected/ffmpeg5.1-native/doorknob-hd-no-bar.txt");
    VpdqHash h = VpdqHash.parseReferenceText(Files.readString(f), "doorknob");
    String signal = h.toSignal();
    assertThat(signal).startsWith("[\"").contains(h.features().get(0).hash() + ",");
    VpdqHash back = VpdqHash.parseSignal(signal, "signal");
    assertThat(back.features()).hasSameSizeAs(h.features());
    for (int i = 0; i < back.features().size(); i++) {
      VpdqFeature a = h.features().get(i);
      VpdqFeature b = back.features().get(i);
      assertThat(b.hash()).isEqualTo(a.hash());
      assertThat(b.quality()).isEqualTo(a.quality());
      assertThat(b.timestamp()).isEqualTo(a.timestamp());
      assertThat(b.frame()).isEqualTo(i); // the signal has no frame numbers
    }
  }

  @Test
  void badLinesAreNamed() {
    String hex = "e271017837246aaccddea259648fb7d62f435c89d9e99b2497763e216c8d055c";
    assertThatThrownBy(() -> VpdqHash.parseReferenceText("0,100," + hex + ",0.000\n1,100,xyz,0.033\n",
        "a.txt")).isInstanceOf(MalformedInputException.class).hasMessageContaining("a.txt: line 2");
    assertThatThrownBy(() -> VpdqHash.parseReferenceText("1,100," + hex + ",0.0\n0,100," + hex
        + ",0.0\n", "b.txt")).isInstanceOf(MalformedInputException.class)
        .hasMessageContaining("line 2").hasMessageContaining("does not follow");
    assertThatThrownBy(() -> VpdqHash.parseReferenceText("0,101," + hex + ",0.0\n", "c.txt"))
        .isInstanceOf(MalformedInputException.class).hasMessageContaining("quality");
    assertThatThrownBy(() -> VpdqHash.parseReferenceText("0,100," + hex + ",NaN\n", "d.txt"))
        .isInstanceOf(MalformedInputException.class).hasMessageContaining("timestamp");
    assertThatThrownBy(() -> VpdqHash.parseSignal("{\"a\": 1}", "s.json"))
        .isInstanceOf(MalformedInputException.class).hasMessageContaining("JSON array");
    assertThatThrownBy(() -> VpdqHash.parseSignal("[\"" + hex + ",100\"]", "t.json"))
        .isInstanceOf(MalformedInputException.class).hasMessageContaining("element 0");
  }
}
