package org.example.consumer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.hotlinekit.categorisation.Categoriser;
import org.hotlinekit.categorisation.facts.ContentFacts;
import org.hotlinekit.categorisation.facts.ContentOrigin;
import org.hotlinekit.categorisation.facts.Person;
import org.hotlinekit.categorisation.facts.AgeGroup;
import org.hotlinekit.categorisation.facts.SexualContentLevel;
import org.hotlinekit.categorisation.scheme.Derivation;
import org.hotlinekit.core.MalformedInputException;
import org.hotlinekit.core.digest.Digest;
import org.hotlinekit.core.digest.DigestAlgorithm;
import org.hotlinekit.core.pdq.PdqHash;
import org.hotlinekit.hashing.list.HashList;
import org.hotlinekit.hashing.list.HashListEntry;
import org.hotlinekit.hashing.list.HashListFormat;
import org.hotlinekit.core.hash.HashValue;
import org.hotlinekit.hashing.match.Matcher;
import org.hotlinekit.hashing.media.MediaHasher;
import org.hotlinekit.hashing.media.MediaHashes;
import org.hotlinekit.iccam.json.ReportDocument;
import org.hotlinekit.iccam.json.ReportJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's examples in an application whose own Jackson is 2.x: each module that uses Jackson
 * 3 inside (hash lists, profiles, report JSON) must work beside it.
 */
class ReadmeExamplesTest {
  @Test
  void theApplicationReallyRunsOnJackson2() throws Exception {
    assertEquals(System.getProperty("jackson2.version"),
        com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.toString());
    String json = new ObjectMapper().writeValueAsString(Map.of("a", 1));
    assertEquals("{\"a\":1}", json);
  }

  @Test
  void core() {
    Digest md5 = Digest.parse(DigestAlgorithm.MD5, "d41d8cd98f00b204e9800998ecf8427e");
    assertEquals(DigestAlgorithm.MD5, md5.algorithm());
    PdqHash a = PdqHash.parse("d8f8f0cee0f4a84f0637022a078f67f0b36e2ed596621e1d33e6339c4e9c9b22");
    PdqHash b = PdqHash.parse("d8f8f0cee0f4a84f0637022a038f67f0b36e2ed596631e1d33e6339c4e9c9b22");
    assertTrue(a.hammingDistance(b) <= PdqHash.RECOMMENDED_MATCH_DISTANCE);
    assertThrows(MalformedInputException.class, () -> PdqHash.parse("not a hash"));
  }

  @Test
  void hashAListAndMatch(@TempDir Path dir) throws Exception {
    BufferedImage img = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 48; y++) {
      for (int x = 0; x < 64; x++) {
        img.setRGB(x, y, ((x * 4) << 16) | ((y * 5) << 8) | ((x * y) & 0xff));
      }
    }
    Path png = dir.resolve("gradient.png");
    ImageIO.write(img, "png", png.toFile());
    MediaHashes h = MediaHasher.builder().digests(DigestAlgorithm.MD5).pdq(true).build().hash(png);

    // A list in hotlinekit's JSON lines (read and written with Jackson 3 inside).
    Path list = dir.resolve("own.jsonl");
    HashListFormat.jsonLines().write(List.of(HashListEntry
        .builder("gradient", HashValue.of(h.pdq().orElseThrow().hash())).label("B1")
        .added(Instant.parse("2026-01-01T00:00:00Z")).build()), list);
    assertEquals("jsonl", HashListFormat.detect(list).name());
    List<HashListEntry> entries = new ArrayList<>();
    HashListFormat.detect(list).read(list, true, entries::add);
    Matcher matcher = Matcher.builder().list(new HashList("own", list.toString(), entries)).build();
    assertTrue(matcher.match(h).known());
  }

  @Test
  void categorise() {
    ContentFacts facts = ContentFacts.builder()
        .origin(ContentOrigin.REAL_PHOTOGRAPHIC)
        .person(Person.of(AgeGroup.PUBESCENT).withAgeRange(15, 15))
        .level(SexualContentLevel.EROTIC_POSING)
        .build();
    List<Derivation> all = Categoriser.builder().build().categorise(facts, "DE");
    assertFalse(all.isEmpty());
  }

  @Test
  void reportsReadAndWrite() {
    ReportJson json = ReportJson.strict();
    ReportDocument doc = json.read(Path.of(System.getProperty("sample.reports"))).document();
    assertFalse(doc.reports().isEmpty());
    byte[] once = json.write(doc);
    assertArrayEquals(once, json.write(json.read(once, "again").document()));
  }
}
