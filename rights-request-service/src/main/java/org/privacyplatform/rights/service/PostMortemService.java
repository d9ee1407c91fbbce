package org.privacyplatform.rights.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.privacyplatform.commons.events.DeathRecorded;
import org.privacyplatform.commons.events.EventType;
import org.privacyplatform.commons.outbox.Outbox;
import org.privacyplatform.commons.problem.ProblemException;
import org.privacyplatform.commons.security.Actor;
import org.privacyplatform.commons.time.ParisDay;
import org.privacyplatform.rights.PostMortemInstructions;
import org.privacyplatform.rights.PostMortemInstructions.Choice;
import org.privacyplatform.rights.PostMortemInstructions.Kind;
import org.privacyplatform.rights.RecordedDeath;
import org.privacyplatform.rights.RequestType;
import org.privacyplatform.rights.RightsRequest;
import org.privacyplatform.rights.repository.PostMortemRepository;
import org.privacyplatform.rights.repository.RequestRepository;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Post-mortem instructions (art. 85 loi Informatique et Libertés): not a request and not on the Art. 12 clock. The
 * subject registers, replaces or revokes them, each a new version; when the DPO records the death, the latest version
 * applies unless it is a revocation: ERASE files an erasure and sets it in motion, KEEP leaves the data, and
 * PASS_TO_DESIGNATED_PERSON lets the designated person, a subject of the platform, file an access or an erasure for
 * the deceased and read what it yields.
 */
@ApplicationScoped
@Transactional
public class PostMortemService {

    /** The day a date of death is read in: the subject's and the DPO's, in France. */
    static final ZoneId PARIS = ParisDay.ZONE;

    /** What the subject registers. {@code designatedSubjectId} or {@code designatedName} (with a contact) or neither. */
    public record Instructions(Kind kind, Choice choice, String scope, String designatedSubjectId, String designatedName,
            String designatedContact) {
    }

    /** The instructions in force (null: none, or revoked), every version, and the death if recorded. */
    public record OnFile(PostMortemInstructions current, List<PostMortemInstructions> versions, RecordedDeath death) {
    }

    /** The death recorded, the instructions it applied (null: none in force), and the requests it filed or closed. */
    public record Applied(RecordedDeath death, PostMortemInstructions instructions, List<RightsRequest> requests) {
    }

    private final PostMortemRepository instructions;
    private final RequestRepository requests;
    private final RequestService requestService;
    private final Outbox outbox;
    private final ObjectMapper json;
    private final Clock clock;

    public PostMortemService(PostMortemRepository instructions, RequestRepository requests, RequestService requestService,
            Outbox outbox, ObjectMapper json, Clock clock) {
        this.instructions = instructions;
        this.requests = requests;
        this.requestService = requestService;
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public OnFile onFile(String subjectId) {
        List<PostMortemInstructions> versions = instructions.versions(subjectId);
        PostMortemInstructions latest = versions.isEmpty() ? null : versions.get(versions.size() - 1);
        return new OnFile(latest == null || latest.revoked() ? null : latest, versions,
                instructions.death(subjectId).orElse(null));
    }

    /** Registers new instructions, or replaces those in force: a new version, the earlier ones kept. */
    public OnFile register(String subjectId, Instructions given, Actor actor, String note) {
        validate(subjectId, given);
        instructions.lockSubject(subjectId);
        requireAlive(subjectId);
        PostMortemInstructions version = next(subjectId, given.kind(), actor, note);
        version.choice = given.choice();
        version.scope = given.scope();
        version.designatedSubjectId = given.designatedSubjectId();
        version.designatedName = given.designatedName();
        version.designatedContact = given.designatedContact();
        instructions.persist(version);
        return onFile(subjectId);
    }

    /** Revokes the instructions in force: recorded as a version of its own; nothing applies until new ones. */
    public OnFile revoke(String subjectId, Actor actor) {
        instructions.lockSubject(subjectId);
        requireAlive(subjectId);
        Optional<PostMortemInstructions> latest = instructions.latest(subjectId);
        if (latest.isEmpty() || latest.get().revoked()) {
            throw ProblemException.conflict("subject " + subjectId + " has no post-mortem instructions in force to revoke");
        }
        instructions.persist(next(subjectId, Kind.REVOKED, actor, "revoked version " + latest.get().version));
        return onFile(subjectId);
    }

    /**
     * The DPO records the subject's death, once: the latest instructions apply unless revoked. ERASE files an erasure
     * request on the death's evidence and sets it in motion; KEEP and PASS_TO_DESIGNATED_PERSON file nothing (the
     * designated person acts themselves). Instructions once kept as requests (before migration V4) are closed as
     * superseded: their content became a version of the instructions.
     */
    public Applied recordDeath(String subjectId, LocalDate diedOn, String evidence, Actor actor) {
        // a date people give is a Paris date: at 00:30 in Paris, today there is still yesterday in UTC
        LocalDate today = LocalDate.ofInstant(clock.instant(), PARIS);
        if (diedOn.isAfter(today)) {
            throw ProblemException.badRequest("diedOn", "the date of death " + diedOn + " is in the future (today is "
                    + today + " in Paris)");
        }
        instructions.lockSubject(subjectId);
        Optional<RecordedDeath> earlier = instructions.death(subjectId);
        if (earlier.isPresent()) {
            throw ProblemException.conflict("the death of subject " + subjectId + " was already recorded on "
                    + earlier.get().recordedAt.toLocalDate() + " (died on " + earlier.get().diedOn + ")");
        }
        PostMortemInstructions applied = onFile(subjectId).current();
        RecordedDeath death = new RecordedDeath();
        death.subjectId = subjectId;
        death.diedOn = diedOn;
        death.evidence = evidence;
        death.recordedAt = now();
        death.actor = actor.id();
        death.appliedVersion = applied == null ? null : applied.version;
        death.appliedChoice = applied == null ? null : applied.choice;
        instructions.persistDeath(death);
        List<RightsRequest> touched = new ArrayList<>();
        for (RightsRequest legacy : requests.inProgress(subjectId, RequestType.POST_MORTEM_INSTRUCTIONS)) {
            touched.add(requestService.closeSuperseded(legacy.id, actor, "superseded by the post-mortem instructions "
                    + "resource (migration V4); death recorded, died on " + diedOn));
        }
        if (applied != null && applied.choice == Choice.ERASE) {
            RightsRequest erasure = requestService.file(new RequestService.FileRequest(subjectId, RequestType.ERASURE,
                    json.createObjectNode().put("origin", "post-mortem instructions version " + applied.version)
                            .put("diedOn", diedOn.toString()),
                    actor, null));
            touched.add(0, requestService.verifyIdentity(erasure.id, actor));
        }
        // the event carries the date and a count, never the evidence or the designated person
        outbox.record(EventType.DEATH_RECORDED, subjectId, new DeathRecorded(subjectId, diedOn, applied == null ? 0 : 1));
        return new Applied(death, applied, touched);
    }

    /**
     * Whether {@code caller} (a subject's sub) is the person the deceased {@code subjectId} designated to act on their
     * data: their death is recorded and the instructions it applied pass the data to this caller.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean actsFor(String caller, String subjectId) {
        Optional<RecordedDeath> death = instructions.death(subjectId);
        if (caller == null || death.isEmpty() || death.get().appliedChoice != Choice.PASS_TO_DESIGNATED_PERSON) {
            return false;
        }
        return instructions.versions(subjectId).stream()
                .filter(v -> v.version == death.get().appliedVersion)
                .anyMatch(v -> caller.equals(v.designatedSubjectId));
    }

    private PostMortemInstructions next(String subjectId, Kind kind, Actor actor, String note) {
        PostMortemInstructions version = new PostMortemInstructions();
        version.subjectId = subjectId;
        version.version = instructions.latest(subjectId).map(v -> v.version + 1).orElse(1);
        version.kind = kind;
        version.recordedAt = now();
        version.actorType = actor.type();
        version.actor = actor.id();
        version.note = note;
        return version;
    }

    private void requireAlive(String subjectId) {
        instructions.death(subjectId).ifPresent(death -> {
            throw ProblemException.conflict("the death of subject " + subjectId + " is recorded (died on " + death.diedOn
                    + "): their post-mortem instructions were applied and can no longer change");
        });
    }

    private static void validate(String subjectId, Instructions given) {
        boolean person = given.designatedSubjectId() != null || given.designatedName() != null;
        if (given.designatedSubjectId() != null && given.designatedName() != null) {
            throw ProblemException.badRequest("designatedPerson", "name the designated person either by their subject id "
                    + "on the platform or by a name and a contact, not both");
        }
        if (given.designatedName() != null && given.designatedContact() == null) {
            throw ProblemException.badRequest("designatedPerson.contact", "a designated person named outside the "
                    + "platform needs a contact");
        }
        if (given.designatedName() == null && given.designatedContact() != null) {
            throw ProblemException.badRequest("designatedPerson.name", "a contact needs the designated person's name");
        }
        if (subjectId.equals(given.designatedSubjectId())) {
            throw ProblemException.badRequest("designatedPerson.subjectId", "the subject cannot designate themselves");
        }
        if (given.choice() == Choice.PASS_TO_DESIGNATED_PERSON && !person) {
            throw ProblemException.badRequest("designatedPerson", "PASS_TO_DESIGNATED_PERSON needs a designated person");
        }
        if (given.kind() == Kind.SPECIFIC && (given.scope() == null || given.scope().isBlank())) {
            throw ProblemException.badRequest("scope", "specific instructions say which data or processing they concern");
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

}
