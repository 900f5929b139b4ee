package org.hotlinekit.hashing.match;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.hotlinekit.hashing.testing.FuzzFiles;

/**
 * A team's verdict files (disputed entries, the flood guard's state): reading one gives verdicts
 * or a HotlinekitException.
 */
class VerdictFilesFuzzTest {
  @FuzzTest(maxDuration = "60s")
  void readDisputes(byte[] data) throws Exception {
    FuzzFiles.withFile(data, ".jsonl", file -> Disputes.read(file).reason("l", "e"));
  }

  @FuzzTest(maxDuration = "60s")
  void readFloodState(byte[] data) throws Exception {
    FuzzFiles.withFile(data, ".jsonl", file -> FloodGuard.read(file, FloodGuard.builder())
        .quarantine("l", "e"));
  }
}
