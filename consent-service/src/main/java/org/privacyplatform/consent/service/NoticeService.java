package org.privacyplatform.consent.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.privacyplatform.commons.events.EventType;
import org.privacyplatform.commons.events.NoticePublished;
import org.privacyplatform.commons.outbox.Outbox;
import org.privacyplatform.commons.problem.ProblemException;
import org.privacyplatform.consent.Catalogue;
import org.privacyplatform.consent.NoticeVersion;
import org.privacyplatform.consent.Purpose;
import org.privacyplatform.consent.RetentionRuleView;
import org.privacyplatform.consent.repository.CatalogueRepository;
import org.privacyplatform.consent.repository.NoticeRepository;
import org.privacyplatform.consent.repository.PurposeRepository;
import org.privacyplatform.consent.repository.RetentionRuleViewRepository;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

/**
 * The whole privacy notice, generated from the catalogue, the purposes and the retention rules, and versioned as a
 * whole: whenever what it shows changes, a new version is stored with its Markdown text in each language and
 * {@code NoticePublished} carries their hashes, so that the audit log proves which notice was public when.
 */
@ApplicationScoped
@Transactional
public class NoticeService {

    /** The languages of the notice, the first the default. */
    public static final List<String> LANGUAGES = List.of("en", "fr");

    /** A published version with what it shows. */
    public record Published(NoticeVersion version, NoticeContent content) {
    }

    /** One difference between a version and the one before: a field of the content, before and after. */
    public record Change(String path, String change, String before, String after) {
    }

    private final CatalogueService catalogues;
    private final CatalogueRepository catalogueRows;
    private final NoticeRepository notices;
    private final PurposeRepository purposes;
    private final RetentionRuleViewRepository rules;
    private final NoticeRenderer renderer;
    private final CanonicalJson json;
    private final Outbox outbox;
    private final Clock clock;

    public NoticeService(CatalogueService catalogues, CatalogueRepository catalogueRows, NoticeRepository notices,
            PurposeRepository purposes, RetentionRuleViewRepository rules, NoticeRenderer renderer, CanonicalJson json,
            Outbox outbox, Clock clock) {
        this.catalogues = catalogues;
        this.catalogueRows = catalogueRows;
        this.notices = notices;
        this.purposes = purposes;
        this.rules = rules;
        this.renderer = renderer;
        this.json = json;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The notice now; the first call after the first start publishes version 1. */
    public Published current() {
        Optional<NoticeVersion> latest = notices.latest();
        return latest.map(this::published).orElseGet(this::publishIfChanged);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Published version(int version) {
        return notices.findByIdOptional(version).map(this::published)
                .orElseThrow(() -> ProblemException.notFound("no notice version " + version));
    }

    /** What changed from the version before (everything, for version 1). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Change> diff(int version) {
        NoticeVersion to = version(version).version();
        Map<String, String> after = flatten(json.tree(to.content));
        Map<String, String> before = version == 1 ? Map.of()
                : flatten(json.tree(version(version - 1).version().content));
        List<Change> changes = new ArrayList<>();
        before.forEach((path, value) -> {
            if (!after.containsKey(path)) {
                changes.add(new Change(path, "REMOVED", value, null));
            } else if (!after.get(path).equals(value)) {
                changes.add(new Change(path, "CHANGED", value, after.get(path)));
            }
        });
        after.forEach((path, value) -> {
            if (!before.containsKey(path)) {
                changes.add(new Change(path, "ADDED", null, value));
            }
        });
        changes.sort(java.util.Comparator.comparing(Change::path));
        return changes;
    }

    void onInputsChanged(@Observes NoticeInputsChanged changed) {
        publishIfChanged();
    }

    /**
     * At start-up: the first start publishes version 1 (and the catalogue's seed); a later one publishes a version only
     * if what the notice shows changed meanwhile. A database not reachable yet is no reason to fail: the first reader
     * of the notice publishes it then.
     */
    void onStart(@Observes io.quarkus.runtime.StartupEvent start) {
        try {
            io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(this::publishIfChanged);
        } catch (RuntimeException e) {
            org.jboss.logging.Logger.getLogger(NoticeService.class)
                    .warnf("the privacy notice is not published at start-up (%s); its first reader publishes it", e.getMessage());
        }
    }

    /** Publishes a new version if the notice generated now differs from the latest one; the latest otherwise. */
    public Published publishIfChanged() {
        catalogueRows.lockForPublication();
        CatalogueService.Stored catalogue = catalogues.current();
        NoticeContent content = content(catalogue.catalogue());
        String contentJson = json.write(content);
        String contentHash = CanonicalJson.sha256(contentJson);
        Optional<NoticeVersion> latest = notices.latest();
        if (latest.isPresent() && latest.get().contentHash.equals(contentHash)) {
            return new Published(latest.get(), content);
        }
        NoticeVersion row = new NoticeVersion();
        row.version = latest.map(v -> v.version + 1).orElse(1);
        row.catalogueVersion = catalogue.version();
        row.content = contentJson;
        row.contentHash = contentHash;
        row.publishedAt = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        row.markdownEn = renderer.markdown(content, row.version, row.publishedAt, "en");
        row.markdownFr = renderer.markdown(content, row.version, row.publishedAt, "fr");
        row.hashEn = CanonicalJson.sha256(row.markdownEn);
        row.hashFr = CanonicalJson.sha256(row.markdownFr);
        notices.persist(row);
        notices.flush();
        Map<String, String> textHashes = new LinkedHashMap<>();
        textHashes.put("en", row.hashEn);
        textHashes.put("fr", row.hashFr);
        outbox.recordWithoutSubject(EventType.NOTICE_PUBLISHED, "notice",
                new NoticePublished(row.version, row.catalogueVersion, row.contentHash, textHashes, row.publishedAt));
        return new Published(row, content);
    }

    /** Whether a version of the whole notice exists (what a consent may say it showed). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean exists(int version) {
        return notices.findByIdOptional(version).isPresent();
    }

    private Published published(NoticeVersion row) {
        return new Published(row, json.read(row.content, NoticeContent.class));
    }

    /** The catalogue joined with what the platform enforces: each purpose's legal basis and notice, each rule's period. */
    NoticeContent content(Catalogue catalogue) {
        Map<String, RetentionRuleView> ruleById = rules.listOrdered().stream()
                .collect(Collectors.toMap(r -> r.ruleId, Function.identity()));
        List<NoticeContent.Retention> retention = catalogue.retention().stream().map(aim -> {
            RetentionRuleView rule = ruleById.get(aim.ruleId());
            return rule == null ? new NoticeContent.Retention(aim.ruleId(), aim.aim(), null, null, null, null)
                    : new NoticeContent.Retention(aim.ruleId(), aim.aim(), rule.anchor, rule.period, rule.endAction,
                            rule.archivePeriod);
        }).toList();
        Map<String, Catalogue.PurposeEntry> entries = catalogue.purposes().stream()
                .collect(Collectors.toMap(Catalogue.PurposeEntry::purposeId, Function.identity()));
        List<NoticeContent.PurposeShown> shown = new ArrayList<>();
        // the catalogue's order first (the order the DPO chose), then purposes it does not describe yet
        List<Purpose> all = purposes.listOrdered();
        Map<String, Purpose> byId = all.stream().collect(Collectors.toMap(p -> p.id, Function.identity()));
        for (Catalogue.PurposeEntry entry : catalogue.purposes()) {
            Purpose purpose = byId.get(entry.purposeId());
            if (purpose != null) {
                shown.add(new NoticeContent.PurposeShown(purpose.id, true, entry.title(), entry.statement(),
                        purpose.legalBasis.name(), purpose.directMarketing, purpose.validity, purpose.currentNoticeVersion,
                        entry.dataCategories(), entry.subjectCategories(), entry.sources(), entry.recipients(),
                        entry.transfers(), entry.retentionRules(), entry.securityMeasures()));
            }
        }
        for (Purpose purpose : all) {
            if (!entries.containsKey(purpose.id)) {
                String text = purposes.notice(purpose.id, purpose.currentNoticeVersion).map(n -> n.text)
                        .orElse(purpose.description);
                shown.add(new NoticeContent.PurposeShown(purpose.id, false, new Catalogue.Text(purpose.name, purpose.name),
                        new Catalogue.Text(text, text), purpose.legalBasis.name(), purpose.directMarketing,
                        purpose.validity, purpose.currentNoticeVersion, List.of(), List.of(), List.of(), List.of(),
                        List.of(), List.of(), List.of()));
            }
        }
        return new NoticeContent(catalogue.controller(), catalogue.dpo(), catalogue.supervisoryAuthority(),
                catalogue.dataCategories(), catalogue.subjectCategories(), catalogue.sources(), catalogue.recipients(),
                catalogue.securityMeasures(), catalogue.rights(), retention, shown);
    }

    /** Every leaf of the content by its path; list entries named by their id where they have one. */
    static Map<String, String> flatten(JsonNode node) {
        Map<String, String> leaves = new LinkedHashMap<>();
        flatten(node, "", leaves);
        return leaves;
    }

    private static void flatten(JsonNode node, String path, Map<String, String> leaves) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                flatten(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey(), leaves);
            }
        } else if (node.isArray()) {
            if (node.size() > 0 && node.get(0).isValueNode()) {
                List<String> values = new ArrayList<>();
                node.forEach(v -> values.add(v.asText()));
                leaves.put(path, String.join(", ", values));
                return;
            }
            int i = 0;
            for (JsonNode element : node) {
                String key = Objects.requireNonNullElse(firstText(element, "purposeId", "ruleId", "id", "kind", "destination"),
                        String.valueOf(i));
                flatten(element, path + "[" + key + "]", leaves);
                i++;
            }
        } else if (!node.isNull()) {
            leaves.put(path, node.asText());
        }
    }

    private static String firstText(JsonNode node, String... fields) {
        for (String field : fields) {
            if (node.hasNonNull(field)) {
                return node.get(field).asText();
            }
        }
        return null;
    }
}
