package org.privacyplatform.rights.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.privacyplatform.commons.events.ErasureRequested;
import org.privacyplatform.commons.events.EventType;
import org.privacyplatform.commons.events.ObjectionRecorded;
import org.privacyplatform.commons.events.ProcessingRestricted;
import org.privacyplatform.commons.events.RecipientOutcomeReported;
import org.privacyplatform.commons.events.RequestEvent;
import org.privacyplatform.commons.events.RestrictionLifted;
import org.privacyplatform.commons.outbox.Outbox;
import org.privacyplatform.commons.privacy.Pseudonyms;
import org.privacyplatform.commons.problem.ProblemException;
import org.privacyplatform.commons.security.Actor;
import org.privacyplatform.commons.security.ActorType;
import org.privacyplatform.commons.security.Roles;
import org.privacyplatform.rights.PostMortemInstructions;
import org.privacyplatform.rights.Recipient;
import org.privacyplatform.rights.RecipientOutcome;
import org.privacyplatform.rights.RejectionGround;
import org.privacyplatform.rights.RequestHistory;
import org.privacyplatform.rights.RequestStatus;
import org.privacyplatform.rights.RequestType;
import org.privacyplatform.rights.RightsRequest;
import org.privacyplatform.rights.repository.PostMortemRepository;
import org.privacyplatform.rights.repository.RecipientRepository;
import org.privacyplatform.rights.repository.RequestRepository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Requests and their Art. 12 clock: filing, identity verification (before any disclosure or erasure),
 * the one extension, rejection, and what each right sets in motion. Every step is a history record and an
 * event, written in the same transaction.
 */
@ApplicationScoped
@Transactional
public class RequestService {

    /**
     * A request as filed: by the subject themselves, or by the DPO for a request received by post or e-mail, who
     * may say when it was received ({@code receivedAt}; null: now). The Art. 12(3) clock starts at receipt.
     */
    public record FileRequest(String subjectId, RequestType type, JsonNode details, Actor filedBy,
            OffsetDateTime receivedAt) {
    }

    /** No request under the GDPR was received before it applied. */
    static final OffsetDateTime GDPR_APPLIES = OffsetDateTime.parse("2018-05-25T00:00:00Z");

    /** This service acting by its own rule (a request closed once every recipient answered). */
    public static final Actor SELF = Actor.system("rights-request-service");

    /** An outcome reported by a recipient. */
    public record Outcome(String recipientId, String status, JsonNode erased, JsonNode kept, String note) {
    }

    private final RequestRepository requests;
    private final RecipientRepository recipients;
    private final PostMortemRepository postMortem;
    private final Outbox outbox;
    private final ObjectMapper json;
    private final Pseudonyms pseudonyms;
    private final Clock clock;

    public RequestService(RequestRepository requests, RecipientRepository recipients, PostMortemRepository postMortem,
            Outbox outbox, ObjectMapper json, Pseudonyms pseudonyms, Clock clock) {
        this.postMortem = postMortem;
        this.pseudonyms = pseudonyms;
        this.requests = requests;
        this.recipients = recipients;
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
    }

    public RightsRequest file(FileRequest command) {
        if (command.type() == RequestType.POST_MORTEM_INSTRUCTIONS) {
            throw ProblemException.badRequest("type", "post-mortem instructions are not a request on the Art. 12 clock: "
                    + "the subject registers them with PUT /subjects/{subjectId}/post-mortem-instructions");
        }
        OffsetDateTime now = now();
        OffsetDateTime receivedAt = receivedAt(command, now);
        if (command.type() == RequestType.RECTIFICATION) {
            requireCorrections(command.details());
        }
        RightsRequest request = new RightsRequest();
        request.id = UUID.randomUUID();
        request.subjectId = command.subjectId();
        request.type = command.type();
        request.status = RequestStatus.RECEIVED;
        request.details = write(command.details() == null ? json.createObjectNode() : command.details());
        request.filedBy = command.filedBy().type() == ActorType.DPO ? Roles.DPO : Roles.DATA_SUBJECT;
        request.receivedAt = receivedAt;
        request.dueAt = RequestClock.dueAt(receivedAt);
        requests.persist(request);
        history(request, "RECEIVED", null, command.filedBy(), command.receivedAt() == null ? null
                : "receivedAt set to " + receivedAt + " (received by post or e-mail, filed later)");
        // RequestReceived's `at` is the receipt, when the clock started; its ce_time is the filing
        outbox.record(EventType.REQUEST_RECEIVED, request.subjectId, new RequestEvent(request.id.toString(),
                request.subjectId, request.type.name(), request.status.name(), receivedAt, request.dueAt, null));
        return request;
    }

    /** At most this many corrections in one rectification request. */
    public static final int MAX_CORRECTIONS = 50;

    /**
     * Art. 16: a rectification says what is wrong and what it should say: {@code details.corrections}, an object of
     * 1 to {@value #MAX_CORRECTIONS} entries, each the data concerned (at most 100 characters) and its correct value
     * (text, at most 2,000 characters). Checked before anything is written.
     */
    private static void requireCorrections(JsonNode details) {
        JsonNode corrections = details == null ? null : details.get("corrections");
        if (corrections == null || !corrections.isObject() || corrections.isEmpty()) {
            throw ProblemException.badRequest("details.corrections", "a rectification lists its corrections: "
                    + "details.corrections, an object of each data concerned and its correct value, e.g. "
                    + "{\"corrections\": {\"postal address\": \"12 rue des Lilas, Lyon\"}}");
        }
        if (corrections.size() > MAX_CORRECTIONS) {
            throw ProblemException.badRequest("details.corrections", "at most " + MAX_CORRECTIONS
                    + " corrections in one request");
        }
        var fields = corrections.fields();
        while (fields.hasNext()) {
            var correction = fields.next();
            if (correction.getKey().isBlank() || correction.getKey().length() > 100) {
                throw ProblemException.badRequest("details.corrections", "each correction names its data in 1 to 100 "
                        + "characters");
            }
            if (!correction.getValue().isTextual() || correction.getValue().asText().isBlank()
                    || correction.getValue().asText().length() > 2000) {
                throw ProblemException.badRequest("details.corrections", "each correction gives the correct value as "
                        + "text of 1 to 2000 characters");
            }
        }
    }

    /**
     * When the request was received: now, or the date the DPO gives for a request that came by post or e-mail
     * (never in the future; nobody else may backdate the clock). Checked before anything is written.
     */
    private static OffsetDateTime receivedAt(FileRequest command, OffsetDateTime now) {
        if (command.receivedAt() == null) {
            return now;
        }
        if (command.filedBy().type() != ActorType.DPO) {
            throw ProblemException.forbidden("only the DPO may set receivedAt, when filing a request received by post "
                    + "or e-mail; a request filed by its subject is received when it is filed");
        }
        OffsetDateTime receivedAt = command.receivedAt().withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        if (receivedAt.isAfter(now)) {
            throw ProblemException.badRequest("receivedAt", "receivedAt " + command.receivedAt()
                    + " is in the future: a request is filed once it has been received");
        }
        if (receivedAt.isBefore(GDPR_APPLIES)) {
            throw ProblemException.badRequest("receivedAt", "receivedAt " + command.receivedAt()
                    + " is before the GDPR applied (" + GDPR_APPLIES.toLocalDate() + ")");
        }
        return receivedAt;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public RightsRequest get(UUID id) {
        return requests.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("no request " + id));
    }

    /** Art. 12(6): identity verified, the request's right is set in motion. */
    public RightsRequest verifyIdentity(UUID id, Actor actor) {
        RightsRequest request = lock(id);
        move(request, RequestStatus.IDENTITY_VERIFIED, "IDENTITY_VERIFIED", actor, null);
        request.identityVerifiedAt = now();
        emit(EventType.IDENTITY_VERIFIED, request, null);
        start(request, actor);
        return request;
    }

    /**
     * Art. 12(3): once, before the first due date, with the reasons for the delay, which the request shows the
     * subject. The new due date is the earlier of the first plus two months and receipt plus three months.
     */
    public RightsRequest extend(UUID id, String reason, Actor actor) {
        RightsRequest request = lock(id);
        requireOpen(request);
        if (request.extendedAt != null) {
            throw ProblemException.conflict("request " + id + " was already extended on " + request.extendedAt
                    + ": Art. 12(3) allows one extension");
        }
        OffsetDateTime now = now();
        OffsetDateTime firstDueAt = RequestClock.dueAt(request.receivedAt);
        if (!now.isBefore(firstDueAt)) {
            throw ProblemException.conflict("the first month of request " + id + " ended on " + firstDueAt
                    + ": it can no longer be extended (Art. 12(3): the subject is told of an extension within one "
                    + "month of receipt)");
        }
        request.extendedAt = now;
        request.extensionReason = reason;
        request.dueAt = RequestClock.extendedDueAt(request.receivedAt);
        history(request, "EXTENDED", request.status, actor, reason);
        emit(EventType.REQUEST_EXTENDED, request, null); // the reasons stay here, with the request
        return request;
    }

    /** Art. 12(4), 12(5): refused, on a ground; the answer tells the subject where to complain. */
    public RightsRequest reject(UUID id, RejectionGround ground, String detail, Actor actor) {
        RightsRequest request = lock(id);
        if (ground == RejectionGround.COMPELLING_LEGITIMATE_GROUNDS) {
            requireObjectionUnderReview(request);
            if (detail == null || detail.isBlank()) {
                throw ProblemException.badRequest("detail", "refusing an objection, the DPO shows the compelling "
                        + "legitimate grounds that override the subject's interests, or the legal claims it serves: the "
                        + "subject reads them (Art. 21(1))");
            }
        }
        move(request, RequestStatus.REJECTED, "REJECTED", actor, ground + (detail == null ? "" : ": " + detail));
        request.rejectionGround = ground;
        request.rejectionDetail = detail;
        request.closedAt = now();
        emit(EventType.REQUEST_REJECTED, request, ground.name());
        return request;
    }

    /**
     * The DPO closes a request whose answer was given (access, portability, a rectification made by the controller
     * itself, a request with no recipient left).
     */
    public RightsRequest complete(UUID id, String note, Actor actor) {
        RightsRequest request = lock(id);
        if (request.type == RequestType.OBJECTION && request.status == RequestStatus.IN_PROGRESS) {
            throw ProblemException.conflict("request " + id + " is an objection under the DPO's review (Art. 21(1)): it "
                    + "ends by upholding it (POST /requests/" + id + "/uphold-objection), or by rejecting it on compelling "
                    + "legitimate grounds (POST /requests/" + id + "/reject with ground COMPELLING_LEGITIMATE_GROUNDS and "
                    + "the grounds in detail), never by a plain completion");
        }
        List<String> pending = requests.pendingRecipients(request.id);
        if (!pending.isEmpty()) {
            throw ProblemException.conflict("request " + id + " still waits for " + String.join(", ", pending));
        }
        if (request.type == RequestType.RESTRICTION && request.status == RequestStatus.IN_PROGRESS) {
            throw ProblemException.conflict("a restriction ends by lifting it, after the subject has been told (Art. 18(3))");
        }
        if (request.type == RequestType.RECTIFICATION && (note == null || note.isBlank())) {
            throw ProblemException.badRequest("note", "completing a rectification, the DPO says in the note what the "
                    + "controller corrected (Art. 16): the subject reads it");
        }
        close(request, RequestStatus.COMPLETED, actor, note);
        return request;
    }

    /**
     * Art. 21(1): the DPO upholds an objection to processing other than direct marketing: the consent service stops
     * the purposes named here (or those the subject named; with none, every legitimate-interest purpose). Upheld for
     * every purpose objected to, the request completes; upheld for only some of them (the subject named purposes and
     * the DPO leaves some out, or the subject named none and the DPO names some), the DPO shows the compelling
     * legitimate grounds for the rest ({@code grounds}, required), the subject reads them with the complaint notice,
     * and the request closes PARTIALLY_COMPLETED. A purpose the subject did not object to is refused. Refusing the
     * whole objection is a rejection on {@link RejectionGround#COMPELLING_LEGITIMATE_GROUNDS}.
     */
    public RightsRequest upholdObjection(UUID id, List<String> purposeIds, String note, String grounds, Actor actor) {
        RightsRequest request = lock(id);
        requireObjectionUnderReview(request);
        List<String> objectedTo = objectionPurposes(read(request.details));
        List<String> upheld = purposeIds == null || purposeIds.isEmpty() ? objectedTo : purposeIds.stream().distinct().toList();
        List<String> notObjectedTo = objectedTo.isEmpty() ? List.of()
                : upheld.stream().filter(p -> !objectedTo.contains(p)).toList();
        if (!notObjectedTo.isEmpty()) {
            throw ProblemException.badRequest("purposeIds", "the subject did not object to " + String.join(", ",
                    notObjectedTo) + ": an objection is upheld for purposes among those objected to ("
                    + String.join(", ", objectedTo) + ")");
        }
        List<String> notUpheld = objectedTo.stream().filter(p -> !upheld.contains(p)).toList();
        // the subject objected to every legitimate-interest purpose and the DPO stops only those it names
        boolean partial = !notUpheld.isEmpty() || (objectedTo.isEmpty() && !upheld.isEmpty());
        if (partial && (grounds == null || grounds.isBlank())) {
            throw ProblemException.badRequest("grounds", "upholding the objection for only some of the purposes objected "
                    + "to, the DPO shows the compelling legitimate grounds that override the subject's interests, or the "
                    + "legal claims it serves, for the others (" + (notUpheld.isEmpty()
                            ? "the other legitimate-interest purposes" : String.join(", ", notUpheld))
                    + "): the subject reads them (Art. 21(1))");
        }
        outbox.record(EventType.OBJECTION_RECORDED, request.subjectId, new ObjectionRecorded(request.id.toString(),
                request.subjectId, upheld, false, now()));
        String upheldFor = upheld.isEmpty() ? " (every legitimate-interest purpose)" : " (" + String.join(", ", upheld) + ")";
        String dpoNote = note == null || note.isBlank() ? "" : ": " + note;
        if (!partial) {
            close(request, RequestStatus.COMPLETED, actor, "objection upheld after review" + upheldFor + dpoNote);
            return request;
        }
        String rest = notUpheld.isEmpty() ? "the other legitimate-interest purposes" : String.join(", ", notUpheld);
        // what the subject reads beside the complaint notice: which purposes go on, and why
        request.rejectionGround = RejectionGround.COMPELLING_LEGITIMATE_GROUNDS;
        request.rejectionDetail = "not upheld for " + rest + ": " + grounds;
        close(request, RequestStatus.PARTIALLY_COMPLETED, actor, "objection upheld after review" + upheldFor
                + "; not upheld for " + rest + ", on compelling legitimate grounds" + dpoNote);
        return request;
    }

    private void requireObjectionUnderReview(RightsRequest request) {
        if (request.type != RequestType.OBJECTION || request.status != RequestStatus.IN_PROGRESS) {
            throw ProblemException.conflict("request " + request.id + " is a " + request.type + " request, "
                    + request.status + ": only an objection under the DPO's review is upheld or refused on compelling "
                    + "legitimate grounds");
        }
    }

    private static List<String> objectionPurposes(JsonNode details) {
        List<String> purposes = new ArrayList<>();
        details.path("purposeIds").forEach(p -> purposes.add(p.asText()));
        return purposes;
    }

    /** Art. 18(3): the restriction is lifted, recorded only once the subject has been told. */
    public RightsRequest liftRestriction(UUID id, OffsetDateTime subjectInformedAt, Actor actor) {
        RightsRequest request = lock(id);
        if (request.type != RequestType.RESTRICTION) {
            throw ProblemException.conflict("request " + id + " is a " + request.type + " request, not a restriction");
        }
        if (request.status != RequestStatus.IN_PROGRESS) {
            throw ProblemException.conflict("request " + id + " is " + request.status + ": no restriction stands");
        }
        OffsetDateTime now = now();
        if (subjectInformedAt.isAfter(now)) {
            throw ProblemException.badRequest("subjectInformedAt", "the subject must have been told before the lifting is recorded");
        }
        request.subjectInformedAt = subjectInformedAt;
        outbox.record(EventType.RESTRICTION_LIFTED, request.subjectId,
                new RestrictionLifted(request.id.toString(), request.subjectId, subjectInformedAt, now));
        close(request, outcomeStatus(request), actor, "restriction lifted; subject told at " + subjectInformedAt);
        return request;
    }

    /**
     * A recipient's answer: over REST from the calling system that speaks for it (any other system is refused,
     * before anything is read or written), from the DPO recording an answer given out of band (with a note saying
     * how), or a platform service's ErasureCompleted over Kafka.
     */
    public RightsRequest reportOutcome(UUID id, Outcome outcome, Actor actor) {
        if (actor.type() == ActorType.SERVICE && !requests.isHolderOf(id, outcome.recipientId(), actor.id())) {
            requireSpeaksFor(actor.id(), outcome.recipientId());
        }
        if (actor.type() == ActorType.DPO && (outcome.note() == null || outcome.note().isBlank())) {
            throw ProblemException.badRequest("note", "an answer the DPO records for a recipient was given out of band: "
                    + "the note says how and when (a letter, an e-mail, a call)");
        }
        RightsRequest request = lock(id);
        if ((request.type == RequestType.ERASURE || request.type == RequestType.RECTIFICATION)
                && !RecipientOutcome.DONE.equals(outcome.status()) && (outcome.note() == null || outcome.note().isBlank())) {
            throw ProblemException.badRequest("note", "a recipient answering " + outcome.status() + " to "
                    + (request.type == RequestType.ERASURE ? "an erasure" : "a rectification") + " gives its reason in "
                    + "the note: what it did not " + (request.type == RequestType.ERASURE ? "erase" : "correct")
                    + " and why (Art. " + (request.type == RequestType.ERASURE ? "17, 19" : "16, 19") + "); the subject reads it");
        }
        RecipientOutcome stored = requests.lockOutcome(id, outcome.recipientId()).orElseThrow(() -> ProblemException
                .notFound("recipient '" + outcome.recipientId() + "' was not asked about request " + id));
        if (!RecipientOutcome.PENDING.equals(stored.status)) {
            throw ProblemException.conflict("recipient '" + outcome.recipientId() + "' already answered request " + id
                    + " (" + stored.status + ")");
        }
        stored.status = outcome.status();
        stored.erased = outcome.erased() == null ? null : write(outcome.erased());
        stored.kept = outcome.kept() == null ? null : write(outcome.kept());
        stored.note = outcome.note();
        stored.reportedAt = now();
        history(request, "OUTCOME " + outcome.recipientId() + " " + outcome.status(), request.status, actor, outcome.note());
        outbox.record(EventType.RECIPIENT_OUTCOME_REPORTED, request.subjectId, new RecipientOutcomeReported(
                request.id.toString(), request.subjectId, outcome.recipientId(), outcome.status(), actor.type().name(),
                actor.systemId(), stored.reportedAt));
        if (requests.pendingRecipients(request.id).isEmpty() && request.status == RequestStatus.IN_PROGRESS
                && request.type != RequestType.RESTRICTION) {
            if (request.type == RequestType.RECTIFICATION && !answeredByASystemHoldingTheData(request)) {
                history(request, "CORRECTIONS_AWAIT_DPO", request.status, SELF, "no system that holds the subject's data "
                        + "was named or registered for rectification: the DPO completes the request once the corrections "
                        + "are made, saying so in the note");
            } else {
                close(request, outcomeStatus(request), SELF, "every recipient answered");
            }
        }
        return request;
    }

    /**
     * Art. 16: a rectification completes by itself only once a system that holds the data answered: a holder the
     * retention service named, or a recipient that is not a platform service (those hold none of the data to correct;
     * the retention service only names the holders). Otherwise the DPO confirms the controller's own correction.
     */
    private boolean answeredByASystemHoldingTheData(RightsRequest request) {
        java.util.Set<String> platformServices = new java.util.HashSet<>();
        recipients.listOrdered().stream().filter(r -> Recipient.PLATFORM_SERVICE.equals(r.kind)).forEach(r -> platformServices.add(r.id));
        return requests.outcomes(request.id).stream()
                .anyMatch(o -> o.holderSystem != null || !platformServices.contains(o.recipientId));
    }

    /**
     * Art. 16, 17, 19: the business systems the retention service names as holding the subject's data (erased from its
     * register, or to correct) are asked too (a PENDING outcome each, keyed by their client id, answered by that system
     * itself); one already asked is not asked twice. Applied before the retention service's own answer, in the same
     * transaction, so the request cannot complete before them.
     */
    public void askHolders(UUID id, List<String> holders) {
        RightsRequest request = lock(id);
        List<String> asked = new ArrayList<>();
        for (String system : holders) {
            String recipientId = holderRecipientId(system);
            if (recipientId == null || requests.lockOutcome(id, recipientId).isPresent()) {
                continue;
            }
            RecipientOutcome outcome = new RecipientOutcome();
            outcome.requestId = id;
            outcome.recipientId = recipientId;
            outcome.holderSystem = system;
            outcome.status = RecipientOutcome.PENDING;
            requests.persistOutcome(outcome);
            asked.add(recipientId);
        }
        if (!asked.isEmpty()) {
            history(request, request.type == RequestType.RECTIFICATION ? "HOLDERS_ASKED_TO_CORRECT" : "HOLDERS_ASKED",
                    request.status, SELF, "systems holding the subject's data, named by the retention service: "
                            + String.join(", ", asked));
        }
    }

    /** A holder's outcome is keyed by its client id, as a recipient id ({@code [a-z0-9-]}, 64 at most); else null. */
    static String holderRecipientId(String system) {
        if (system == null) {
            return null;
        }
        String id = system.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
        return id.matches("^[a-z0-9][a-z0-9-]{0,63}$") ? id : null;
    }

    /** Whether the request exists and still waits for this recipient's answer. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean awaits(UUID id, String recipientId) {
        return requests.pendingRecipients(id).contains(recipientId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<RecipientOutcome> outcomes(UUID id) {
        return requests.outcomes(id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<RequestHistory> history(UUID id) {
        return requests.history(id);
    }

    /**
     * A post-mortem instructions request from before migration V4 (its content is a version of the instructions now),
     * closed when the death is recorded.
     */
    public RightsRequest closeSuperseded(UUID id, Actor actor, String note) {
        RightsRequest request = lock(id);
        close(request, RequestStatus.COMPLETED, actor, note);
        return request;
    }

    /** What each right sets in motion once the subject's identity is verified. */
    private void start(RightsRequest request, Actor actor) {
        JsonNode details = read(request.details);
        switch (request.type) {
            case ERASURE -> {
                askRecipients(request);
                outbox.record(EventType.ERASURE_REQUESTED, request.subjectId,
                        new ErasureRequested(request.id.toString(), request.subjectId, now()));
                move(request, RequestStatus.IN_PROGRESS, "ERASURE_REQUESTED", actor, null);
            }
            case RESTRICTION -> {
                askRecipients(request);
                outbox.record(EventType.PROCESSING_RESTRICTED, request.subjectId, new ProcessingRestricted(
                        request.id.toString(), request.subjectId, now()));
                move(request, RequestStatus.IN_PROGRESS, "PROCESSING_RESTRICTED", actor, null);
            }
            case RECTIFICATION -> {
                // Art. 16, 19: complete only once each recipient confirmed the corrections or gave its reason not to;
                // with none registered, the controller's own correction is confirmed by the DPO completing it
                boolean asked = askRecipients(request);
                emit(EventType.RECTIFICATION_REQUESTED, request, null);
                move(request, RequestStatus.IN_PROGRESS, "RECTIFICATION_REQUESTED", actor, asked ? null
                        : "no recipient registered for rectification: the DPO completes the request once the "
                                + "corrections are made, saying so in the note");
            }
            case OBJECTION -> {
                // Art. 21(2), (3): an objection to direct marketing is absolute and applies at once (the consent service
                // applies it to the direct-marketing purposes among those named, or to all of them when none is named);
                // Art. 21(1): any other objection waits for the DPO's review
                outbox.record(EventType.OBJECTION_RECORDED, request.subjectId, new ObjectionRecorded(request.id.toString(),
                        request.subjectId, objectionPurposes(details), true, now()));
                if (details.path("directMarketingOnly").asBoolean(false)) {
                    close(request, RequestStatus.COMPLETED, actor, "objection to direct marketing passed to the consent "
                            + "service");
                } else {
                    move(request, RequestStatus.IN_PROGRESS, "OBJECTION_UNDER_REVIEW", actor, "the objection to direct "
                            + "marketing applies at once; to any other processing it awaits the DPO's review: upheld, or "
                            + "refused on compelling legitimate grounds (Art. 21(1))");
                }
            }
            case ACCESS, PORTABILITY -> move(request, RequestStatus.IN_PROGRESS, "IN_PROGRESS", actor, null);
            case POST_MORTEM_INSTRUCTIONS -> {
                // filed as a request before migration V4: registered as a version of the instructions, off the clock
                PostMortemInstructions version = new PostMortemInstructions();
                version.subjectId = request.subjectId;
                postMortem.lockSubject(request.subjectId);
                version.version = postMortem.latest(request.subjectId).map(v -> v.version + 1).orElse(1);
                version.kind = PostMortemInstructions.Kind.GENERAL;
                version.choice = details.path("erase").asBoolean(false) ? PostMortemInstructions.Choice.ERASE
                        : PostMortemInstructions.Choice.KEEP;
                version.recordedAt = now();
                version.actorType = actor.type();
                version.actor = actor.id();
                version.note = "from request " + request.id;
                postMortem.persist(version);
                move(request, RequestStatus.IN_PROGRESS, "IN_PROGRESS", actor, null);
                close(request, RequestStatus.COMPLETED, actor, "registered as post-mortem instructions version "
                        + version.version);
            }
        }
    }

    /** Creates a PENDING outcome for every active recipient of this type; returns whether there was any. */
    private boolean askRecipients(RightsRequest request) {
        List<Recipient> asked = recipients.activeFor(request.type);
        for (Recipient recipient : asked) {
            RecipientOutcome outcome = new RecipientOutcome();
            outcome.requestId = request.id;
            outcome.recipientId = recipient.id;
            outcome.status = RecipientOutcome.PENDING;
            requests.persistOutcome(outcome);
        }
        return !asked.isEmpty();
    }

    /** Completed when every recipient did everything; partially completed when something was kept or failed. */
    private RequestStatus outcomeStatus(RightsRequest request) {
        boolean partial = requests.answersShortOfDone(request.id) > 0;
        return partial ? RequestStatus.PARTIALLY_COMPLETED : RequestStatus.COMPLETED;
    }

    private void close(RightsRequest request, RequestStatus status, Actor actor, String note) {
        move(request, status, status.name(), actor, note);
        request.closedAt = now();
        emit(EventType.REQUEST_COMPLETED, request, status.name());
        if (request.type == RequestType.ERASURE && status != RequestStatus.REJECTED) {
            forget(request);
        }
    }

    /**
     * The erasure completed (RequestCompleted, just written, still names the subject so that the other services can
     * act on it): from now on this service keeps the subject's requests under their pseudonym only.
     */
    private void forget(RightsRequest request) {
        String pseudonym = pseudonyms.of(request.subjectId);
        requests.pseudonymise(request.subjectId, pseudonym, now());
        request.subjectId = pseudonym; // detached now: what the caller is shown, never written back
    }

    private void move(RightsRequest request, RequestStatus next, String action, Actor actor, String note) {
        if (!request.status.canMoveTo(next)) {
            throw ProblemException.conflict("request " + request.id + " is " + request.status + " and cannot become "
                    + next + " (allowed: " + request.status.allowedNext() + ")");
        }
        RequestStatus before = request.status;
        request.status = next;
        history(request, action, before, actor, note);
    }

    private void requireOpen(RightsRequest request) {
        if (request.status.isClosed()) {
            throw ProblemException.conflict("request " + request.id + " is already " + request.status);
        }
    }

    private RightsRequest lock(UUID id) {
        return requests.lock(id).orElseThrow(() -> ProblemException.notFound("no request " + id));
    }

    /** The recipient's catalogue entry must name {@code system} as the one that speaks for it, or 403. */
    private void requireSpeaksFor(String system, String recipientId) {
        Recipient recipient = recipients.findById(recipientId);
        if (recipient == null || !system.equals(recipient.reportedBy)) {
            throw ProblemException.forbidden("calling system '" + system + "' does not report for recipient '"
                    + recipientId + "': the recipients catalogue names the system that does");
        }
    }

    private void history(RightsRequest request, String action, RequestStatus from, Actor actor, String note) {
        RequestHistory entry = new RequestHistory();
        entry.requestId = request.id;
        entry.at = now();
        entry.action = action;
        entry.fromStatus = from;
        entry.toStatus = request.status;
        entry.actorType = actor.type();
        entry.actor = actor.id();
        entry.note = note;
        requests.persistHistory(entry);
    }

    private void emit(EventType type, RightsRequest request, String note) {
        outbox.record(type, request.subjectId, new RequestEvent(request.id.toString(), request.subjectId,
                request.type.name(), request.status.name(), now(), request.dueAt, note));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    private String write(JsonNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored details are not JSON", e);
        }
    }
}
