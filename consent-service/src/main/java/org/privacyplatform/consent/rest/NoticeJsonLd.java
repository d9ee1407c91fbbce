package org.privacyplatform.consent.rest;

import static org.privacyplatform.consent.service.NoticeWording.text;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.privacyplatform.consent.Catalogue;
import org.privacyplatform.consent.service.NoticeContent;
import org.privacyplatform.consent.service.NoticeWording;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The privacy notice as JSON-LD in the terms of the W3C Data Privacy Vocabulary (DPV 2, {@code https://w3id.org/dpv#})
 * and its GDPR extension ({@code eu-gdpr}: legal bases and rights by article): one {@code dpv:Process} per purpose
 * with its purpose, legal basis, personal data, data subjects, sources, recipients, storage duration and measures.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "@context", "@id", "@type" })
public record NoticeJsonLd(
        @JsonProperty("@context") Map<String, Object> context,
        @JsonProperty("@id") String id,
        @JsonProperty("@type") String type,
        @JsonProperty("dct:title") String title,
        @JsonProperty("dct:hasVersion") String version,
        @JsonProperty("dct:issued") String issued,
        @JsonProperty("dct:language") String language,
        @JsonProperty("dpv:hasDataController") Party controller,
        @JsonProperty("dpv:hasDataProtectionOfficer") Party dpo,
        @JsonProperty("dpv:hasRight") List<Node> rights,
        @JsonProperty("dpv:hasProcess") List<Process> processes) {

    public static final String DPV = "https://w3id.org/dpv#";
    public static final String EU_GDPR = "https://w3id.org/dpv/legal/eu/gdpr#";

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({ "@id", "@type" })
    public record Party(@JsonProperty("@id") String id, @JsonProperty("@type") String type,
            @JsonProperty("dpv:hasName") String name, @JsonProperty("dpv:hasAddress") String address,
            @JsonProperty("dpv:hasContact") String contact, @JsonProperty("foaf:homepage") String homepage) {
    }

    /** A term with its label: a purpose, a category, a recipient, a right. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({ "@id", "@type" })
    public record Node(@JsonProperty("@id") String id, @JsonProperty("@type") List<String> type,
            @JsonProperty("skos:prefLabel") String label, @JsonProperty("dct:description") String description) {
    }

    @JsonPropertyOrder({ "@id", "@type" })
    public record Duration(@JsonProperty("@id") String id, @JsonProperty("@type") String type,
            @JsonProperty("dpv:hasDuration") Map<String, String> duration, @JsonProperty("dct:description") String description) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({ "@id", "@type" })
    public record Process(@JsonProperty("@id") String id, @JsonProperty("@type") String type,
            @JsonProperty("dct:identifier") String purposeId,
            @JsonProperty("dpv:hasPurpose") Node purpose,
            @JsonProperty("dpv:hasLegalBasis") List<Node> legalBases,
            @JsonProperty("dpv:hasPersonalData") List<Node> personalData,
            @JsonProperty("dpv:hasDataSubject") List<Node> dataSubjects,
            @JsonProperty("dpv:hasDataSource") List<Node> sources,
            @JsonProperty("dpv:hasRecipient") List<Node> recipients,
            @JsonProperty("dpv:hasThirdCountry") List<Node> transfers,
            @JsonProperty("dpv:hasStorageCondition") List<Duration> storage,
            @JsonProperty("dpv:hasTechnicalOrganisationalMeasure") List<Node> measures,
            @JsonProperty("dct:hasVersion") String noticeVersion) {
    }

    static NoticeJsonLd of(NoticeContent c, int version, OffsetDateTime publishedAt, String lang) {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("dpv", DPV);
        context.put("eu-gdpr", EU_GDPR);
        context.put("dct", "http://purl.org/dc/terms/");
        context.put("skos", "http://www.w3.org/2004/02/skos/core#");
        context.put("foaf", "http://xmlns.com/foaf/0.1/");
        context.put("xsd", "http://www.w3.org/2001/XMLSchema#");
        context.put("@language", lang);
        String base = "urn:privacy-platform:notice:" + version;
        List<Process> processes = c.purposes().stream().map(p -> new Process(base + ":process:" + p.purposeId(), "dpv:Process",
                p.purposeId(),
                new Node(base + ":purpose:" + p.purposeId(), List.of("dpv:Purpose"), text(p.title(), lang), text(p.statement(), lang)),
                legalBases(p.legalBasis(), lang),
                nodes(c.dataCategories(), p.dataCategories(), "dpv:PersonalData", base + ":data:", lang),
                nodes(c.subjectCategories(), p.subjectCategories(), "dpv:DataSubject", base + ":subject:", lang),
                nodes(c.sources(), p.sources(), "dpv:DataSource", base + ":source:", lang),
                nodes(c.recipients(), p.recipients(), "dpv:Recipient", base + ":recipient:", lang),
                p.transfers().stream().map(t -> new Node(null, List.of("dpv:ThirdCountry"), t.destination(),
                        text(t.safeguard(), lang))).toList(),
                p.retentionRules().stream().map(r -> storage(c.rule(r), base, lang)).toList(),
                nodes(c.securityMeasures(), p.securityMeasures(), "dpv:TechnicalOrganisationalMeasure", base + ":measure:", lang),
                p.noticeVersion())).toList();
        List<Node> rights = c.rights().stream().map(r -> new Node(right(r.kind()), List.of("dpv:DataSubjectRight"),
                null, text(r.text(), lang))).toList();
        return new NoticeJsonLd(context, base, "dpv:PrivacyNotice",
                NoticeWording.label("title", lang) + " – " + text(c.controller().name(), lang), String.valueOf(version),
                publishedAt.toString(), lang, party(c.controller(), "dpv:DataController", base + ":controller", lang),
                party(c.dpo(), "dpv:DataProtectionOfficer", base + ":dpo", lang), rights, processes);
    }

    private static Party party(Catalogue.Party p, String type, String id, String lang) {
        return new Party(id, type, text(p.name(), lang), p.postalAddress(), p.email() == null ? null : "mailto:" + p.email(),
                p.website());
    }

    private static List<Node> nodes(List<Catalogue.Item> items, List<String> ids, String type, String base, String lang) {
        return ids.stream().map(id -> items.stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow())
                .map(i -> new Node(base + i.id(), List.of(type), text(i.text(), lang), null)).toList();
    }

    private static Duration storage(NoticeContent.Retention rule, String base, String lang) {
        Map<String, String> duration = null;
        if (rule.period() != null) {
            duration = new LinkedHashMap<>();
            duration.put("@value", rule.period());
            duration.put("@type", "xsd:duration");
        }
        return new Duration(base + ":retention:" + rule.ruleId(), "dpv:StorageDuration", duration,
                text(rule.aim(), lang) + ": " + NoticeWording.retention(rule, lang));
    }

    /** DPV's legal basis and the GDPR article it rests on. */
    private static List<Node> legalBases(String basis, String lang) {
        String[] terms = switch (basis) {
            case "CONSENT" -> new String[] { "dpv:Consent", "eu-gdpr:A6-1-a" };
            case "CONTRACT" -> new String[] { "dpv:Contract", "eu-gdpr:A6-1-b" };
            case "LEGAL_OBLIGATION" -> new String[] { "dpv:LegalObligation", "eu-gdpr:A6-1-c" };
            case "LEGITIMATE_INTEREST" -> new String[] { "dpv:LegitimateInterest", "eu-gdpr:A6-1-f" };
            default -> new String[] { "dpv:LegalBasis" };
        };
        String label = NoticeWording.legalBasis(basis, lang);
        return java.util.Arrays.stream(terms).map(t -> new Node(t, null, label, null)).toList();
    }

    /** The right as the GDPR extension of DPV names it, by article. */
    static String right(Catalogue.RightKind kind) {
        return switch (kind) {
            case INFORMATION -> "eu-gdpr:A13";
            case ACCESS -> "eu-gdpr:A15";
            case RECTIFICATION -> "eu-gdpr:A16";
            case ERASURE -> "eu-gdpr:A17";
            case RESTRICTION -> "eu-gdpr:A18";
            case PORTABILITY -> "eu-gdpr:A20";
            case OBJECTION -> "eu-gdpr:A21";
            case WITHDRAW_CONSENT -> "eu-gdpr:A7-3";
            case COMPLAINT -> "eu-gdpr:A77";
            // a right of French law (loi Informatique et Libertés, art. 85), not the GDPR's
            case POST_MORTEM_INSTRUCTIONS -> "urn:privacy-platform:right:post-mortem-instructions";
        };
    }
}
