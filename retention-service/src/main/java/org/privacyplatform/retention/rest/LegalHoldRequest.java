package org.privacyplatform.retention.rest;

import org.privacyplatform.commons.security.SubjectId;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /legal-holds}: a subject, a category, or both, with the case it serves. */
public record LegalHoldRequest(
        @Size(max = SubjectId.MAX_LENGTH) @Pattern(regexp = SubjectId.PATTERN, message = "is not a valid subject id") String subjectId,
        @Pattern(regexp = Ids.SLUG, message = Ids.SLUG_MESSAGE) String category,
        @NotBlank @Size(max = 200) String caseReference,
        @NotBlank @Size(max = 2000) String reason) {
}
