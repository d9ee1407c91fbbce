package org.privacyplatform.portal.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.privacyplatform.portal.api.Request;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The console's own rules, without a server: due-date marks, the median, the notice diff, the form bounds. */
class ConsoleRulesTest {

    static final OffsetDateTime NOW = OffsetDateTime.of(2026, 11, 28, 12, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void anOpenRequestPastItsDueDateIsOverdueAndOneDueWithinSevenDaysIsDueSoon() {
        assertThat(RequestRow.of(request(NOW.minusMinutes(1), null), NOW).getMark()).isEqualTo("overdue");
        assertThat(RequestRow.of(request(NOW.plusDays(6), null), NOW).getMark()).isEqualTo("soon");
        assertThat(RequestRow.of(request(NOW.plusDays(8), null), NOW).getMark()).isEmpty();
        // a closed request is never late any more
        assertThat(RequestRow.of(request(NOW.minusDays(3), NOW.minusDays(4)), NOW).getMark()).isEmpty();
    }

    @Test
    void aLegacyPostMortemInstructionsRequestIsNeverOverdueNorDueSoon() {
        // instructions filed as a request before the rights service's migration V4: off the one-month clock
        RequestRow late = RequestRow.of(request("POST_MORTEM_INSTRUCTIONS", NOW.minusYears(2), null), NOW);
        assertThat(late.overdue()).isFalse();
        assertThat(late.getMark()).isEmpty();
        assertThat(RequestRow.of(request("POST_MORTEM_INSTRUCTIONS", NOW.plusDays(2), null), NOW).getMark()).isEmpty();
        // any other type past its due date still is
        assertThat(RequestRow.of(request("ERASURE", NOW.minusDays(1), null), NOW).getMark()).isEqualTo("overdue");
    }

    @Test
    void anObjectionIsUpheldForThePurposesTheSubjectNamedOrEveryLegitimateInterestOne() throws Exception {
        List<org.privacyplatform.portal.api.Purpose> catalogue = List.of(purpose("fraud-prevention", "LEGITIMATE_INTEREST"),
                purpose("service-analytics", "LEGITIMATE_INTEREST"), purpose("newsletter", "CONSENT"),
                purpose("personalised-marketing", "LEGITIMATE_INTEREST"));
        ObjectMapper json = new ObjectMapper();
        Request named = new Request("id", "subject", "OBJECTION", "IN_PROGRESS",
                json.readTree("{\"purposeIds\":[\"fraud-prevention\",\"newsletter\"]}"), NOW, NOW, null, null, null,
                null, null, List.of(), List.of(), List.of(), 0);
        // those named, whatever their basis: leaving one out is a partial uphold the service asks grounds for
        assertThat(ConsoleRequestsResource.objectable(named, catalogue)).extracting(org.privacyplatform.portal.api.Purpose::id)
                .containsExactly("fraud-prevention", "newsletter");
        Request none = new Request("id", "subject", "OBJECTION", "IN_PROGRESS", json.readTree("{}"), NOW, NOW, null, null,
                null, null, null, List.of(), List.of(), List.of(), 0);
        assertThat(ConsoleRequestsResource.objectable(none, catalogue)).extracting(org.privacyplatform.portal.api.Purpose::id)
                .containsExactly("fraud-prevention", "service-analytics", "personalised-marketing");
    }

    private static org.privacyplatform.portal.api.Purpose purpose(String id, String legalBasis) {
        return new org.privacyplatform.portal.api.Purpose(id, id, null, legalBasis, false, false, null, null, List.of());
    }

    @Test
    void theMedianTimeToAnswerIsTheMiddleOneOrTheMeanOfTheTwoMiddleOnes() {
        assertThat(Requests.median(List.of())).isNull();
        assertThat(Requests.median(List.of(Duration.ofDays(9), Duration.ofDays(1), Duration.ofDays(3))))
                .isEqualTo(Duration.ofDays(3));
        assertThat(Requests.median(List.of(Duration.ofDays(1), Duration.ofDays(2), Duration.ofDays(4), Duration.ofDays(30))))
                .isEqualTo(Duration.ofDays(3));
        assertThat(new Requests.Figures(java.util.Map.of(), 0, 2, Duration.ofHours(36)).getMedianDays()).isEqualTo("1.5");
    }

    @Test
    void theNoticeDiffKeepsTheCommonLinesAndNamesWhatWasAddedAndRemoved() {
        List<LineDiff.Line> diff = LineDiff.between("We send news.\nMonthly.\nUnsubscribe any time.",
                "We send news.\nWeekly.\nUnsubscribe any time.");
        assertThat(diff).extracting(LineDiff.Line::kind).containsExactly("same", "removed", "added", "same");
        assertThat(diff.get(2).text()).isEqualTo("Weekly.");
        assertThat(LineDiff.between("", "New.")).extracting(LineDiff.Line::kind).containsExactly("added");
    }

    @Test
    void formsRefuseWhatIsMissingTooLongOrMalformedBeforeAnyServiceIsCalled() {
        assertThat(Forms.text("  a reason  ", 10, true)).isEqualTo("a reason");
        assertThat(Forms.text("   ", 10, false)).isNull();
        assertThatThrownBy(() -> Forms.text(" ", 10, true)).isInstanceOf(ConsoleProblem.class).hasMessage("form_missing");
        assertThatThrownBy(() -> Forms.text("x".repeat(11), 10, true)).hasMessage("form_too_long");
        assertThatThrownBy(() -> Forms.matching("a b", Forms.SUBJECT_ID, true)).hasMessage("form_invalid");
        assertThatThrownBy(() -> Forms.matching("x".repeat(65), Forms.SUBJECT_ID, true)).hasMessage("form_invalid");
        assertThatThrownBy(() -> Forms.oneOf("DELETE_EVERYTHING", ConsoleRequestsResource.GROUNDS, true)).hasMessage("form_invalid");
        assertThatThrownBy(() -> Forms.requestId("../recipients")).hasMessage("no_such_request");
    }

    @Test
    void whatWasErasedOrKeptReadsAsOneLine() throws Exception {
        var kept = new ObjectMapper().readTree("""
                [{"category":"accounting","count":1,"ground":"ten years","keptUntil":"2037-12-31"},{"category":"consent-state","count":2}]""");
        assertThat(Items.describe(kept)).isEqualTo("accounting (1): ten years, until 2037-12-31; consent-state (2)");
    }

    private static Request request(OffsetDateTime dueAt, OffsetDateTime closedAt) {
        return request("ACCESS", dueAt, closedAt);
    }

    private static Request request(String type, OffsetDateTime dueAt, OffsetDateTime closedAt) {
        return new Request("id", "subject", type, closedAt == null ? "IN_PROGRESS" : "COMPLETED", null,
                dueAt.minusMonths(1), dueAt, null, null, null, null, closedAt, List.of(), List.of(), List.of(), 0);
    }
}
