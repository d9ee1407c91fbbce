package org.privacyplatform.consent.service;

import static org.privacyplatform.consent.service.NoticeWording.label;
import static org.privacyplatform.consent.service.NoticeWording.text;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.privacyplatform.consent.Catalogue;

import jakarta.enterprise.context.ApplicationScoped;

/** The privacy notice written out from its content: the same sections in HTML and Markdown, in English or French. */
@ApplicationScoped
public class NoticeRenderer {

    static final List<String> BASES = List.of("CONTRACT", "CONSENT", "LEGAL_OBLIGATION", "LEGITIMATE_INTEREST");

    public String markdown(NoticeContent content, int version, OffsetDateTime publishedAt, String lang) {
        return document(content, version, publishedAt, lang, null).markdown();
    }

    /** The HTML notice; with {@code changes} (a version's page), a last section lists what changed from the previous one. */
    public String html(NoticeContent content, int version, OffsetDateTime publishedAt, String lang,
            List<NoticeService.Change> changes) {
        return document(content, version, publishedAt, lang, changes).html();
    }

    private Document document(NoticeContent c, int version, OffsetDateTime publishedAt, String lang,
            List<NoticeService.Change> changes) {
        String title = label("title", lang) + " – " + text(c.controller().name(), lang);
        Document doc = new Document(lang, title).heading(1, title)
                .paragraph(String.format(label("version", lang), version,
                        publishedAt.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate()));

        doc.heading(2, label("who", lang)).bullets(List.of(
                label("controller", lang) + ": " + party(c.controller(), lang),
                label("dpo", lang) + ": " + party(c.dpo(), lang)));

        doc.heading(2, label("purposes", lang));
        doc.table(label("purposes", lang), List.of(label("purpose", lang), label("legalBasis", lang), label("retention", lang)),
                c.purposes().stream().map(p -> List.of(text(p.title(), lang), NoticeWording.legalBasis(p.legalBasis(), lang),
                        String.join(" ", p.retentionRules().stream()
                                .map(r -> NoticeWording.retention(c.rule(r), lang)).toList()))).toList());
        for (String basis : BASES) {
            List<NoticeContent.PurposeShown> ofBasis = c.purposes().stream().filter(p -> p.legalBasis().equals(basis)).toList();
            if (ofBasis.isEmpty()) {
                continue;
            }
            doc.heading(3, NoticeWording.legalBasis(basis, lang));
            for (NoticeContent.PurposeShown p : ofBasis) {
                doc.heading(4, text(p.title(), lang) + (p.catalogued() ? "" : " " + label("notCatalogued", lang)));
                doc.paragraph(text(p.statement(), lang));
                List<String> facts = new ArrayList<>();
                fact(facts, label("dataCategories", lang), p.dataCategories().stream()
                        .map(id -> text(c.item(c.dataCategories(), id).text(), lang)));
                fact(facts, label("subjectCategories", lang), p.subjectCategories().stream()
                        .map(id -> text(c.item(c.subjectCategories(), id).text(), lang)));
                fact(facts, label("sources", lang), p.sources().stream().map(id -> text(c.item(c.sources(), id).text(), lang)));
                fact(facts, label("recipients", lang), p.recipients().stream()
                        .map(id -> text(c.item(c.recipients(), id).text(), lang)));
                if (p.catalogued()) {
                    facts.add(label("transfers", lang) + ": " + transfers(p.transfers(), lang));
                }
                fact(facts, label("retention", lang), p.retentionRules().stream().map(r -> text(c.rule(r).aim(), lang)
                        + ": " + NoticeWording.retention(c.rule(r), lang)));
                fact(facts, label("securityMeasures", lang), p.securityMeasures().stream()
                        .map(id -> text(c.item(c.securityMeasures(), id).text(), lang)));
                if (p.validity() != null) {
                    facts.add(String.format(label("validity", lang), NoticeWording.duration(p.validity(), lang)));
                }
                if (p.directMarketing()) {
                    facts.add(label("directMarketing", lang));
                }
                facts.add(String.format(label("purposeNotice", lang), p.noticeVersion()));
                doc.bullets(facts);
            }
        }

        doc.heading(2, label("retention", lang)).table(label("retention", lang),
                List.of(label("aim", lang), label("retentionOf", lang)),
                c.retention().stream().map(r -> List.of(text(r.aim(), lang), NoticeWording.retention(r, lang))).toList());
        doc.heading(2, label("subjectCategories", lang)).bullets(texts(c.subjectCategories(), lang));
        doc.heading(2, label("dataCategories", lang)).bullets(texts(c.dataCategories(), lang));
        doc.heading(2, label("sources", lang)).bullets(texts(c.sources(), lang));
        doc.heading(2, label("recipients", lang)).bullets(texts(c.recipients(), lang));
        List<Catalogue.Transfer> transfers = c.purposes().stream().flatMap(p -> p.transfers().stream()).distinct().toList();
        doc.heading(2, label("transfers", lang)).paragraph(transfers(transfers, lang));
        doc.heading(2, label("security", lang)).bullets(texts(c.securityMeasures(), lang));
        doc.heading(2, label("rights", lang)).bullets(c.rights().stream().map(r -> text(r.text(), lang)).toList())
                .paragraph(label("exercise", lang) + " " + party(c.dpo(), lang));
        doc.heading(2, label("complaint", lang)).paragraph(text(c.supervisoryAuthority(), lang));
        if (changes != null && version > 1) {
            doc.heading(2, String.format(label("changes", lang), version - 1)).table(
                    String.format(label("changes", lang), version - 1), List.of("path", "change", "before", "after"),
                    changes.stream().map(ch -> List.of(ch.path(), ch.change(), nullToEmpty(ch.before()), nullToEmpty(ch.after())))
                            .toList());
        }
        return doc;
    }

    static String party(Catalogue.Party party, String lang) {
        List<String> parts = new ArrayList<>(List.of(text(party.name(), lang), party.postalAddress()));
        if (party.email() != null) {
            parts.add(label("email", lang) + " " + party.email());
        }
        if (party.website() != null) {
            parts.add(label("website", lang) + " " + party.website());
        }
        return String.join(", ", parts);
    }

    static String transfers(List<Catalogue.Transfer> transfers, String lang) {
        if (transfers.isEmpty()) {
            return label("noTransfer", lang);
        }
        return String.join("; ", transfers.stream().map(t -> t.destination() + " (" + text(t.safeguard(), lang) + ")").toList());
    }

    private static List<String> texts(List<Catalogue.Item> items, String lang) {
        return items.stream().map(i -> text(i.text(), lang)).toList();
    }

    private static void fact(List<String> facts, String label, Stream<String> values) {
        List<String> all = values.toList();
        if (!all.isEmpty()) {
            facts.add(label + ": " + String.join("; ", all));
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
