package org.privacyplatform.consent.service;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.privacyplatform.commons.events.CatalogueChanged;
import org.privacyplatform.commons.events.EventType;
import org.privacyplatform.commons.outbox.Outbox;
import org.privacyplatform.commons.problem.ProblemException;
import org.privacyplatform.consent.Catalogue;
import org.privacyplatform.consent.CatalogueVersion;
import org.privacyplatform.consent.config.ConsentConfig;
import org.privacyplatform.consent.repository.CatalogueRepository;
import org.privacyplatform.consent.repository.PurposeRepository;
import org.privacyplatform.consent.repository.RetentionRuleViewRepository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

/**
 * The DPO's catalogue: every state is kept (never edited) and announced with {@code CatalogueChanged}; a change
 * that the notice shows publishes a new notice version in the same transaction. At the first start the catalogue is
 * the reference policy's (or the company's own file, {@code consent.catalogue.seed}).
 */
@ApplicationScoped
@Transactional
public class CatalogueService {

    /** The reference customer's catalogue, shipped on the class path. */
    public static final String REFERENCE = "catalogue/reference-catalogue.json";
    /** Who wrote the first catalogue (from the seed file). */
    public static final String SEED_ACTOR = "consent-service";

    /** A stored state of the catalogue. */
    public record Stored(int version, String hash, Catalogue catalogue, String actor, OffsetDateTime changedAt) {
    }

    /** The outcome of a replacement: the catalogue now, and whether it changed. */
    public record Replaced(Stored stored, boolean changed) {
    }

    private final CatalogueRepository catalogues;
    private final PurposeRepository purposes;
    private final RetentionRuleViewRepository rules;
    private final Outbox outbox;
    private final Clock clock;
    private final CanonicalJson json;
    private final ConsentConfig config;
    private final Event<NoticeInputsChanged> noticeInputsChanged;

    public CatalogueService(CatalogueRepository catalogues, PurposeRepository purposes, RetentionRuleViewRepository rules,
            Outbox outbox, Clock clock, CanonicalJson json, ConsentConfig config, Event<NoticeInputsChanged> noticeInputsChanged) {
        this.catalogues = catalogues;
        this.purposes = purposes;
        this.rules = rules;
        this.outbox = outbox;
        this.clock = clock;
        this.json = json;
        this.config = config;
        this.noticeInputsChanged = noticeInputsChanged;
    }

    /** The catalogue now; at the very first call, the seed is written (and announced) first. */
    public Stored current() {
        var latest = catalogues.latest();
        if (latest.isPresent()) {
            return stored(latest.get());
        }
        catalogues.lockForPublication();
        return catalogues.latest().map(this::stored).orElseGet(() -> save(seed(), SEED_ACTOR, 1));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Stored version(int version) {
        return catalogues.findByIdOptional(version).map(this::stored)
                .orElseThrow(() -> ProblemException.notFound("no catalogue version " + version));
    }

    /** The DPO replaces the catalogue; the same document again changes nothing. */
    public Replaced replace(Catalogue catalogue, String actor) {
        validate(catalogue);
        catalogues.lockForPublication();
        Stored now = current();
        if (now.hash().equals(CanonicalJson.sha256(json.write(catalogue)))) {
            return new Replaced(now, false);
        }
        Stored saved = save(catalogue, actor, now.version() + 1);
        noticeInputsChanged.fire(new NoticeInputsChanged("catalogue"));
        return new Replaced(saved, true);
    }

    private Stored save(Catalogue catalogue, String actor, int version) {
        CatalogueVersion row = new CatalogueVersion();
        row.version = version;
        row.document = json.write(catalogue);
        row.hash = CanonicalJson.sha256(row.document);
        row.actor = actor;
        row.changedAt = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        catalogues.persist(row);
        catalogues.flush();
        outbox.recordWithoutSubject(EventType.CATALOGUE_CHANGED, "catalogue",
                new CatalogueChanged(row.version, row.hash, row.actor, row.changedAt));
        return stored(row);
    }

    private Stored stored(CatalogueVersion row) {
        return new Stored(row.version, row.hash, json.read(row.document, Catalogue.class), row.actor, row.changedAt);
    }

    private Catalogue seed() {
        try (InputStream in = config.catalogue().seed().isPresent()
                ? Files.newInputStream(config.catalogue().seed().get())
                : Thread.currentThread().getContextClassLoader().getResourceAsStream(REFERENCE)) {
            if (in == null) {
                throw new IllegalStateException("the reference catalogue " + REFERENCE + " is missing");
            }
            Catalogue catalogue = json.read(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8),
                    Catalogue.class);
            validate(catalogue);
            return catalogue;
        } catch (IOException e) {
            throw new IllegalStateException("the catalogue seed cannot be read", e);
        }
    }

    /**
     * What Bean Validation cannot see: ids unique in each list, every reference to an entry of its list, every
     * purpose one the platform has (PUT /purposes first), every retention rule one the retention service announced.
     */
    void validate(Catalogue c) {
        Set<String> data = ids(c.dataCategories(), Catalogue.Item::id, "dataCategories");
        Set<String> subjects = ids(c.subjectCategories(), Catalogue.Item::id, "subjectCategories");
        Set<String> sources = ids(c.sources(), Catalogue.Item::id, "sources");
        Set<String> recipients = ids(c.recipients(), Catalogue.Item::id, "recipients");
        Set<String> measures = ids(c.securityMeasures(), Catalogue.Item::id, "securityMeasures");
        ids(c.rights(), r -> r.kind().name(), "rights");
        Set<String> retention = ids(c.retention(), Catalogue.RetentionAim::ruleId, "retention");
        for (int i = 0; i < c.retention().size(); i++) {
            String ruleId = c.retention().get(i).ruleId();
            if (rules.findByIdOptional(ruleId).isEmpty()) {
                throw ProblemException.badRequest("retention[" + i + "].ruleId",
                        "the retention service has no rule '" + ruleId + "'");
            }
        }
        ids(c.purposes(), Catalogue.PurposeEntry::purposeId, "purposes");
        for (int i = 0; i < c.purposes().size(); i++) {
            Catalogue.PurposeEntry p = c.purposes().get(i);
            String at = "purposes[" + i + "]";
            if (purposes.findByIdOptional(p.purposeId()).isEmpty()) {
                throw ProblemException.badRequest(at + ".purposeId", "no purpose '" + p.purposeId()
                        + "': publish it with PUT /purposes/{purposeId} first");
            }
            references(p.dataCategories(), data, at + ".dataCategories");
            references(p.subjectCategories(), subjects, at + ".subjectCategories");
            references(p.sources(), sources, at + ".sources");
            references(p.recipients(), recipients, at + ".recipients");
            references(p.retentionRules(), retention, at + ".retentionRules");
            references(p.securityMeasures(), measures, at + ".securityMeasures");
        }
    }

    private static <T> Set<String> ids(List<T> items, Function<T, String> id, String field) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            if (!seen.add(id.apply(items.get(i)))) {
                throw ProblemException.badRequest(field + "[" + i + "]", "'" + id.apply(items.get(i)) + "' appears twice");
            }
        }
        return seen;
    }

    private static void references(List<String> used, Set<String> known, String field) {
        for (int i = 0; i < used.size(); i++) {
            if (!known.contains(used.get(i))) {
                throw ProblemException.badRequest(field + "[" + i + "]", "'" + used.get(i) + "' is not in the catalogue's list");
            }
        }
    }
}
