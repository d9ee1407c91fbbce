package org.privacyplatform.retention.rest;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.privacyplatform.commons.security.SubjectId;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /legal-holds}: a subject, a category, or both, with the case it serves; {@code endsOn} the day it
 * lifts itself (an appeal period), or left out until the DPO lifts it.
 */
public record LegalHoldRequest(
        @Size(max = SubjectId.MAX_LENGTH) @Pattern(regexp = SubjectId.PATTERN, message = "is not a valid subject id") String subjectId,
        @Pattern(regexp = Ids.SLUG, message = Ids.SLUG_MESSAGE) String category,
        @NotBlank @Size(max = 200) String caseReference,
        @NotBlank @Size(max = 2000) String reason,
        @Schema(description = "the last day the hold stands, a day in Paris, today or later (an appeal period: the last day "
                + "to appeal); it lifts itself from 00:00 Paris the next day; the limitation period of data whose rule restarts after a hold counts from it") LocalDate endsOn) {
}
