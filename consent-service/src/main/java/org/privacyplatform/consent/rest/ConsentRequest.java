package org.privacyplatform.consent.rest;

import com.fasterxml.jackson.annotation.JsonProperty;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * Body of {@code PUT /subjects/{subjectId}/consents/{purposeId}}: the same shape grants and withdraws
 * (Art. 7(3)); {@code granted:false} on a legitimate-interest purpose is an objection (Art. 21). The optional
 * {@code privacyNoticeVersion} is the version of the whole privacy notice ({@code GET /notice}) the subject was shown.
 */
public record ConsentRequest(
        @NotNull Boolean granted,
        @NotBlank @Pattern(regexp = PurposeRequest.NOTICE_VERSION, message = "is not a notice version") String noticeVersion,
        @NotNull Source source,
        @Min(1) Integer privacyNoticeVersion) {

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
