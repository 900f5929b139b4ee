package org.hotlinekit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** hotlinekit route: the routing table of the hotline workflow, as a command. */
class RouteCommandTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void belgianContentGoesToTheFederalPolice() {
    CliRun run = CliRun.of("route", "--assessed-by", "BE", "--hosted-in", "BE");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.outLines()).containsSubsequence("route: OWN_COUNTRY", "assigned to: BE",
        "1. report to the Federal Police (Child Abuse team)",
        "2. the police send notice-and-takedown to the host (not the hotline)");
    assertThat(run.out()).contains("member directory: ").contains("(incomplete)");
  }

  @Test
  void forwardedToEveryMemberOfACountryWithSeveral() {
    CliRun run = CliRun.of("route", "--format", "json", "--assessed-by", "BE", "--hosted-in",
        "de");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode n = JSON.readTree(run.out());
    assertThat(n.get("route").asString()).isEqualTo("FORWARD_TO_MEMBER");
    assertThat(n.get("assignedCountry").asString()).isEqualTo("DE");
    assertThat(n.get("steps").get(0).asString()).contains("eco / FSM / jugendschutz.net");
    assertThat(n.get("directoryComplete").asBoolean()).isFalse();
  }

  @Test
  void notTracedAndUnknownMembershipAreSaid() {
    CliRun untraced = CliRun.of("route", "--assessed-by", "BE");
    assertThat(untraced.outLines().get(0)).isEqualTo("route: NOT_TRACED");
    CliRun unknown = CliRun.of("route", "--assessed-by", "BE", "--hosted-in", "MN");
    assertThat(unknown.outLines().get(0)).isEqualTo("route: MEMBERSHIP_UNKNOWN");
    assertThat(unknown.out()).contains("load a complete member directory");
  }

  /** With a complete directory (invented for the test), an unlisted country is orphaned. */
  @Test
  void orphanedWithACompleteDirectory(@TempDir Path dir) throws IOException {
    Path members = Files.writeString(dir.resolve("members.json"), "{\"format\":"
        + " \"hotlinekit-members\", \"formatVersion\": 1, \"version\": \"test-1\", \"complete\":"
        + " true, \"source\": \"invented for the test\", \"countries\": [{\"country\": \"BE\","
        + " \"hotlines\": [\"Hotline One\"], \"lea\": \"Police Unit A\", \"noticeBy\": \"police\","
        + " \"source\": \"test\"}, {\"country\": \"CN\", \"hotlines\": [], \"source\":"
        + " \"test\"}]}");
    for (String host : new String[] {"RU", "CN"}) {
      CliRun run = CliRun.of("route", "--members", members.toString(), "--assessed-by", "BE",
          "--hosted-in", host);
      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(run.outLines()).containsSubsequence("route: ORPHANED", "assigned to: BE");
      assertThat(run.out()).contains("report to Police Unit A")
          .contains("member directory: test-1\n");
    }
  }

  @Test
  void anInvalidCountryCodeIsACommandLineError() {
    CliRun run = CliRun.of("route", "--assessed-by", "BE", "--hosted-in", "ZZ");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("'ZZ' is not an ISO 3166-1 alpha-2 country code");
    assertThat(run.out()).isEmpty();
  }
}
