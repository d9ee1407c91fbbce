package org.privacyplatform.retention.rest;

import org.privacyplatform.retention.Anchor;
import org.privacyplatform.retention.EndAction;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of {@code PUT /policies/{policyId}}: a retention rule. Periods are ISO-8601 (P3Y, P13M, P0D). */
public record PolicyRequest(
        @NotBlank @Pattern(regexp = Ids.SLUG, message = Ids.SLUG_MESSAGE) String category,
        @NotBlank @Size(max = 2000) String description,
        @NotNull Anchor anchor,
        @NotBlank @Size(max = 32) String period,
        @NotNull EndAction endAction,
        @Size(max = 32) String archivePeriod,
        @Pattern(regexp = Ids.SLUG, message = Ids.SLUG_MESSAGE) String consentPurpose,
        Boolean statutory,
        @NotBlank @Size(max = 2000) String ground) {
}
