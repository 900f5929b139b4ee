package org.hotlinekit.iccam.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.hotlinekit.categorisation.routing.MemberDirectory;
import org.hotlinekit.iccam.model.Action;
import org.hotlinekit.iccam.model.ActionType;
import org.hotlinekit.iccam.model.AgeCategory;
import org.hotlinekit.iccam.model.Assessment;
import org.hotlinekit.iccam.model.Classification;
import org.hotlinekit.iccam.model.ContentItem;
import org.hotlinekit.iccam.model.Gender;
import org.hotlinekit.iccam.model.Hosting;
import org.hotlinekit.iccam.model.MediaType;
import org.hotlinekit.iccam.model.Report;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The state machine as a table: an assessment ("illegal" or "legal", or none) then a sequence of
 * actions, and the resulting state, or the index of the first refused action.
 */
class WorkflowTest {
  private static final Instant T0 = Instant.parse("2026-10-01T10:00:00Z");

  static Stream<Arguments> sequences() {
    return Stream.of(
        // Valid.
        ok("illegal", "", "ASSESSED"),
        ok("none", "", "RECEIVED"),
        ok("legal", "not_illegal", "NOT_ILLEGAL"),
        ok("illegal", "reported_to_lea", "LEA_NOTIFIED"),
        ok("illegal", "reported_to_lea reported_to_isp removed", "REMOVED"),
        ok("illegal", "reported_to_isp reported_to_lea", "NOTICE_SENT"),
        ok("illegal", "reported_to_lea reported_to_isp reported_to_isp reported_to_isp",
            "NOTICE_SENT"),
        ok("illegal", "reported_to_lea reported_to_isp unavailable", "UNAVAILABLE"),
        ok("illegal", "forwarded removed", "REMOVED"),
        ok("illegal", "forwarded moved forwarded unavailable", "UNAVAILABLE"),
        ok("illegal", "reported_to_lea moved", "MOVED"),
        ok("illegal", "reported_to_lea reported_to_isp moved reported_to_lea reported_to_isp"
            + " removed", "REMOVED"),
        ok("illegal", "reported_to_isp moved forwarded removed", "REMOVED"),
        ok("illegal", "reported_to_lea removed", "REMOVED"),
        // Invalid: index of the refused action.
        bad("none", "reported_to_lea", 0),
        bad("none", "not_illegal", 0),
        bad("legal", "reported_to_lea", 0),
        bad("legal", "forwarded", 0),
        bad("illegal", "not_illegal", 0),
        bad("illegal", "removed", 0),
        bad("illegal", "unavailable", 0),
        bad("illegal", "moved", 0),
        bad("illegal", "forwarded reported_to_lea", 1),
        bad("illegal", "forwarded forwarded", 1),
        bad("illegal", "reported_to_lea removed reported_to_isp", 2),
        bad("illegal", "reported_to_lea removed removed", 2),
        bad("illegal", "forwarded unavailable moved", 2),
        bad("legal", "not_illegal not_illegal", 1),
        bad("illegal", "reported_to_lea moved moved", 2),
        bad("illegal", "reported_to_lea moved removed", 2));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("sequences")
  void sequence(String assessment, String actions, String state, int refusedAt) {
    ContentItem item = item(assessment, List.of());
    List<Action> list = actions(actions);
    for (int i = 0; i < list.size(); i++) {
      if (i == refusedAt) {
        ContentItem before = item;
        Action a = list.get(i);
        assertThatThrownBy(() -> Workflow.apply(before, a))
            .isInstanceOf(WorkflowException.class)
            .satisfies(e -> assertThat(((WorkflowException) e).action()).isEqualTo(a));
        // The whole item with the bad action is refused too.
        assertThatThrownBy(() -> Workflow.check(item(assessment, list)))
            .isInstanceOf(WorkflowException.class);
        return;
      }
      item = Workflow.apply(item, list.get(i));
    }
    assertThat(refusedAt).as("expected a refusal").isEqualTo(-1);
    assertThat(Workflow.state(item)).isEqualTo(ItemState.valueOf(state));
    assertThat(Workflow.state(item(assessment, list))).isEqualTo(ItemState.valueOf(state));
  }

  @Test
  void actionsMustNotGoBackInTime() {
    ContentItem item = Workflow.apply(item("illegal", List.of()),
        Action.of(ActionType.REPORTED_TO_LEA, T0.plusSeconds(7200)));
    assertThatThrownBy(() -> Workflow.apply(item,
        Action.of(ActionType.REPORTED_TO_ISP, T0.plusSeconds(3600))))
        .isInstanceOf(WorkflowException.class).hasMessageContaining("earlier");
  }

  @Test
  void aReassessmentChangesWhatFitsFromThenOn() {
    Assessment legal = assessment(Classification.NOT_ILLEGAL, T0.plusSeconds(60));
    ContentItem item = item("illegal", List.of()).withAssessment(legal);
    assertThatThrownBy(() -> Workflow.apply(item,
        Action.of(ActionType.REPORTED_TO_LEA, T0.plusSeconds(120))))
        .isInstanceOf(WorkflowException.class).hasMessageContaining("not_illegal");
    assertThat(Workflow.state(Workflow.apply(item,
        Action.of(ActionType.NOT_ILLEGAL, T0.plusSeconds(120))))).isEqualTo(ItemState.NOT_ILLEGAL);
  }

  @Test
  void workQueuesAreQueries() {
    ContentItem unassessed = item("none", List.of());
    ContentItem unactioned = item("illegal", List.of());
    ContentItem done = item("illegal", actions("forwarded removed"));
    ContentItem orphan = new ContentItem("o", "https://example.org/o.jpg", MediaType.IMAGE,
        Optional.of(new Hosting(T0, Optional.empty(), Optional.of("MN"), Optional.empty(),
            java.util.OptionalLong.empty(), false)), Optional.empty(), Optional.empty(),
        List.of(), List.of(assessment(Classification.NATIONAL, T0)), List.of(), Optional.empty());
    Report r = new Report("R", "BE-test", T0.minusSeconds(60), java.time.ZoneId.of("UTC"),
        "https://example.org/", Optional.empty(), Optional.empty(), Optional.empty(), List.of(),
        Optional.empty(), List.of(
            rename(unassessed, "u"), rename(unactioned, "a"), rename(done, "d"), orphan));
    MemberDirectory complete = MemberDirectory.read(new java.io.StringReader(
        "{\"format\": \"hotlinekit-members\", \"formatVersion\": 1, \"version\": \"t\","
            + " \"complete\": true, \"source\": \"test\", \"countries\": []}"), "t.json");
    WorkQueues q = new WorkQueues(complete);
    assertThat(q.unassessed(List.of(r))).extracting(e -> e.item().id()).containsExactly("u");
    assertThat(q.unactioned(List.of(r))).extracting(e -> e.item().id())
        .containsExactly("a", "o");
    assertThat(q.offline(List.of(r))).extracting(e -> e.item().id()).containsExactly("d");
    assertThat(q.orphaned(List.of(r))).extracting(e -> e.item().id()).containsExactly("o");
    assertThat(new WorkQueues(MemberDirectory.bundled()).orphaned(List.of(r))).isEmpty();
  }

  private static ContentItem rename(ContentItem i, String id) {
    return new ContentItem(id, i.url(), i.mediaType(), i.hosting(), i.assignedCountry(),
        i.known(), i.fingerprints(), i.assessments(), i.actions(), i.memo());
  }

  private static Arguments ok(String assessment, String actions, String state) {
    return Arguments.of(assessment, actions, state, -1);
  }

  private static Arguments bad(String assessment, String actions, int refusedAt) {
    return Arguments.of(assessment, actions, "", refusedAt);
  }

  private static List<Action> actions(String names) {
    List<Action> out = new ArrayList<>();
    int hour = 1;
    for (String n : names.trim().split("\\s+")) {
      if (!n.isEmpty()) {
        out.add(Action.of(ActionType.valueOf(n.toUpperCase(java.util.Locale.ROOT)),
            T0.plusSeconds(3600L * hour++)));
      }
    }
    return out;
  }

  private static ContentItem item(String assessment, List<Action> actions) {
    List<Assessment> a = assessment.equals("none") ? List.of()
        : List.of(assessment(assessment.equals("illegal") ? Classification.NATIONAL
            : Classification.NOT_ILLEGAL, T0));
    return new ContentItem("1", "https://example.org/1.jpg", MediaType.IMAGE, Optional.empty(),
        Optional.empty(), Optional.empty(), List.of(), a, actions, Optional.empty());
  }

  private static Assessment assessment(Classification c, Instant at) {
    return new Assessment("analyst-1", at, "BE", c, AgeCategory.NOT_CATEGORISED,
        Gender.NOT_DETERMINED, false, false, false, Optional.empty(), List.of());
  }
}
