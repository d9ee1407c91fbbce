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
 * the consent, retention and audit services and this service's own requests, with the Art. 15(1) information (the
 * consent service's notice, the retention rules in force, where to complain). The first copy is free; each later one
 * is counted and carries the configured fee, once the caller has agreed to it (Art. 15(3)); a download retried by the
 * same caller within the retry window is the same copy.
 */
@ApplicationScoped
public class ExportService {

    public static final String FORMAT = "privacy-platform-export/1";
    /** History actions: a counted copy, and a download retried within the window. */
    static final String EXPORTED = "EXPORTED copy ";
    static final String RETRIED = "EXPORT RETRIED copy ";
    private static final Logger LOG = Logger.getLogger(ExportService.class);
    /** The largest page the other services answer (PageRequest.MAX_SIZE). */
    private static final int PAGE = 500;

    private final RequestRepository requests;
    private final PlatformClients.Consent consent;
    private final PlatformClients.Retention retention;
    private final PlatformClients.Audit audit;
    private final PlatformClients.Notice notice;
    private final PlatformClients.Policies policies;
    private final RightsConfig config;
    private final ObjectMapper json;
    private final Clock clock;

    public ExportService(RequestRepository requests, @RestClient PlatformClients.Consent consent,
            @RestClient PlatformClients.Retention retention, @RestClient PlatformClients.Audit audit,
            @RestClient PlatformClients.Notice notice, @RestClient PlatformClients.Policies policies, RightsConfig config,
            ObjectMapper json, Clock clock) {
        this.notice = notice;
        this.policies = policies;
        this.requests = requests;
        this.consent = consent;
        this.retention = retention;
        this.audit = audit;
        this.config = config;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Which copy a download is: the same copy again when the same caller retries within the retry window (not counted,
     * no fee again), otherwise the next one, which after the first is paid and needs the caller's agreement.
     */
    record Copy(int number, boolean retried) {
    }

    /**
     * The bundle, with {@code requests} filled in by the caller (the request views of this service). A paid copy the
     * caller has not agreed to ({@code acceptFee}) is refused before anything is gathered or counted (FeeNotAgreed).
     */
    public ObjectNode export(UUID requestId, Actor actor, boolean acceptFee,
            java.util.function.Function<String, JsonNode> requestsOfSubject) {
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
        // the caller is told of a fee before anything is gathered or counted
        QuarkusTransaction.requiringNew().run(() -> copy(request, actor, acceptFee));
        String subject = request.subjectId;
        // gather first: a service that cannot answer costs the subject no copy
        JsonNode consents = call("consent-service", () -> consent.consents(subject));
        JsonNode consentHistory = allPages("consent-service", page -> consent.history(subject, page, PAGE));
        JsonNode holdings = allPages("retention-service", page -> retention.schedule(subject, page, PAGE));
        JsonNode noticeJsonLd = call("consent-service", () -> {
            try {
                return json.readTree(notice.jsonLd("en"));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("the notice is not JSON", e);
            }
        });
        JsonNode retentionPolicies = allPages("retention-service", page -> policies.policies(page, PAGE));
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
        Copy copy = QuarkusTransaction.requiringNew().call(() -> {
            RightsRequest locked = requests.lock(requestId).orElseThrow();
            Copy decided = copy(locked, actor, acceptFee); // again under the lock: two downloads at once count once each
            RequestHistory entry = new RequestHistory();
            entry.requestId = locked.id;
            entry.at = now();
            entry.fromStatus = locked.status;
            entry.toStatus = locked.status;
            entry.actorType = actor.type();
            entry.actor = actor.id();
            if (decided.retried()) {
                entry.action = RETRIED + decided.number();
                entry.note = "the same copy, downloaded again within " + config.export().retryWindow() + ": not counted";
            } else {
                locked.exportCopies = decided.number();
                entry.action = EXPORTED + decided.number();
                entry.note = decided.number() > 1 ? "fee agreed: " + fee().toPlainString() + " " + config.export().currency()
                        : null;
            }
            requests.persistHistory(entry);
            return decided;
        });
        ObjectNode bundle = json.createObjectNode();
        bundle.put("format", FORMAT);
        bundle.put("subjectId", subject);
        bundle.put("requestId", requestId.toString());
        bundle.put("requestType", request.type.name());
        bundle.set("generatedAt", json.valueToTree(now())); // written as every other time of the API
        bundle.put("copy", copy.number());
        if (copy.number() > 1) {
            bundle.putObject("fee").put("amount", fee()).put("currency", config.export().currency())
                    .put("basis", "Art. 15(3) GDPR: the first copy is free; a reasonable fee applies to further copies")
                    .put("agreed", true);
        } else {
            bundle.putNull("fee");
        }
        bundle.set("information", information(noticeJsonLd, retentionPolicies));
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

    /**
     * The copy a download is. The same caller downloading again within the retry window of their last counted copy
     * gets that copy; anyone else, or later, gets the next, which after the first needs {@code acceptFee}.
     */
    private Copy copy(RightsRequest request, Actor actor, boolean acceptFee) {
        OffsetDateTime windowStart = now().minus(config.export().retryWindow());
        RequestHistory last = requests.lastHistory(request.id, EXPORTED + "%");
        if (last != null && request.exportCopies > 0 && !last.at.isBefore(windowStart) && last.actorType == actor.type()
                && last.actor.equals(actor.id())) {
            return new Copy(request.exportCopies, true);
        }
        int next = request.exportCopies + 1;
        if (next > 1 && !acceptFee) {
            throw new FeeNotAgreed(next, fee(), config.export().currency());
        }
        return new Copy(next, false);
    }

    /**
     * Art. 15(1): what the subject is told besides the data. The consent service's notice (JSON-LD, W3C DPV) gives the
     * purposes (a), categories of data (b), recipients (c), storage periods (d), the rights (e) and the sources (g),
     * per purpose; the retention service's rules in force give the periods and their criteria (d); the supervisory
     * authority is this service's (f).
     */
    private ObjectNode information(JsonNode noticeJsonLd, JsonNode retentionPolicies) {
        ObjectNode information = json.createObjectNode();
        information.put("basis", "Art. 15(1) GDPR: purposes (a), categories of personal data (b), recipients (c), "
                + "retention periods or criteria (d), the rights to rectification, erasure, restriction and objection (e), "
                + "the right to lodge a complaint (f), the sources of the data (g)");
        information.set("notice", noticeJsonLd);
        information.set("retentionPolicies", retentionPolicies);
        String authority = config.supervisoryAuthority().name();
        information.putObject("complaint").put("authority", authority).put("url", config.supervisoryAuthority().url())
                .put("notice", "You may lodge a complaint with " + authority + " (Art. 15(1)(f), 77 GDPR) and seek a "
                        + "judicial remedy (Art. 79).");
        return information;
    }

    private BigDecimal fee() {
        return config.export().feePerAdditionalCopy();
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
