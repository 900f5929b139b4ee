package org.hotlinekit.categorisation.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.Optional;
import org.hotlinekit.core.MalformedInputException;
import org.junit.jupiter.api.Test;

/** Routing by hosting country, with the bundled directory and a complete test directory. */
class RouterTest {
  private static final Router BUNDLED = new Router(MemberDirectory.bundled());

  @Test
  void belgianContentGoesToTheFederalPoliceWhoSendTheNotice() {
    RoutingDecision d = BUNDLED.route("BE", Optional.of("BE"));
    assertThat(d.route()).isEqualTo(Route.OWN_COUNTRY);
    assertThat(d.assignedCountry()).contains("BE");
    assertThat(d.steps()).containsExactly("report to the Federal Police (Child Abuse team)",
        "the police send notice-and-takedown to the host (not the hotline)",
        "recheck until removed");
  }

  @Test
  void ownCountryWithoutARecordedNoticeSenderSaysSo() {
    RoutingDecision d = BUNDLED.route("NL", Optional.of("nl"));
    assertThat(d.route()).isEqualTo(Route.OWN_COUNTRY);
    assertThat(d.steps().get(1)).contains("not recorded for NL");
  }

  @Test
  void contentHostedInAnotherMemberCountryIsForwarded() {
    RoutingDecision d = BUNDLED.route("BE", Optional.of("NL"));
    assertThat(d.route()).isEqualTo(Route.FORWARD_TO_MEMBER);
    assertThat(d.assignedCountry()).contains("NL");
    assertThat(d.steps().get(0)).contains("Offlimits").contains("re-assesses");
    assertThat(BUNDLED.route("BE", Optional.of("UK")).steps().get(0))
        .contains("Internet Watch Foundation");
  }

  @Test
  void anUnlistedCountryIsUnknownInAnIncompleteDirectoryAndOrphanedInACompleteOne() {
    // Mongolia: not in the bundled (incomplete) directory.
    RoutingDecision unknown = BUNDLED.route("BE", Optional.of("MN"));
    assertThat(unknown.route()).isEqualTo(Route.MEMBERSHIP_UNKNOWN);
    assertThat(unknown.assignedCountry()).isEmpty();

    MemberDirectory complete = MemberDirectory.read(new StringReader(
        "{\"format\": \"hotlinekit-members\", \"formatVersion\": 1, \"version\": \"test\","
            + " \"complete\": true, \"source\": \"invented for the test\", \"countries\": ["
            + "{\"country\": \"BE\", \"hotlines\": [\"Hotline One\"], \"lea\": \"Police Unit A\","
            + " \"noticeBy\": \"police\", \"source\": \"test\"},"
            + "{\"country\": \"CN\", \"hotlines\": [], \"source\": \"test\"}]}"), "test.json");
    Router router = new Router(complete);
    // RU unlisted in a complete directory, CN listed without a member: both orphaned.
    for (String host : new String[] {"RU", "CN"}) {
      RoutingDecision d = router.route("BE", Optional.of(host));
      assertThat(d.route()).isEqualTo(Route.ORPHANED);
      assertThat(d.assignedCountry()).contains("BE");
      assertThat(d.steps()).contains("report to Police Unit A");
    }
  }

  @Test
  void untracedContentIsTracedFirst() {
    assertThat(BUNDLED.route("BE", Optional.empty()).route()).isEqualTo(Route.NOT_TRACED);
    assertThatThrownBy(() -> BUNDLED.route("Belgium", Optional.of("BE")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** ISO 3166-1 alpha-2 only (and XK): a typo must not route as an unknown country. */
  @Test
  void countryCodesAreIso31661() {
    for (String bad : new String[] {"ZZ", "B1", "EU", "QQ", "", "BEL"}) {
      assertThatThrownBy(() -> BUNDLED.route("BE", Optional.of(bad))).as(bad)
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ISO 3166-1");
      assertThatThrownBy(() -> BUNDLED.route(bad, Optional.of("BE"))).as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(BUNDLED.route("BE", Optional.of("XK")).route()).isEqualTo(Route.MEMBERSHIP_UNKNOWN);
    assertThat(BUNDLED.route("be", Optional.of(" uk ")).assignedCountry()).contains("GB");
    assertThatThrownBy(() -> MemberDirectory.read(new StringReader(
        "{\"format\": \"hotlinekit-members\", \"formatVersion\": 1, \"version\": \"v\","
            + " \"complete\": true, \"source\": \"s\", \"countries\": [{\"country\": \"ZZ\","
            + " \"hotlines\": [], \"source\": \"s\"}]}"), "d.json"))
        .isInstanceOf(MalformedInputException.class)
        .hasMessageContaining("field 'countries[0].country'").hasMessageContaining("ISO 3166-1");
  }

  @Test
  void badDirectoriesAreRefusedNamingTheField() {
    assertThatThrownBy(() -> MemberDirectory.read(new StringReader(
        "{\"format\": \"hotlinekit-members\", \"formatVersion\": 1, \"version\": \"v\","
            + " \"complete\": \"yes\", \"source\": \"s\", \"countries\": []}"), "d.json"))
        .isInstanceOf(MalformedInputException.class)
        .hasMessage("d.json: field 'complete': must be true or false");
    assertThatThrownBy(() -> MemberDirectory.read(new StringReader(
        "{\"format\": \"hotlinekit-members\", \"formatVersion\": 1, \"version\": \"v\","
            + " \"complete\": true, \"source\": \"s\", \"countries\": [{\"country\": \"BE\","
            + " \"hotlines\": [], \"noticeBy\": \"mayor\", \"source\": \"s\"}]}"), "d.json"))
        .isInstanceOf(MalformedInputException.class)
        .hasMessageStartingWith("d.json: field 'countries[0].noticeBy': unknown value 'mayor'");
  }
}
