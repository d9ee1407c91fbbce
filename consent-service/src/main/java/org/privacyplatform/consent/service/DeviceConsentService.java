package org.privacyplatform.consent.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.privacyplatform.commons.problem.ProblemException;
import org.privacyplatform.commons.security.Actor;
import org.privacyplatform.commons.security.ActorType;
import org.privacyplatform.consent.ConsentState;
import org.privacyplatform.consent.ConsentStatus;
import org.privacyplatform.consent.DeviceLink;
import org.privacyplatform.consent.LegalBasis;
import org.privacyplatform.consent.repository.ConsentStateRepository;
import org.privacyplatform.consent.repository.DeviceLinkRepository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Consents of visitors who are not logged in, kept per device (the consent banner), and a subject joining a device's
 * choices. A device's choices are recorded exactly as a subject's (state, history, events), under the device's
 * reference ({@link DeviceReferences}), with the visitor as the actor ({@code SUBJECT}, the reference as its id).
 */
@ApplicationScoped
@Transactional
public class DeviceConsentService {

    /** The source of a refusal the service records for a direct-marketing purpose under Global Privacy Control. */
    public static final String SOURCE_GPC = "gpc";
    /** What a visitor's banner may declare: the browser or an app, before login. */
    static final Set<String> DEVICE_SOURCES = Set.of("web", "mobile");

    /** A device's decision; {@code gpc}: the request carried Global Privacy Control ({@code Sec-GPC: 1} or the body). */
    public record DeviceDecision(String deviceRef, String purposeId, boolean granted, String noticeVersion, String source,
            Integer privacyNoticeVersion, boolean gpc) {
    }

    /** The link and the subject's consents taken over from the device. */
    public record Joined(DeviceLink link, List<ConsentState> adopted) {
    }

    private final ConsentService consents;
    private final PurposeCatalog catalog;
    private final ConsentStateRepository states;
    private final DeviceLinkRepository links;
    private final Clock clock;

    public DeviceConsentService(ConsentService consents, PurposeCatalog catalog, ConsentStateRepository states,
            DeviceLinkRepository links, Clock clock) {
        this.consents = consents;
        this.catalog = catalog;
        this.states = states;
        this.links = links;
        this.clock = clock;
    }

    /**
     * Records a visitor's choice. Global Privacy Control: the first choice a device records on a direct-marketing
     * purpose, made while the browser sends the signal, is a refusal (source {@code gpc}) whatever the banner sent, so a
     * banner's "accept all" never grants marketing against the signal; once the device has a choice there, a grant is
     * the visitor's own explicit choice and is recorded as sent. A first refusal made under the signal (the banner
     * refuses every consent cookie on its own when it reads it) is recorded with source {@code gpc} too, so the history
     * says why the device refused.
     */
    public ConsentService.Recorded record(DeviceDecision decision) {
        if (!DEVICE_SOURCES.contains(decision.source())) {
            throw ProblemException.badRequest("source", "a device records a decision with source web or mobile, not '"
                    + decision.source() + "'");
        }
        Actor visitor = new Actor(ActorType.SUBJECT, decision.deviceRef());
        PurposeCatalog.Entry purpose = consents.checkDecision(new ConsentService.RecordDecision(decision.deviceRef(),
                decision.purposeId(), decision.granted(), decision.noticeVersion(), decision.source(), visitor,
                decision.privacyNoticeVersion()));
        if (!purpose.deviceEligible()) {
            throw ProblemException.conflict("purpose '" + purpose.id() + "' is not decided on a device before login: "
                    + "a subject decides it once logged in");
        }
        consents.lockSubject(decision.deviceRef());
        boolean firstChoice = states.lockFor(decision.deviceRef(), purpose.id()).isEmpty();
        boolean refusedByGpc = decision.gpc() && decision.granted() && purpose.directMarketing() && firstChoice;
        boolean optOutByGpc = decision.gpc() && !decision.granted() && firstChoice;
        ConsentStatus target = ConsentService.targetOf(purpose, decision.granted() && !refusedByGpc);
        return consents.change(purpose, decision.deviceRef(), target, decision.noticeVersion(),
                refusedByGpc || optOutByGpc ? SOURCE_GPC : decision.source(), visitor, ConsentService.reasonOf(target),
                decision.privacyNoticeVersion(), null);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ConsentState> current(String deviceRef) {
        return states.forSubject(deviceRef);
    }

    /**
     * The subject joins the device's choices: each choice the device made after the subject's own on that purpose (or
     * where the subject never decided) becomes the subject's, recorded in their history with the device's source and
     * notice version, by {@code actor}, with its events; a grant keeps the device's expiry. A lapsed grant is not taken
     * over. The device is then the subject's: joining it again takes over what it decided since; another subject: 409.
     */
    public Joined join(String subjectId, String deviceRef, Actor actor) {
        if (DeviceReferences.isDevice(subjectId)) {
            throw ProblemException.badRequest("subjectId", "a device's reference is not a subject");
        }
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        // always the device first, then the subject: two joins never wait for each other in opposite orders
        consents.lockSubject(deviceRef);
        consents.lockSubject(subjectId);
        DeviceLink link = links.findByIdOptional(deviceRef).orElse(null);
        if (link != null && !link.subjectId.equals(subjectId)) {
            throw ProblemException.conflict("this device was joined by another subject");
        }
        if (link == null) {
            link = new DeviceLink();
            link.deviceRef = deviceRef;
            link.subjectId = subjectId;
            link.linkedAt = now;
            links.persist(link);
        }
        Map<String, ConsentState> own = states.forSubject(subjectId).stream()
                .collect(Collectors.toMap(s -> s.purposeId, Function.identity()));
        List<ConsentState> adopted = new ArrayList<>();
        for (ConsentState choice : states.forSubject(deviceRef)) {
            PurposeCatalog.Entry purpose = catalog.find(choice.purposeId).orElse(null);
            boolean lapsed = choice.expiresAt != null && !choice.expiresAt.isAfter(now);
            boolean takesOver = purpose != null && purpose.legalBasis() == LegalBasis.CONSENT
                    && (choice.status == ConsentStatus.WITHDRAWN || choice.status == ConsentStatus.GRANTED && !lapsed);
            ConsentState mine = own.get(choice.purposeId);
            if (!takesOver || mine != null && !choice.decidedAt.isAfter(mine.decidedAt)) {
                continue;
            }
            ConsentService.Recorded recorded = consents.change(purpose, subjectId, choice.status, choice.noticeVersion,
                    choice.source, actor, ConsentService.reasonOf(choice.status), null,
                    choice.status == ConsentStatus.GRANTED ? choice.expiresAt : null);
            if (recorded.changed()) {
                adopted.add(recorded.state());
            }
        }
        return new Joined(link, adopted);
    }
}
