package org.privacyplatform.retention.rest;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /subjects/{subjectId}/holdings}. {@code anchorDate} is when the rule's clock starts
 * (collection, last contact, contract end, ...); it may be left out only while that event has not happened
 * (a running contract, a subscription).
 */
public record HoldingRequest(
        @NotBlank @Pattern(regexp = Ids.SLUG, message = Ids.SLUG_MESSAGE) String category,
        @NotBlank @Size(max = 100) String system,
        @NotBlank @Size(max = 200) String reference,
        LocalDate anchorDate) {
}
