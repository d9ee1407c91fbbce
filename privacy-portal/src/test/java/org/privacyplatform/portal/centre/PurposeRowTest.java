package org.privacyplatform.portal.centre;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.privacyplatform.portal.api.Consent;
import org.privacyplatform.portal.api.Purpose;

/** What the privacy centre shows of a subject's standing on a purpose. */
class PurposeRowTest {

    private static final Purpose PERSONALISED = new Purpose("personalised-marketing", "Personalised offers", "",
            "LEGITIMATE_INTEREST", true, false, null, "1.0", List.of());
    private static final Purpose NEWSLETTER = new Purpose("newsletter", "Newsletter", "", "CONSENT", true, true, "P3Y",
            "1.0", List.of());

    private static Consent status(Purpose purpose, String status) {
        return new Consent(purpose.id(), purpose.legalBasis(), status, null, "1.0", null, null, null);
    }

    @Test
    void aSubjectKeptOnTheSuppressionListSeesDirectMarketingAsObjectedAndOff() {
        assertThat(new PurposeRow(PERSONALISED, status(PERSONALISED, "SUPPRESSED")).isObjected()).isTrue();
        assertThat(new PurposeRow(NEWSLETTER, status(NEWSLETTER, "SUPPRESSED")).isOn()).isFalse();
    }

    @Test
    void aLegitimateInterestNobodyObjectedToIsRelied() {
        assertThat(new PurposeRow(PERSONALISED, status(PERSONALISED, "NONE")).isObjected()).isFalse();
        assertThat(new PurposeRow(PERSONALISED, null).isObjected()).isFalse();
        assertThat(new PurposeRow(PERSONALISED, status(PERSONALISED, "OBJECTED")).isObjected()).isTrue();
        assertThat(new PurposeRow(NEWSLETTER, status(NEWSLETTER, "GRANTED")).isOn()).isTrue();
    }
}
