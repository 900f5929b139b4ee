package org.hotlinekit.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hotlinekit.core.hash.HashValue;
import org.hotlinekit.core.pdq.PdqHash;
import org.hotlinekit.hashing.list.HashList;
import org.hotlinekit.hashing.list.HashListEntry;
import org.hotlinekit.hashing.match.Triage;

/**
 * Any bytes in a seized folder, archives or not: the flow never throws, names every item below
 * the file, and gives an archive's own item first; limits are small so that bombs end quickly.
 * Regression inputs (zip, tar.gz, bzip2, xz, truncated, nested) are in {@code
 * ArchiveFuzzTestInputs}.
 */
class ArchiveFuzzTest {
  private static final Triage TRIAGE = Triage.builder().list(new HashList("l", "l", List.of(
      HashListEntry.builder("e", HashValue.of(PdqHash.zero())).build()))).allowEmptyLists()
      .build();
  private static final ArchiveLimits LIMITS = new ArchiveLimits(3, 200, 8L << 20, 50);

  @FuzzTest(maxDuration = "60s")
  void scan(byte[] data) {
    Flow flow = new Flow(TRIAGE, List.of(), Optional.empty(), Instant.EPOCH, LIMITS, false);
    List<ScanItem> items = flow.scan("seized/f", "seized/f", new ByteArrayInputStream(data),
        data.length, System.nanoTime());
    assertThat(items).isNotEmpty();
    assertThat(items.get(0).name()).isEqualTo("seized/f");
    for (ScanItem it : items.subList(1, items.size())) {
      assertThat(it.name()).startsWith("seized/f!/");
    }
    if (items.size() > 1) {
      assertThat(items.get(0).archive()).isTrue();
    }
    // An item whose own bytes were all read has their digests, and they are the file's.
    if (!items.get(0).archive() && items.get(0).status() != Triage.Status.FAILED) {
      assertThat(items.get(0).outcome().hashes().orElseThrow().size()).isEqualTo(data.length);
    }
  }
}
