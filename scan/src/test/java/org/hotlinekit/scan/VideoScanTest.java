package org.hotlinekit.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hotlinekit.core.hash.HashType;
import org.hotlinekit.hashing.list.HashList;
import org.hotlinekit.hashing.list.HashListEntry;
import org.hotlinekit.hashing.match.Triage;
import org.hotlinekit.hashing.video.VideoHasher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scan with video hashing: a listed video is known by its frames (and labelled, with a basis
 * that names no signal the exchange format lacks), another is new; without it both stay
 * unverified.
 */
class VideoScanTest {
  @Test
  void videosAreDecidedByTheirFramesWithVideoHashing(@TempDir Path dir) throws Exception {
    Path videos = Path.of(System.getProperty("hotlinekit.testdata")).resolve("vpdq/videos");
    Path folder = Files.createDirectories(dir.resolve("seized"));
    Files.copy(videos.resolve("pattern-sd-grey-bar.mp4"), folder.resolve("clip.bin"));
    Files.copy(videos.resolve("doorknob-hd-no-bar.mp4"), folder.resolve("other.mp4"));
    VideoHasher hasher = VideoHasher.builder().secondsPerHash(1).build();
    HashList list = new HashList("videos.jsonl", "test", List.of(HashListEntry.builder("v1",
        hasher.hash(videos.resolve("pattern-sd-grey-bar.mp4")).toValue()).label("A1").build()));
    Clock clock = Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC);

    ScanResult with = Scan.builder().list(list, "tc-ics").clock(clock).video(hasher).build()
        .run(List.of(folder));
    Map<String, ScanItem> byName = new HashMap<>();
    with.items().forEach(it -> byName.put(it.name(), it));
    ScanItem known = byName.get("seized/clip.bin");
    assertThat(known.status()).isEqualTo(Triage.Status.KNOWN);
    assertThat(known.outcome().matches().get(0).type()).isSameAs(HashType.VPDQ);
    assertThat(known.labels()).hasSize(1);
    assertThat(Flow.mediaType(known)).isEqualTo(org.hotlinekit.iccam.model.MediaType.VIDEO);
    assertThat(byName.get("seized/other.mp4").status()).isEqualTo(Triage.Status.NEW);
    // The report (with its vPDQ-based label) is valid for every reader of the format.
    Path out = dir.resolve("out");
    with.writeTo(out);
    assertThat(org.hotlinekit.iccam.json.ReportJson.strict()
        .read(Files.readAllBytes(out.resolve("report.json")), "report").document().reports())
        .hasSize(1);

    ScanResult without = Scan.builder().list(list, "tc-ics").clock(clock).build()
        .run(List.of(folder));
    assertThat(without.count(Triage.Status.UNVERIFIED)).isEqualTo(2);
  }
}
