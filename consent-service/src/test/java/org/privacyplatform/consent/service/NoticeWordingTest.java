package org.privacyplatform.consent.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.privacyplatform.consent.Catalogue;

/** The notice's fixed words and its escaping, without the service. */
class NoticeWordingTest {

    private static NoticeContent.Retention rule(String anchor, String period, String endAction, String archive) {
        return new NoticeContent.Retention("r", new Catalogue.Text("aim", "but"), anchor, period, endAction, archive);
    }

    @Test
    void durationsAreWrittenOutInEachLanguage() {
        assertThat(NoticeWording.duration("P3Y", "en")).isEqualTo("3 years");
        assertThat(NoticeWording.duration("P1Y", "en")).isEqualTo("1 year");
        assertThat(NoticeWording.duration("P1Y", "fr")).isEqualTo("1 an");
        assertThat(NoticeWording.duration("P12M", "en")).isEqualTo("12 months");
        assertThat(NoticeWording.duration("P12M", "fr")).isEqualTo("12 mois");
        assertThat(NoticeWording.duration("P1Y6M", "fr")).isEqualTo("1 an et 6 mois");
        assertThat(NoticeWording.duration("P0D", "en")).isEmpty();
        assertThat(NoticeWording.duration(null, "en")).isEmpty();
    }

    @Test
    void aRuleIsWrittenFromItsAnchorAndPeriods() {
        assertThat(NoticeWording.retention(rule("LAST_CONTACT", "P3Y", "DELETE", null), "en"))
                .isEqualTo("3 years from the last incoming contact.");
        assertThat(NoticeWording.retention(rule("LAST_CONTACT", "P3Y", "DELETE", null), "fr"))
                .isEqualTo("3 ans à compter du dernier contact entrant.");
        assertThat(NoticeWording.retention(rule("UNSUBSCRIBE", "P0D", "DELETE", null), "en"))
                .isEqualTo("Until the subscriber unsubscribes.");
        assertThat(NoticeWording.retention(rule("CONTRACT_END", "P0D", "ARCHIVE", "P5Y"), "en"))
                .isEqualTo("Until the end of the contract, then archived for 5 years (limitation period) before deletion.");
        assertThat(NoticeWording.retention(rule("SOMETHING_NEW", "P2Y", "DELETE", null), "en")).isEqualTo("2 years from SOMETHING_NEW.");
        assertThat(NoticeWording.retention(rule(null, null, null, null), "en")).contains("unknown");
    }

    @Test
    void catalogueTextNeverBecomesMarkup() {
        Document doc = new Document("en\"><script>", "<title>").heading(2, "<h1>x</h1>").paragraph("- not a list")
                .paragraph("1. not a list either").bullets(List.of("*bold* [link](javascript:x) `code` | pipe"))
                .table("c", List.of("a", "b"), List.of(List.of("<th>", "'quoted' & \"double\"")));
        String html = doc.html();
        assertThat(html).doesNotContain("<script>").doesNotContain("<h1>x").doesNotContain("<th>&").contains("lang=\"en&quot;&gt;&lt;script&gt;\"")
                .contains("&lt;h1&gt;x&lt;/h1&gt;", "&#39;quoted&#39; &amp; &quot;double&quot;");
        String markdown = doc.markdown();
        assertThat(markdown).contains("\\- not a list", "1\\. not a list either", "\\*bold\\* \\[link\\](javascript:x) \\`code\\` \\| pipe",
                "\\<h1\\>x\\</h1\\>");
        assertThat(Document.md("line one\nline two")).isEqualTo("line one line two");
    }
}
