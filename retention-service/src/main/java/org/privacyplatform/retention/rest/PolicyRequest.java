package org.privacyplatform.retention.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.privacyplatform.retention.Anchor;
import org.privacyplatform.retention.EndAction;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code PUT /policies/{policyId}}: a retention rule. Periods are ISO-8601 (P3Y, P13M, P0D). {@code backstop}
 * only for an anchor that may never come (default P3Y there); {@code limitationPeriod} only with
 * {@code restartAfterHold} (default P5Y there).
 */
public record PolicyRequest(
        @NotBlank @Pattern(regexp = Ids.SLUG, message = Ids.SLUG_MESSAGE) String category,
        @NotBlank @Size(max = 2000) String description,
        @NotNull Anchor anchor,
        @NotBlank @Size(max = 32) String period,
        @NotNull EndAction endAction,
        @Size(max = 32) String archivePeriod,
        @Pattern(regexp = Ids.SLUG, message = Ids.SLUG_MESSAGE) String consentPurpose,
        Boolean statutory,
        @NotBlank @Size(max = 2000) String ground,
        @Schema(description = "only for an anchor that may never come (CONTRACT_END, CASE_CLOSED, UNSUBSCRIBE, "
                + "END_OF_PROCEEDINGS): a holding still waiting for its anchor falls due this long after its last "
                + "contact. Left out there: P3Y") @Size(max = 32) String backstop,
        @Schema(description = "lifting a legal hold on this rule's data restarts limitationPeriod from the end of the "
                + "proceedings (default false)") Boolean restartAfterHold,
        @Schema(description = "only with restartAfterHold: the limitation period that restarts. Left out there: P5Y")
        @Size(max = 32) String limitationPeriod) {
}
