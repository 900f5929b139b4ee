package org.hotlinekit.hashing.list;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.hotlinekit.core.InputReadException;
import org.hotlinekit.core.MalformedInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.hotlinekit.core.hash.HashType;
import org.hotlinekit.core.hash.HashValue;

/**
 * {@link HashListFormat#detect(Path)} and {@link HashListFormat#named(String)}: whatever a format
 * writes, detection names that format, or refuses with "name the list's format" where the content
 * cannot tell (plain 64-digit hashes: SHA-256 or PDQ?).
 */
class FormatDetectionTest {
  /** Plain formats whose content cannot be told apart from another's. */
  private static final Set<String> AMBIGUOUS = Set.of("sha256", "pdq", "photodna");

  private static HashType typeFor(String format) {
    switch (format) {
      case "md5":
        return HashType.MD5;
      case "sha1":
        return HashType.SHA1;
      case "sha256":
        return HashType.SHA256;
      case "photodna":
        return HashType.PHOTODNA;
      default:
        return HashType.PDQ; // every document and line format carries PDQ
    }
  }

  private static List<HashListEntry> entries(HashType type, long seed) {
    Random random = new Random(seed);
    List<HashListEntry> out = new ArrayList<>();
    for (int i = 0; i < 1 + random.nextInt(20); i++) {
      byte[] b = new byte[type.byteLength()];
      random.nextBytes(b);
      HashValue v = HashValue.of(type, b);
      out.add(HashListEntry.builder("e" + i, v).source("seed-" + seed)
          .added(Instant.parse("2026-01-01T00:00:00Z")).build());
    }
    return out;
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void whatAFormatWritesIsDetectedAsThatFormat(long seed, @TempDir Path dir) {
    for (String name : HashListFormat.names()) {
      HashListFormat f = HashListFormat.named(name);
      assertThat(f.name()).isEqualTo(name);
      Path file = dir.resolve(name + ".list");
      f.write(entries(typeFor(name), seed), file);
      if (AMBIGUOUS.contains(name)) {
        assertThatThrownBy(() -> HashListFormat.detect(file)).as(name)
            .isInstanceOf(MalformedInputException.class)
            .hasMessageStartingWith(file + ": ").hasMessageContaining("name the list's format");
      } else {
        assertThat(HashListFormat.detect(file).name()).as(name).isEqualTo(name);
      }
    }
  }

  @Test
  void namesAreCaseInsensitiveAndUnknownNamesListTheKnownOnes() {
    assertThat(HashListFormat.named("NCMEC").name()).isEqualTo("ncmec");
    assertThatThrownBy(() -> HashListFormat.named("csv"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'csv'").hasMessageContaining("jsonl, te, pytx");
  }

  @Test
  void emptyMissingAndBinaryFilesAreRefusedWithThePath(@TempDir Path dir) throws IOException {
    Path empty = Files.writeString(dir.resolve("empty.txt"), "# only a comment\n\n");
    assertThatThrownBy(() -> HashListFormat.detect(empty))
        .isInstanceOf(MalformedInputException.class)
        .hasMessage(empty + ": the list has no entries");
    Path missing = dir.resolve("missing.txt");
    assertThatThrownBy(() -> HashListFormat.detect(missing))
        .isInstanceOf(InputReadException.class).hasMessage(missing + ": no such file");
    Path binary = Files.write(dir.resolve("binary.bin"), new byte[] {(byte) 0xff, (byte) 0xfe, 0});
    assertThatThrownBy(() -> HashListFormat.detect(binary))
        .isInstanceOf(MalformedInputException.class).hasMessageContaining("not UTF-8 text");
    Path xml = Files.writeString(dir.resolve("other.xml"), "<?xml version=\"1.0\"?><feed/>");
    assertThatThrownBy(() -> HashListFormat.detect(xml))
        .isInstanceOf(MalformedInputException.class)
        .hasMessageContaining("not an NCMEC hash sharing queryResult");
  }

  @Test
  void readingAMissingListNamesThePathOnce(@TempDir Path dir) {
    Path missing = dir.resolve("gone.txt");
    assertThatThrownBy(() -> HashListFormat.plainHex(HashType.MD5).read(missing, false, e -> { }))
        .isInstanceOf(InputReadException.class).hasMessage(missing + ": no such file");
  }

  /** A byte order mark (Windows editors write one) neither hides the format nor a first entry. */
  @Test
  void aByteOrderMarkIsSkipped(@TempDir Path dir) throws IOException {
    String md5 = "d41d8cd98f00b204e9800998ecf8427e";
    Path list = Files.writeString(dir.resolve("bom.txt"), "\uFEFF" + md5 + "\n" + md5 + "\n");
    HashListFormat f = HashListFormat.detect(list);
    assertThat(f.name()).isEqualTo("md5");
    List<HashListEntry> got = new ArrayList<>();
    ReadReport r = f.read(list, true, got::add);
    assertThat(r.entries()).isEqualTo(2);
    assertThat(r.rejected()).isZero();
    Path json = Files.writeString(dir.resolve("bom.jsonl"), "\uFEFF{\"id\": \"a\", \"type\":"
        + " \"md5\", \"hash\": \"" + md5 + "\"}\n");
    assertThat(HashListFormat.detect(json).name()).isEqualTo("jsonl");
    assertThat(HashListFormat.jsonLines().read(json, true, e -> { }).entries()).isEqualTo(1);
  }
}
