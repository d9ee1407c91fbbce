package org.privacyplatform.consent.rest;

import java.time.LocalDate;

import org.privacyplatform.commons.security.SubjectId;

import com.fasterxml.jackson.annotation.JsonProperty;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * Body of {@code PUT /subjects/{subjectId}/consents/{purposeId}}: the same shape grants and withdraws
 * (Art. 7(3)); {@code granted:false} on a legitimate-interest purpose is an objection (Art. 21). The optional
 * {@code privacyNoticeVersion} is the version of the whole privacy notice ({@code GET /notice}) the subject was shown.
 * <p>
 * Minors (Art. 8 GDPR; 15 in France): the caller may state the subject's {@code birthDate} or that they are a
 * {@code minor} (one of the two; the subject's token's {@code birthdate} claim states it too), and a calling system
 * records a grant a holder of parental responsibility gave or authorised with {@code parentalConsent}.
 */
public record ConsentRequest(
        @NotNull Boolean granted,
        @NotBlank @Pattern(regexp = PurposeRequest.NOTICE_VERSION, message = "is not a notice version") String noticeVersion,
        @NotNull Source source,
        @Min(1) Integer privacyNoticeVersion,
        LocalDate birthDate,
        Boolean minor,
        @Valid ParentalConsent parentalConsent) {

    /**
     * The holder of parental responsibility who gave or authorised the grant: the calling system's reference of the
     * holder or of its verification of them (Art. 8(2)), never a name or an e-mail address.
     */
    public record ParentalConsent(
            @NotBlank @Pattern(regexp = SubjectId.PATTERN, message = "must be a reference of 1-64 characters of letters, "
                    + "digits, '.', '_', ':' or '-' (not a name)") String holder) {
    }

    /** Where the subject made the decision. */
    public enum Source {
        @JsonProperty("web")
        WEB,
        @JsonProperty("mobile")
        MOBILE,
        @JsonProperty("api")
        API,
        @JsonProperty("import")
        IMPORT;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
