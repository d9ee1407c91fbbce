package org.privacyplatform.consent.rest;

import org.privacyplatform.consent.LegalBasis;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code PUT /purposes/{purposeId}}. {@code legalClaims}: the purpose serves the establishment, exercise or
 * defence of legal claims, so it goes on while a subject's processing is restricted (Art. 18(2) GDPR); absent is false.
 */
public record PurposeRequest(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 4000) String description,
        @NotNull LegalBasis legalBasis,
        Boolean directMarketing,
        Boolean deviceEligible,
        Boolean legalClaims,
        @Size(max = 32) String validity,
        @NotNull @Valid NoticeRequest notice) {

    public record NoticeRequest(
            @NotBlank @Pattern(regexp = NOTICE_VERSION, message = "must be 1-32 characters of letters, digits, '.', '_' or '-'") String version,
            @NotBlank @Size(max = 20000) String text,
            Boolean requiresFreshConsent) {
    }

    public static final String NOTICE_VERSION = "^[A-Za-z0-9._-]{1,32}$";
}
