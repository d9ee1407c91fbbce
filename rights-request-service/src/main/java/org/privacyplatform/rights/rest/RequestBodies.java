package org.privacyplatform.rights.rest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.privacyplatform.commons.security.SubjectId;
import org.privacyplatform.commons.validation.JsonLength;
import org.privacyplatform.rights.RejectionGround;
import org.privacyplatform.rights.RequestType;

import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The bodies the request API accepts. */
public final class RequestBodies {

    /** A calling system's OIDC client id, as the recipients catalogue names it. */
    static final String CLIENT_ID = "^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$";

    private RequestBodies() {
    }

    /** At most this many characters of JSON in a request's {@code details}. */
    public static final int MAX_DETAILS = 8000;

    /** At most this many items in an outcome's {@code erased} or {@code kept}. */
    public static final int MAX_ITEMS = 100;

    /**
     * {@code POST /requests}. {@code details} holds what the right needs (corrections, purposes, instructions),
     * at most {@value #MAX_DETAILS} characters of JSON. {@code receivedAt}, only from the DPO filing a request
     * received by post or e-mail: when it was received (never in the future); the clock starts then.
     */
    public record NewRequest(@NotNull @SubjectId String subjectId, @NotNull RequestType type,
            @JsonLength(max = MAX_DETAILS) ObjectNode details,
            @Schema(description = "dpo only: when a request received by post or e-mail was received (RFC 3339, not in "
                    + "the future, not before 2018-05-25); dueAt is one calendar month later. Absent: now")
            OffsetDateTime receivedAt) {
    }

    /** {@code POST /requests/{id}/extend}: the reasons for the delay, which the request shows the subject. */
    public record Extension(
            @Schema(description = "the reasons for the delay, shown to the subject with the new due date (Art. 12(3))")
            @NotBlank @Size(max = 2000) String reason) {
    }

    public record Rejection(@NotNull RejectionGround ground, @Size(max = 2000) String detail) {
    }

    public record Completion(
            @Schema(description = "what was done; required for a RECTIFICATION: what the controller corrected (Art. 16)")
            @Size(max = 2000) String note) {
    }

    /**
     * {@code POST /requests/{id}/uphold-objection}: the purposes the DPO stops (absent or empty: those the subject
     * named, or every legitimate-interest purpose when they named none), a note the subject reads, and, when only some
     * of the purposes objected to are upheld, the compelling legitimate grounds for the others.
     */
    public record ObjectionUpheld(
            @Schema(description = "the purposes upheld, among those the subject objected to; absent or empty: all of them")
            @Size(max = 50) List<@Pattern(regexp = "^[a-z0-9][a-z0-9-]{0,63}$", message = "is not a purpose id") String> purposeIds,
            @Size(max = 2000) String note,
            @Schema(description = "required when only some of the purposes objected to are upheld: the compelling "
                    + "legitimate grounds for the others (Art. 21(1)), shown to the subject; the request then closes "
                    + "PARTIALLY_COMPLETED")
            @Size(max = 2000) String grounds) {
    }

    public record Lifting(@NotNull OffsetDateTime subjectInformedAt) {
    }

    /** {@code POST /subjects/{subjectId}/death}: the date and how it was established (a death certificate, ...). */
    public record Death(@NotNull LocalDate diedOn, @NotBlank @Size(max = 2000) String evidence) {
    }

    /** {@code POST /requests/{id}/outcomes}: a recipient's answer. */
    public record OutcomeReport(
            @NotBlank @Pattern(regexp = "^[a-z0-9][a-z0-9-]{0,63}$", message = "is not a recipient id") String recipientId,
            @NotNull @Pattern(regexp = "DONE|PARTIAL|FAILED", message = "must be DONE, PARTIAL or FAILED") String status,
            @Size(max = MAX_ITEMS) List<@Valid Item> erased, @Size(max = MAX_ITEMS) List<@Valid Kept> kept,
            @Size(max = 2000) String note) {
    }

    public record Item(@NotBlank @Size(max = 100) String category, Long count) {
    }

    public record Kept(@NotBlank @Size(max = 100) String category, Long count, @NotBlank @Size(max = 2000) String ground,
            LocalDate keptUntil) {
    }

    /** One recipient of {@code PUT /recipients}. */
    public record RecipientBody(
            @NotBlank @Pattern(regexp = "^[a-z0-9][a-z0-9-]{0,63}$", message = "must be 1-64 of a-z, 0-9, '-'") String id,
            @NotBlank @Size(max = 200) String name,
            @NotNull @Pattern(regexp = "PLATFORM_SERVICE|INTERNAL_DEPARTMENT|PROCESSOR|THIRD_PARTY",
                    message = "must be PLATFORM_SERVICE, INTERNAL_DEPARTMENT, PROCESSOR or THIRD_PARTY") String kind,
            @NotEmpty @Size(max = 3) List<@Pattern(regexp = "ERASURE|RECTIFICATION|RESTRICTION",
                    message = "must be ERASURE, RECTIFICATION or RESTRICTION") String> appliesTo,
            @Pattern(regexp = "KAFKA|REST|MANUAL", message = "must be KAFKA, REST or MANUAL") String channel,
            Boolean active,
            @Pattern(regexp = CLIENT_ID, message = "must be a client id: 1-64 of letters, digits, '.', '_', ':', '-'")
            String reportedBy) {
    }
}
