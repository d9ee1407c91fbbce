package org.privacyplatform.rights.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.privacyplatform.rights.RequestStatus;
import org.privacyplatform.rights.config.RightsConfig;

/** Art. 12(4), 77: every answer that does not grant a request in full says where to complain; no other does. */
class ComplaintNoticeTest {

    private static final RightsConfig CNIL = new RightsConfig() {
        @Override
        public SupervisoryAuthority supervisoryAuthority() {
            return new SupervisoryAuthority() {
                @Override
                public String name() {
                    return "Commission Nationale de l'Informatique et des Libertés (CNIL)";
                }

                @Override
                public String url() {
                    return "https://www.cnil.fr/en/contact-cnil";
                }
            };
        }

        @Override
        public Export export() {
            return new Export() {
                @Override
                public BigDecimal feePerAdditionalCopy() {
                    return BigDecimal.TEN;
                }

                @Override
                public String currency() {
                    return "EUR";
                }

                @Override
                public java.time.Duration retryWindow() {
                    return java.time.Duration.ofMinutes(10);
                }
            };
        }
    };

    @ParameterizedTest
    @EnumSource(value = RequestStatus.class, names = { "REJECTED", "PARTIALLY_COMPLETED" })
    void anAnswerThatDoesNotGrantTheRequestInFullNamesTheCnil(RequestStatus status) {
        RequestView.Complaint complaint = RequestView.complaint(status, CNIL);

        assertThat(complaint.authority()).contains("CNIL");
        assertThat(complaint.url()).isEqualTo("https://www.cnil.fr/en/contact-cnil");
        assertThat(complaint.notice()).contains("lodge a complaint with Commission Nationale de l'Informatique et des "
                + "Libertés (CNIL)").contains("Art. 12(4), 77, 79");
    }

    @ParameterizedTest
    @EnumSource(value = RequestStatus.class, names = { "RECEIVED", "IDENTITY_VERIFIED", "IN_PROGRESS", "COMPLETED" })
    void anOpenOrFullyGrantedRequestCarriesNone(RequestStatus status) {
        assertThat(RequestView.complaint(status, CNIL)).isNull();
    }
}
