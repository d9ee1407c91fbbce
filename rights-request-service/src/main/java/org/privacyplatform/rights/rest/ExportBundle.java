package org.privacyplatform.rights.rest;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The shape of an access or portability export ({@code format: privacy-platform-export/1}) as the OpenAPI document
 * declares it. The bundle itself is assembled from the other services' answers (ExportService), which it passes on as
 * they are: each list holds those services' own views.
 */
@Schema(name = "ExportBundle", description = "What the platform holds on the subject (format privacy-platform-export/1)")
public record ExportBundle(
        @Schema(description = "privacy-platform-export/1") String format,
        String subjectId,
        String requestId,
        @Schema(description = "ACCESS or PORTABILITY") String requestType,
        OffsetDateTime generatedAt,
        @Schema(description = "which copy this is: the first is free (Art. 15(3)); a download retried by the same caller "
                + "within the retry window is the same copy") int copy,
        @Schema(description = "null for the first copy; a later copy is produced only once the caller agreed (acceptFee=true)") Fee fee,
        @Schema(description = "the Art. 15(1) information") Information information,
        @Schema(description = "the consent service's current consents of the subject") List<JsonNode> consents,
        @Schema(description = "the consent service's history of the subject's decisions") List<JsonNode> consentHistory,
        @Schema(description = "the retention service's schedule: what is held, until when, why") List<JsonNode> holdings,
        @Schema(description = "the audit log's events of the subject (after their latest erasure, if any)") List<JsonNode> auditEvents,
        @Schema(description = "present and true when events before an earlier erasure are sealed (Art. 17(3)(e))") Boolean auditEventsSealed,
        @Schema(description = "the subject's requests, as GET /requests/{id} shows them") List<RequestView> requests) {

    public record Fee(BigDecimal amount, String currency, String basis,
            @Schema(description = "true: the caller agreed to the fee before the copy was produced") boolean agreed) {
    }

    /** Art. 15(1)(a)-(h) besides the data itself, from the services that own each part. */
    public record Information(
            @Schema(description = "which letters of Art. 15(1) this answers") String basis,
            @Schema(description = "the consent service's current privacy notice as JSON-LD in W3C DPV terms (GET /notice): "
                    + "per purpose its legal basis, categories of personal data, sources, recipients, transfers and storage "
                    + "duration; the controller, the DPO and the rights (Art. 15(1)(a), (b), (c), (d), (e), (g))") JsonNode notice,
            @Schema(description = "the retention service's rules in force (GET /policies): each period and its criteria "
                    + "(Art. 15(1)(d))") List<JsonNode> retentionPolicies,
            @Schema(description = "the right to lodge a complaint with the supervisory authority (Art. 15(1)(f), 77)") RequestView.Complaint complaint) {
    }
}
