package org.privacyplatform.rights.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.privacyplatform.commons.problem.ProblemException;
import org.privacyplatform.commons.security.Actor;
import org.privacyplatform.rights.RequestHistory;
import org.privacyplatform.rights.RequestStatus;
import org.privacyplatform.rights.RequestType;
import org.privacyplatform.rights.RightsRequest;
import org.privacyplatform.rights.client.PlatformClients;
import org.privacyplatform.rights.config.RightsConfig;
import org.privacyplatform.rights.repository.RequestRepository;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Art. 15 and 20: a machine-readable JSON bundle of what the platform holds on the subject, assembled from
 * the consent, retention and audit services and this service's own requests. The first copy is free; each
 * later one is counted and carries the configured fee (Art. 15(3)).
 */
@ApplicationScoped
public class ExportService {

    public static final String FORMAT = "privacy-platform-export/1";
    private static final Logger LOG = Logger.getLogger(ExportService.class);
    /** The largest page the other services answer (PageRequest.MAX_SIZE). */
    private static final int PAGE = 500;

    private final RequestRepository requests;
    private final PlatformClients.Consent consent;
    private final PlatformClients.Retention retention;
    private final PlatformClients.Audit audit;
    private final RightsConfig config;
    private final ObjectMapper json;
    private final Clock clock;

    public ExportService(RequestRepository requests, @RestClient PlatformClients.Consent consent,
            @RestClient PlatformClients.Retention retention, @RestClient PlatformClients.Audit audit, RightsConfig config,
            ObjectMapper json, Clock clock) {
        this.requests = requests;
        this.consent = consent;
        this.retention = retention;
        this.audit = audit;
        this.config = config;
        this.json = json;
        this.clock = clock;
    }

    /** The bundle, with {@code requests} filled in by the caller (the request views of this service). */
    public ObjectNode export(UUID requestId, Actor actor, java.util.function.Function<String, JsonNode> requestsOfSubject) {
        RightsRequest request = QuarkusTransaction.requiringNew().call(() -> requests.findByIdOptional(requestId)
                .orElseThrow(() -> ProblemException.notFound("no request " + requestId)));
        if (request.type != RequestType.ACCESS && request.type != RequestType.PORTABILITY) {
            throw ProblemException.conflict("request " + requestId + " is a " + request.type
                    + " request: only access and portability requests have an export");
        }
        if (request.status != RequestStatus.IN_PROGRESS && request.status != RequestStatus.COMPLETED) {
            throw ProblemException.conflict("request " + requestId + " is " + request.status
                    + ": the export is available once the subject's identity is verified (Art. 12(6))");
        }
        String subject = request.subjectId;
        // gather first: a service that cannot answer costs the subject no copy
        JsonNode consents = call("consent-service", () -> consent.consents(subject));
        JsonNode consentHistory = allPages("consent-service", page -> consent.history(subject, page, PAGE));
        JsonNode holdings = allPages("retention-service", page -> retention.schedule(subject, page, PAGE));
        ArrayNode events = json.createArrayNode();
        // a subject erased before: the audit events up to that erasure are kept sealed for legal claims (Art. 17(3)(e)),
        // readable by the DPO and the auditor only; the audit service lists only what followed (sealedThrough)
        AtomicBoolean sealed = new AtomicBoolean();
        allPages("audit-service", page -> {
            JsonNode answer = audit.events(subject, page, PAGE);
            if (answer.hasNonNull("sealedThrough")) {
                sealed.set(true);
            }
            return answer.path("items");
        }).forEach(item -> events.add(item.path("event")));
        int copy = QuarkusTransaction.requiringNew().call(() -> {
            RightsRequest locked = requests.lock(requestId).orElseThrow();
            locked.exportCopies += 1;
            RequestHistory entry = new RequestHistory();
            entry.requestId = locked.id;
            entry.at = now();
            entry.action = "EXPORTED copy " + locked.exportCopies;
            entry.fromStatus = locked.status;
            entry.toStatus = locked.status;
            entry.actorType = actor.type();
            entry.actor = actor.id();
            requests.persistHistory(entry);
            return locked.exportCopies;
        });
        ObjectNode bundle = json.createObjectNode();
        bundle.put("format", FORMAT);
        bundle.put("subjectId", subject);
        bundle.put("requestId", requestId.toString());
        bundle.put("requestType", request.type.name());
        bundle.put("generatedAt", now().toString());
        bundle.put("copy", copy);
        if (copy > 1) {
            BigDecimal fee = config.export().feePerAdditionalCopy();
            bundle.putObject("fee").put("amount", fee).put("currency", config.export().currency())
                    .put("basis", "Art. 15(3) GDPR: the first copy is free; a reasonable fee applies to further copies");
        } else {
            bundle.putNull("fee");
        }
        bundle.set("consents", consents);
        bundle.set("consentHistory", consentHistory);
        bundle.set("holdings", holdings);
        bundle.set("auditEvents", events);
        if (sealed.get()) {
            bundle.put("auditEventsSealed", true);
        }
        bundle.set("requests", requestsOfSubject.apply(subject));
        return bundle;
    }

    /** Every entry of a paged list, read a full page at a time until a page comes back short. */
    private ArrayNode allPages(String service, java.util.function.IntFunction<JsonNode> pageReader) {
        ArrayNode all = json.createArrayNode();
        for (int page = 0;; page++) {
            int current = page;
            JsonNode entries = call(service, () -> pageReader.apply(current));
            entries.forEach(all::add);
            if (entries.size() < PAGE) {
                return all;
            }
        }
    }

    private static JsonNode call(String service, Supplier<JsonNode> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            LOG.warnf("export: %s did not answer: %s", service, e.toString());
            throw new ProblemException(502, "Bad Gateway", service + " did not answer; the export was not produced "
                    + "and no copy was counted: try again later");
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
