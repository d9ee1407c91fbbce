package org.privacyplatform.consent.service;

import static org.privacyplatform.consent.service.NoticeWording.label;
import static org.privacyplatform.consent.service.NoticeWording.text;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * The record of processing activities (Art. 30(1) GDPR), one entry per purpose, generated from the same content as
 * the current privacy notice: (a) the controller, joint controllers, representative and DPO with their contact
 * details; (b) the purpose; (c) the categories of data subjects and of personal data; (d) the categories of
 * recipients; (e) transfers outside the EU and their safeguards; (f) the time limits for erasure; (g) the security
 * measures. Each entry names the fields the catalogue leaves empty ({@code missing}): a purpose the DPO has not
 * described in the catalogue yet.
 */
@ApplicationScoped
@Transactional
public class RecordsOfProcessing {

    /** The fields of an entry in Art. 30(1)'s order, as the JSON, CSV and HTML name them. */
    public static final List<String> FIELDS = List.of("purposeId", "purpose", "legalBasis", "controller",
            "jointControllers", "representative", "dataProtectionOfficer", "dataSubjectCategories", "personalDataCategories",
            "recipientCategories", "transfersOutsideEu", "erasureTimeLimits", "securityMeasures");

    public record Entry(String purposeId, String purpose, String legalBasis, String controller, String jointControllers,
            String representative, String dataProtectionOfficer, List<String> dataSubjectCategories,
            List<String> personalDataCategories, List<String> recipientCategories, String transfersOutsideEu,
            List<String> erasureTimeLimits, List<String> securityMeasures, List<String> missing) {

        /** Each field as text (lists joined with "; "), in {@link #FIELDS}' order. */
        public Map<String, String> fields() {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("purposeId", purposeId);
            fields.put("purpose", purpose);
            fields.put("legalBasis", legalBasis);
            fields.put("controller", controller);
            fields.put("jointControllers", jointControllers);
            fields.put("representative", representative);
            fields.put("dataProtectionOfficer", dataProtectionOfficer);
            fields.put("dataSubjectCategories", String.join("; ", dataSubjectCategories));
            fields.put("personalDataCategories", String.join("; ", personalDataCategories));
            fields.put("recipientCategories", String.join("; ", recipientCategories));
            fields.put("transfersOutsideEu", transfersOutsideEu);
            fields.put("erasureTimeLimits", String.join("; ", erasureTimeLimits));
            fields.put("securityMeasures", String.join("; ", securityMeasures));
            return fields;
        }
    }

    public record Record(int noticeVersion, int catalogueVersion, OffsetDateTime generatedAt, String language,
            List<Entry> entries) {
    }

    private final NoticeService notices;
    private final Clock clock;

    public RecordsOfProcessing(NoticeService notices, Clock clock) {
        this.notices = notices;
        this.clock = clock;
    }

    public Record current(String lang) {
        NoticeService.Published published = notices.current();
        NoticeContent c = published.content();
        String controller = NoticeRenderer.party(c.controller(), lang);
        String dpo = NoticeRenderer.party(c.dpo(), lang);
        String none = "fr".equals(lang) ? "Aucun déclaré dans le catalogue" : "None declared in the catalogue";
        List<Entry> entries = new ArrayList<>();
        for (NoticeContent.PurposeShown p : c.purposes()) {
            List<String> subjects = p.subjectCategories().stream().map(id -> text(c.item(c.subjectCategories(), id).text(), lang)).toList();
            List<String> data = p.dataCategories().stream().map(id -> text(c.item(c.dataCategories(), id).text(), lang)).toList();
            List<String> recipients = p.recipients().stream().map(id -> text(c.item(c.recipients(), id).text(), lang)).toList();
            List<String> limits = p.retentionRules().stream()
                    .map(r -> text(c.rule(r).aim(), lang) + ": " + NoticeWording.retention(c.rule(r), lang)).toList();
            List<String> measures = p.securityMeasures().stream().map(id -> text(c.item(c.securityMeasures(), id).text(), lang)).toList();
            String transfers = p.catalogued() ? NoticeRenderer.transfers(p.transfers(), lang) : "";
            String purpose = text(p.title(), lang) + ": " + text(p.statement(), lang);
            Entry entry = new Entry(p.purposeId(), purpose, NoticeWording.legalBasis(p.legalBasis(), lang), controller, none,
                    none, dpo, subjects, data, recipients, transfers, limits, measures, List.of());
            List<String> missing = entry.fields().entrySet().stream().filter(f -> f.getValue() == null || f.getValue().isBlank())
                    .map(Map.Entry::getKey).toList();
            entries.add(new Entry(entry.purposeId(), entry.purpose(), entry.legalBasis(), controller, none, none, dpo, subjects,
                    data, recipients, transfers, limits, measures, missing));
        }
        return new Record(published.version().version, published.version().catalogueVersion, OffsetDateTime.now(clock), lang,
                entries);
    }

    /** RFC 4180 CSV, one line per purpose; a cell that a spreadsheet would read as a formula is quoted with a leading '. */
    public static String csv(Record record) {
        StringBuilder out = new StringBuilder();
        List<String> header = new ArrayList<>(FIELDS);
        header.add("missing");
        out.append(String.join(",", header.stream().map(RecordsOfProcessing::cell).toList())).append("\r\n");
        for (Entry entry : record.entries()) {
            List<String> cells = new ArrayList<>(entry.fields().values());
            cells.add(String.join("; ", entry.missing()));
            out.append(String.join(",", cells.stream().map(RecordsOfProcessing::cell).toList())).append("\r\n");
        }
        return out.toString();
    }

    public static String html(Record record) {
        String lang = record.language();
        Document doc = new Document(lang, label("record", lang)).heading(1, label("record", lang))
                .paragraph(String.format(label("generated", lang), record.generatedAt().toLocalDate(), record.noticeVersion(),
                        record.catalogueVersion()));
        for (Entry entry : record.entries()) {
            List<List<String>> rows = new ArrayList<>();
            entry.fields().forEach((field, value) -> rows.add(List.of(field, value == null ? "" : value)));
            rows.add(List.of("missing", String.join("; ", entry.missing())));
            doc.heading(2, entry.purpose()).table(entry.purposeId(), List.of("Art. 30(1)", "fr".equals(lang) ? "Valeur" : "Value"), rows);
        }
        return doc.html();
    }

    private static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }
}
