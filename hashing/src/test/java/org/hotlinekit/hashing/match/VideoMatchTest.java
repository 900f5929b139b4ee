package org.hotlinekit.hashing.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.hotlinekit.core.MalformedInputException;
import org.hotlinekit.core.digest.DigestAlgorithm;
import org.hotlinekit.core.hash.HashType;
import org.hotlinekit.core.hash.HashValue;
import org.hotlinekit.hashing.list.HashList;
import org.hotlinekit.hashing.list.HashListEntry;
import org.hotlinekit.hashing.list.HashListFormat;
import org.hotlinekit.hashing.media.PdqNotComputed;
import org.hotlinekit.hashing.testing.TestData;
import org.hotlinekit.hashing.video.VideoHasher;
import org.hotlinekit.hashing.video.VpdqHash;
import org.hotlinekit.hashing.video.VpdqMatcher;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * vPDQ entries in hash lists, index files, the matcher and triage: the matcher finds exactly the
 * listed videos that comparing with every one finds (upstream's sample hashes), lists keep vPDQ
 * entries through every format that has them, and triage decides videos by vPDQ.
 */
class VideoMatchTest {
  static final List<String> names = new ArrayList<>();
  static final List<VpdqHash> samples = new ArrayList<>();

  @BeforeAll
  static void read() throws Exception {
    try (var files = Files.list(TestData.resolve("vpdq/expected/upstream-sample-hashes"))) {
      for (Path f : files.sorted().toList()) {
        names.add(f.getFileName().toString().replace(".txt", ""));
        samples.add(VpdqHash.parseReferenceText(Files.readString(f), f.toString()));
      }
    }
  }

  static HashList list(List<Integer> which) {
    List<HashListEntry> entries = new ArrayList<>();
    for (int i : which) {
      entries.add(HashListEntry.builder(names.get(i), samples.get(i).toValue())
          .label("A1").build());
    }
    return new HashList("videos", "test", entries);
  }

  /** The entries a format reads from a text, which must reject exactly so many records. */
  static List<HashListEntry> read(HashListFormat f, String text, int rejected) {
    List<HashListEntry> out = new ArrayList<>();
    var report = f.read(new java.io.BufferedReader(new StringReader(text)), "test", false,
        out::add);
    assertThat(report.rejected()).as(report.toString()).isEqualTo(rejected);
    return out;
  }

  static List<Integer> all() {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < samples.size(); i++) {
      out.add(i);
    }
    return out;
  }

  /** What comparing the query with every listed video decides: the matching entries' ids. */
  static Set<String> oracle(VpdqHash q, VpdqMatcher rules) {
    Set<String> out = new TreeSet<>();
    for (int i = 0; i < samples.size(); i++) {
      if (rules.compare(q, samples.get(i)).matches()) {
        out.add(names.get(i));
      }
    }
    return out;
  }

  static Set<String> ids(Matcher.Result r) {
    Set<String> out = new TreeSet<>();
    r.matches().forEach(m -> out.add(m.entry().id()));
    return out;
  }

  @Test
  void aValueKeepsEveryFrame() {
    for (VpdqHash h : samples) {
      HashValue v = h.toValue();
      assertThat(v.type()).isSameAs(HashType.VPDQ);
      assertThat(VpdqHash.of(v)).isEqualTo(h);
      assertThat(HashValue.parse(HashType.VPDQ, v.toString())).isEqualTo(v);
    }
  }

  @Test
  void malformedValuesAreRefused() {
    byte[] good = samples.get(0).toValue().toByteArray();
    assertThatThrownBy(() -> HashValue.of(HashType.VPDQ, new byte[0]))
        .isInstanceOf(MalformedInputException.class);
    assertThatThrownBy(() -> HashValue.of(HashType.VPDQ, java.util.Arrays.copyOf(good, 44)))
        .isInstanceOf(MalformedInputException.class);
    byte[] quality = good.clone();
    quality[4] = 101;
    assertThatThrownBy(() -> HashValue.of(HashType.VPDQ, quality))
        .hasMessageContaining("quality 101");
    byte[] twice = new byte[90];
    System.arraycopy(good, 0, twice, 0, 45);
    System.arraycopy(good, 0, twice, 45, 45);
    assertThatThrownBy(() -> HashValue.of(HashType.VPDQ, twice))
        .hasMessageContaining("must increase");
    byte[] time = good.clone();
    java.nio.ByteBuffer.wrap(time).putDouble(37, Double.NaN);
    assertThatThrownBy(() -> HashValue.of(HashType.VPDQ, time))
        .hasMessageContaining("timestamp");
  }

  @Test
  void theMatcherFindsWhatComparingWithEveryVideoFinds() {
    for (VpdqMatcher rules : List.of(VpdqMatcher.create(), VpdqMatcher.builder()
        .strictlyBelow(31).deduplicate(false).build(), VpdqMatcher.builder()
        .queryMatchPercent(50).targetMatchPercent(50).build())) {
      Matcher m = Matcher.builder().list(list(all())).videoRules(rules).build();
      int pairs = 0;
      for (VpdqHash q : samples) {
        Matcher.Result r = m.match(q.toValue());
        assertThat(ids(r)).isEqualTo(oracle(q, rules));
        for (Match x : r.matches()) {
          assertThat(x.type()).isSameAs(HashType.VPDQ);
          VpdqMatcher.Result shares = x.video().orElseThrow();
          assertThat(shares.matches()).isTrue();
          assertThat(x.distance()).isEqualTo(
              (int) Math.ceil(100 - shares.queryMatchPercent() - 1e-9));
        }
        pairs += r.matches().size();
      }
      // Each video matches itself at least; the samples hold near copies too.
      assertThat(pairs).isGreaterThan(samples.size());
    }
  }

  @Test
  void anIndexFileMatchesAsTheListItWasBuiltFrom(@TempDir Path dir) {
    // Half the videos listed, beside a digest, so that the file holds two kinds.
    List<Integer> some = new ArrayList<>();
    for (int i = 0; i < samples.size(); i += 2) {
      some.add(i);
    }
    List<HashListEntry> entries = new ArrayList<>(list(some).entries());
    entries.add(HashListEntry.builder("md5-entry", HashValue.parse(HashType.MD5,
        "0123456789abcdef0123456789abcdef")).build());
    HashList l = new HashList("videos", "test", entries);
    Path file = dir.resolve("videos.hlx");
    IndexedList.of(l).writeTo(file);
    IndexedList opened = IndexedList.read(file);
    opened.checkAll();
    assertThat(opened.list().entries()).isEqualTo(entries);
    Matcher built = Matcher.builder().list(l).build();
    Matcher read = Matcher.builder().list(opened).build();
    for (VpdqHash q : samples) {
      assertThat(read.match(q.toValue()).matches())
          .isEqualTo(built.match(q.toValue()).matches());
    }
  }

  /**
   * The video index a file keeps (format 7, sections 50 and 51): cut at each of their bounds,
   * refused on opening; a byte flipped at their start, middle and end (and in the frame table's
   * blocks), refused on opening, or by the match that reads it, and in any case by checkAll(),
   * never a wrong answer; an opened list answers as the list built in memory.
   */
  @Test
  void anIndexFilesVideoSectionsAreChecked(@TempDir Path dir) throws Exception {
    HashList l = list(all());
    Path file = dir.resolve("videos.hlx");
    IndexedList.of(l).writeTo(file);
    byte[] good = Files.readAllBytes(file);
    java.nio.ByteBuffer head = java.nio.ByteBuffer.wrap(good);
    assertThat(head.getInt(8)).isEqualTo(7);
    List<long[]> video = new ArrayList<>();
    for (int i = 0; i < head.getInt(12); i++) {
      int p = 16 + 20 * i;
      if (head.getInt(p) == 50 || head.getInt(p) == 51) {
        video.add(new long[] {head.getInt(p), head.getLong(p + 4), head.getLong(p + 12)});
      }
    }
    assertThat(video).extracting(s -> (int) s[0]).containsExactly(50, 51);
    Matcher intact = Matcher.builder().list(l).build();
    Path bad = dir.resolve("bad.hlx");
    java.util.Random r = new java.util.Random(14);
    for (long[] s : video) {
      for (long cut : new long[] {s[1], s[1] + s[2] / 2, s[1] + s[2] - 1}) {
        Files.write(bad, java.util.Arrays.copyOf(good, (int) cut));
        assertThatThrownBy(() -> IndexedList.read(bad)).as("section %d cut at %d", s[0], cut)
            .isInstanceOf(MalformedInputException.class);
      }
      List<Long> places = new ArrayList<>(List.of(s[1], s[1] + s[2] / 2, s[1] + s[2] - 1));
      for (int k = 0; k < 12; k++) {
        places.add(s[1] + (long) (r.nextDouble() * s[2]));
      }
      for (long at : places) {
        byte[] flipped = good.clone();
        flipped[(int) at] ^= 0x10;
        Files.write(bad, flipped);
        IndexedList opened;
        try {
          opened = IndexedList.read(bad);
        } catch (MalformedInputException refused) {
          continue;
        }
        Matcher m = Matcher.builder().list(opened).build();
        for (VpdqHash q : samples) {
          try {
            assertThat(m.match(q.toValue()).matches()).as("section %d flipped at %d", s[0], at)
                .isEqualTo(intact.match(q.toValue()).matches());
          } catch (MalformedInputException refused) {
            // Refused by the query that read the bad block.
          }
        }
        assertThatThrownBy(opened::checkAll).as("section %d flipped at %d", s[0], at)
            .isInstanceOf(MalformedInputException.class);
      }
    }
    Matcher opened = Matcher.builder().list(IndexedList.read(file)).build();
    // Written again from the opened file (its video index mapped), and read back.
    Path again = dir.resolve("again.hlx");
    IndexedList.read(file).writeTo(again);
    Matcher reread = Matcher.builder().list(IndexedList.read(again)).build();
    for (VpdqHash q : samples) {
      assertThat(opened.match(q.toValue()).matches())
          .isEqualTo(intact.match(q.toValue()).matches()).isNotEmpty();
      assertThat(reread.match(q.toValue()).matches())
          .isEqualTo(intact.match(q.toValue()).matches());
    }
  }

  /**
   * A file of format 6 (the fuzz seed vpdq-v6.hlx, written before the video index was kept: two
   * sample videos cut to 12 frames, and an MD5) is still read: its videos decoded and indexed on
   * opening, matching as the same list built in memory.
   */
  @Test
  void aVersion6FilesVideosAreIndexedOnOpening(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("v6.hlx");
    try (var in = VideoMatchTest.class.getResourceAsStream(
        "IndexedListFuzzTestInputs/read/vpdq-v6.hlx")) {
      Files.write(file, in.readAllBytes());
    }
    assertThat(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)).getInt(8)).isEqualTo(6);
    List<HashListEntry> entries = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      entries.add(HashListEntry.builder(names.get(i) + ".txt", VpdqHash.of(samples.get(i)
          .features().subList(0, 12)).toValue()).label("A1").build());
    }
    entries.add(HashListEntry.builder("md5", HashValue.parse(HashType.MD5,
        "d41d8cd98f00b204e9800998ecf8427e")).build());
    IndexedList opened = IndexedList.read(file);
    opened.checkAll();
    assertThat(opened.list().entries()).isEqualTo(entries);
    Matcher built = Matcher.builder().list(new HashList("videos", "videos.jsonl", entries))
        .build();
    Matcher read = Matcher.builder().list(opened).build();
    int found = 0;
    for (HashListEntry e : entries.subList(0, 2)) {
      assertThat(read.match(e.hash()).matches()).isEqualTo(built.match(e.hash()).matches());
      found += read.match(e.hash()).matches().size();
    }
    assertThat(found).isGreaterThanOrEqualTo(2);
  }

  @Test
  void jsonLinesAndThreatExchangeFormatsKeepVideoEntries() {
    HashList l = list(all());
    for (HashListFormat f : List.of(HashListFormat.jsonLines(),
        HashListFormat.pythonThreatExchangeCsv(), HashListFormat.named("te"))) {
      StringWriter out = new StringWriter();
      f.write(l.entries(), out);
      HashList back = new HashList("videos", "test", read(f, out.toString(), 0));
      assertThat(back.entries()).hasSize(l.entries().size());
      for (int i = 0; i < l.entries().size(); i++) {
        VpdqHash got = VpdqHash.of(back.entries().get(i).hash());
        VpdqHash want = samples.get(i);
        // python-threatexchange's signal has no frame numbers and 3 decimals of time.
        assertThat(got.features()).hasSameSizeAs(want.features());
        for (int k = 0; k < want.features().size(); k++) {
          assertThat(got.features().get(k).hash()).isEqualTo(want.features().get(k).hash());
          assertThat(got.features().get(k).quality())
              .isEqualTo(want.features().get(k).quality());
        }
      }
      if (f.name().equals("jsonl")) {
        assertThat(back.entries()).isEqualTo(l.entries());
      } else {
        assertThat(back.entries().get(0).id()).startsWith("vpdq-sha256:");
      }
    }
  }

  @Test
  void aJsonLinesVideoEntryIsTheHashCommandsFrames() {
    String line = "{\"id\":\"v1\",\"type\":\"vpdq\",\"hash\":[{\"frame\":0,\"quality\":100,"
        + "\"pdq\":\"" + "ab".repeat(32) + "\",\"timestamp\":0.0},{\"frame\":3,\"quality\":"
        + "49,\"pdq\":\"" + "cd".repeat(32) + "\",\"timestamp\":0.1}],\"label\":\"A1\"}";
    HashList l = new HashList("v", "t", read(HashListFormat.jsonLines(), line, 0));
    VpdqHash h = VpdqHash.of(l.entries().get(0).hash());
    assertThat(h.features()).hasSize(2);
    assertThat(h.features().get(1).frame()).isEqualTo(3);
    assertThat(h.features().get(1).quality()).isEqualTo(49);
    for (String bad : List.of("\"hash\":[]", "\"hash\":\"abcd\"",
        "\"hash\":[{\"frame\":0,\"quality\":100,\"pdq\":\"zz\",\"timestamp\":0}]",
        "\"hash\":[{\"frame\":0,\"quality\":100,\"timestamp\":0}]",
        "\"hash\":[{\"frame\":1,\"quality\":100,\"pdq\":\"" + "ab".repeat(32)
            + "\",\"timestamp\":0},{\"frame\":0,\"quality\":100,\"pdq\":\"" + "ab".repeat(32)
            + "\",\"timestamp\":0}]")) {
      String text = "{\"id\":\"v\",\"type\":\"vpdq\"," + bad + "}";
      assertThat(read(HashListFormat.jsonLines(), text, 1)).as(bad).isEmpty();
    }
  }

  @Test
  void triageDecidesVideosByTheirFrames(@TempDir Path dir) throws Exception {
    Path videos = TestData.resolve("vpdq/videos");
    Path listed = videos.resolve("pattern-sd-grey-bar.mp4");
    Path other = videos.resolve("doorknob-hd-no-bar.mp4");
    VideoHasher hasher = VideoHasher.builder().secondsPerHash(1).build();
    HashList l = new HashList("videos", "test", List.of(HashListEntry.builder("listed",
        hasher.hash(listed).toValue()).label("A1").build()));
    Triage withVideo = Triage.builder().list(l).digests(List.of(DigestAlgorithm.MD5))
        .pdq(true).video(hasher).build();
    Triage.Outcome known = withVideo.triage(listed);
    assertThat(known.status()).isEqualTo(Triage.Status.KNOWN);
    assertThat(known.matches()).extracting(Match::type).containsExactly(HashType.VPDQ);
    assertThat(known.matches().get(0).distance()).isZero();
    // A renamed copy is known by content, not by its name.
    Path renamed = dir.resolve("copy.bin");
    Files.copy(listed, renamed);
    assertThat(withVideo.triage(renamed).status()).isEqualTo(Triage.Status.KNOWN);
    Triage.Outcome fresh = withVideo.triage(other);
    assertThat(fresh.status()).isEqualTo(Triage.Status.NEW);
    assertThat(fresh.hashes().orElseThrow().vpdq()).isPresent();
    assertThat(fresh.hashes().orElseThrow().digests().get(DigestAlgorithm.MD5)).isPresent();
    // Without video hashing a video is never new: its perceptual hash was not computed.
    Triage digestsOnly = Triage.builder().list(l).digests(List.of(DigestAlgorithm.MD5))
        .pdq(true).build();
    assertThat(digestsOnly.triage(other).status()).isEqualTo(Triage.Status.UNVERIFIED);
    // A truncated video keeps its digests and says why its frames are missing.
    byte[] bytes = Files.readAllBytes(other);
    Path cut = dir.resolve("cut.mp4");
    Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length / 3));
    Triage.Outcome truncated = withVideo.triage(cut);
    assertThat(truncated.status()).isEqualTo(Triage.Status.UNVERIFIED);
    assertThat(truncated.hashes().orElseThrow().pdqNotComputed().orElseThrow().kind())
        .isEqualTo(PdqNotComputed.Kind.VIDEO_NOT_HASHED);
    assertThat(truncated.hashes().orElseThrow().digests().get(DigestAlgorithm.MD5)).isPresent();
    // A video read as a stream (an archive entry): its digests, and why vPDQ is missing.
    try (var in = Files.newInputStream(listed)) {
      Triage.Outcome streamed = withVideo.triage(Path.of("case.zip!/clip.mp4"), in);
      assertThat(streamed.status()).isEqualTo(Triage.Status.UNVERIFIED);
      assertThat(streamed.hashes().orElseThrow().pdqNotComputed().orElseThrow().kind())
          .isEqualTo(PdqNotComputed.Kind.VIDEO_NOT_HASHED);
      assertThat(streamed.hashes().orElseThrow().digests().get(DigestAlgorithm.MD5))
          .isEqualTo(known.hashes().orElseThrow().digests().get(DigestAlgorithm.MD5));
    }
  }
}
