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
        @Schema(description = "which copy this is: the first is free (Art. 15(3))") int copy,
        @Schema(description = "null for the first copy") Fee fee,
        @Schema(description = "the consent service's current consents of the subject") List<JsonNode> consents,
        @Schema(description = "the consent service's history of the subject's decisions") List<JsonNode> consentHistory,
        @Schema(description = "the retention service's schedule: what is held, until when, why") List<JsonNode> holdings,
        @Schema(description = "the audit log's events of the subject (after their latest erasure, if any)") List<JsonNode> auditEvents,
        @Schema(description = "present and true when events before an earlier erasure are sealed (Art. 17(3)(e))") Boolean auditEventsSealed,
        @Schema(description = "the subject's requests, as GET /requests/{id} shows them") List<RequestView> requests) {

    public record Fee(BigDecimal amount, String currency, String basis) {
    }
}
