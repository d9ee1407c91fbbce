package org.privacyplatform.rights.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.privacyplatform.commons.events.EventType;
import org.privacyplatform.commons.events.RecipientsChanged;
import org.privacyplatform.commons.outbox.Outbox;
import org.privacyplatform.commons.problem.ProblemException;
import org.privacyplatform.rights.Recipient;
import org.privacyplatform.rights.repository.RecipientRepository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** The DPO's list of recipients (Art. 19). A recipient is never deleted: outcomes refer to it; it is deactivated. */
@ApplicationScoped
@Transactional
public class RecipientService {

    /** {@code reportedBy}: the calling system that reports a REST recipient's outcomes (required for REST, none for KAFKA). */
    public record RecipientChange(String id, String name, String kind, List<String> appliesTo, String channel,
            boolean active, String reportedBy) {
    }

    private final RecipientRepository recipients;
    private final Outbox outbox;
    private final Clock clock;

    public RecipientService(RecipientRepository recipients, Outbox outbox, Clock clock) {
        this.recipients = recipients;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Recipient> list(org.privacyplatform.commons.paging.PageRequest page) {
        return recipients.page(page);
    }

    /** Replaces the list: recipients left out are deactivated, not deleted. */
    public List<Recipient> replace(List<RecipientChange> changes) {
        for (RecipientChange change : changes) {
            requireReportingSystem(change);
        }
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        Map<String, RecipientChange> byId = new java.util.HashMap<>();
        changes.forEach(c -> byId.put(c.id(), c));
        for (Recipient existing : recipients.listOrdered()) {
            if (!byId.containsKey(existing.id) && existing.active) {
                existing.active = false;
                existing.updatedAt = now;
            }
        }
        for (RecipientChange change : changes) {
            Recipient recipient = recipients.findById(change.id());
            boolean created = recipient == null;
            if (created) {
                recipient = new Recipient();
                recipient.id = change.id();
            }
            recipient.name = change.name();
            recipient.kind = change.kind();
            recipient.appliesTo = String.join(",", change.appliesTo());
            recipient.channel = change.channel();
            recipient.active = change.active();
            recipient.reportedBy = change.reportedBy();
            recipient.updatedAt = now;
            if (created) {
                recipients.persist(recipient);
            }
        }
        outbox.recordWithoutSubject(EventType.RECIPIENTS_CHANGED, "recipients",
                new RecipientsChanged(changes.stream().map(RecipientChange::id).toList(), now));
        return recipients.listOrdered();
    }

    /**
     * A recipient that answers over REST names the one calling system that may report for it (else nobody could,
     * or anybody would); a platform service answers over Kafka as itself; a MANUAL recipient answers by letter or
     * e-mail, and the DPO records what it said.
     */
    private static void requireReportingSystem(RecipientChange change) {
        boolean rest = "REST".equals(change.channel());
        if (rest && change.reportedBy() == null) {
            throw ProblemException.badRequest("reportedBy", "recipient '" + change.id()
                    + "' answers over REST: name the calling system (its client id) that reports its outcomes");
        }
        if (!rest && change.reportedBy() != null) {
            throw ProblemException.badRequest("reportedBy", "recipient '" + change.id() + ("MANUAL".equals(change.channel())
                    ? "' answers out of band, recorded by the DPO: it takes no reporting system"
                    : "' answers over Kafka as itself: it takes no reporting system"));
        }
    }
}
