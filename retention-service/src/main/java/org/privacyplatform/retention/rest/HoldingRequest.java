package org.privacyplatform.retention.rest;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /subjects/{subjectId}/holdings}. {@code anchorDate} is when the rule's clock starts
 * (collection, last contact, contract end, ...); it may be left out only while that event has not happened
 * (a running contract, a subscription). {@code lastContactOn} is the last incoming contact the system knows of: while
 * the anchor has not come, the rule's backstop counts from it; left out, the one recorded stays (the registration day
 * for a new holding).
 */
public record HoldingRequest(
        @NotBlank @Pattern(regexp = Ids.SLUG, message = Ids.SLUG_MESSAGE) String category,
        @NotBlank @Size(max = 100) String system,
        @NotBlank @Size(max = 200) String reference,
        @Schema(description = "when the rule's clock starts; left out while that event (a contract end, an unsubscribe, "
                + "a case closed, the end of proceedings) has not happened") LocalDate anchorDate,
        @Schema(description = "the last incoming contact with the subject (not after today in Paris); while the anchor has not "
                + "come the rule's backstop counts from it. Left out: the one recorded stays (for a new holding, the day "
                + "of registration)") LocalDate lastContactOn) {
}
