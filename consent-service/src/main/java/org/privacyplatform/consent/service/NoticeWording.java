package org.privacyplatform.consent.service;

import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.privacyplatform.consent.Catalogue;

/**
 * The fixed words of the notice and the Art. 30 record in each language: headings, legal bases, and retention
 * periods written out from a rule's anchor and ISO-8601 periods. Everything else comes from the catalogue.
 */
public final class NoticeWording {

    private NoticeWording() {
    }

    private static final Map<String, String[]> LABELS = Map.ofEntries(
            Map.entry("title", new String[] { "Privacy notice", "Politique de confidentialité" }),
            Map.entry("version", new String[] { "Version %d, published %s.", "Version %d, publiée le %s." }),
            Map.entry("generated", new String[] { "Generated on %s from notice version %d (catalogue version %d).",
                    "Généré le %s à partir de la version %d de la notice (version %d du catalogue)." }),
            Map.entry("who", new String[] { "Who processes your data", "Qui traite vos données" }),
            Map.entry("controller", new String[] { "Controller", "Responsable du traitement" }),
            Map.entry("dpo", new String[] { "Data protection officer", "Délégué à la protection des données" }),
            Map.entry("purposes", new String[] { "Purposes and legal bases", "Finalités et bases légales" }),
            Map.entry("purpose", new String[] { "Purpose", "Finalité" }),
            Map.entry("legalBasis", new String[] { "Legal basis", "Base légale" }),
            Map.entry("retention", new String[] { "Retention periods", "Durées de conservation" }),
            Map.entry("retentionOf", new String[] { "How long", "Durée" }),
            Map.entry("aim", new String[] { "Data kept for", "Données conservées pour" }),
            Map.entry("dataCategories", new String[] { "Personal data", "Données personnelles" }),
            Map.entry("subjectCategories", new String[] { "Data subjects", "Personnes concernées" }),
            Map.entry("sources", new String[] { "Sources of the data", "Sources des données" }),
            Map.entry("recipients", new String[] { "Recipients", "Destinataires" }),
            Map.entry("transfers", new String[] { "Transfers outside the European Union", "Transferts hors de l'Union européenne" }),
            Map.entry("noTransfer", new String[] { "None: the data are stored within the European Union.",
                    "Aucun : les données sont conservées dans l'Union européenne." }),
            Map.entry("security", new String[] { "Security of your data", "Sécurité de vos données" }),
            Map.entry("rights", new String[] { "Your rights and how to exercise them", "Vos droits et comment les exercer" }),
            Map.entry("exercise", new String[] { "To exercise your rights, write to the data protection officer:",
                    "Pour exercer vos droits, écrivez au délégué à la protection des données :" }),
            Map.entry("complaint", new String[] { "Supervisory authority", "Autorité de contrôle" }),
            Map.entry("purposeNotice", new String[] { "Notice version of this purpose: %s.", "Version de la notice de cette finalité : %s." }),
            Map.entry("validity", new String[] { "A consent lasts %s, then it is asked again.",
                    "Un consentement vaut %s, puis il est demandé à nouveau." }),
            Map.entry("directMarketing", new String[] { "Direct marketing: you may object at any time, without giving reasons.",
                    "Prospection : vous pouvez vous y opposer à tout moment, sans motif." }),
            Map.entry("notCatalogued", new String[] { "(not yet described in the catalogue)", "(pas encore décrite dans le catalogue)" }),
            Map.entry("changes", new String[] { "Changes since version %d", "Modifications depuis la version %d" }),
            Map.entry("email", new String[] { "e-mail", "courriel" }),
            Map.entry("website", new String[] { "website", "site web" }),
            Map.entry("record", new String[] { "Record of processing activities (Art. 30(1) GDPR)",
                    "Registre des activités de traitement (art. 30, paragraphe 1, du RGPD)" }),
            Map.entry("securityMeasures", new String[] { "Security measures", "Mesures de sécurité" }),
            Map.entry("jointControllers", new String[] { "Joint controllers", "Responsables conjoints" }),
            Map.entry("representative", new String[] { "Representative", "Représentant" }),
            Map.entry("none", new String[] { "None", "Aucun" }));

    /** The label in the language ({@code en} or {@code fr}). */
    public static String label(String key, String lang) {
        return LABELS.get(key)["fr".equals(lang) ? 1 : 0];
    }

    public static String text(Catalogue.Text text, String lang) {
        return "fr".equals(lang) ? text.fr() : text.en();
    }

    public static String legalBasis(String basis, String lang) {
        boolean fr = "fr".equals(lang);
        return switch (basis) {
            case "CONSENT" -> fr ? "Votre consentement (art. 6, paragraphe 1, point a), du RGPD)" : "Your consent (Art. 6(1)(a) GDPR)";
            case "CONTRACT" -> fr ? "L'exécution d'un contrat (art. 6, paragraphe 1, point b), du RGPD)"
                    : "Performance of a contract (Art. 6(1)(b) GDPR)";
            case "LEGAL_OBLIGATION" -> fr ? "Une obligation légale (art. 6, paragraphe 1, point c), du RGPD)"
                    : "Compliance with a legal obligation (Art. 6(1)(c) GDPR)";
            case "LEGITIMATE_INTEREST" -> fr ? "Nos intérêts légitimes (art. 6, paragraphe 1, point f), du RGPD)"
                    : "Our legitimate interests (Art. 6(1)(f) GDPR)";
            default -> basis;
        };
    }

    /** "3 years", "12 months", "1 an", "13 mois"; empty for a zero or missing period. */
    public static String duration(String iso, String lang) {
        if (iso == null) {
            return "";
        }
        Period period;
        try {
            period = Period.parse(iso);
        } catch (DateTimeParseException e) {
            return iso;
        }
        boolean fr = "fr".equals(lang);
        List<String> parts = new ArrayList<>();
        if (period.getYears() != 0) {
            parts.add(period.getYears() + (fr ? (period.getYears() == 1 ? " an" : " ans") : (period.getYears() == 1 ? " year" : " years")));
        }
        if (period.getMonths() != 0) {
            parts.add(period.getMonths() + (fr ? " mois" : (period.getMonths() == 1 ? " month" : " months")));
        }
        if (period.getDays() != 0) {
            parts.add(period.getDays() + (fr ? (period.getDays() == 1 ? " jour" : " jours") : (period.getDays() == 1 ? " day" : " days")));
        }
        return String.join(fr ? " et " : " and ", parts);
    }

    /** A rule's retention written out: "3 years from the last incoming contact.", "Until the end of the contract, then ..." */
    public static String retention(NoticeContent.Retention rule, String lang) {
        if (rule.anchor() == null) {
            return "fr".equals(lang) ? "Règle de conservation inconnue du service de conservation." : "Retention rule unknown to the retention service.";
        }
        boolean fr = "fr".equals(lang);
        String[] anchor = anchor(rule.anchor(), fr);
        String duration = duration(rule.period(), lang);
        String sentence = duration.isEmpty() ? capitalise(anchor[1]) : duration + " " + anchor[0];
        if ("ARCHIVE".equals(rule.endAction())) {
            sentence += fr ? ", puis archivées pendant " + duration(rule.archivePeriod(), lang) + " (prescription) avant suppression"
                    : ", then archived for " + duration(rule.archivePeriod(), lang) + " (limitation period) before deletion";
        }
        return sentence + ".";
    }

    /** The anchor as "from ..." and "until ...". */
    private static String[] anchor(String anchor, boolean fr) {
        return switch (anchor) {
            case "COLLECTION" -> fr ? new String[] { "à compter de la collecte", "jusqu'à la collecte" }
                    : new String[] { "from collection", "until collection" };
            case "LAST_CONTACT" -> fr ? new String[] { "à compter du dernier contact entrant", "jusqu'au dernier contact entrant" }
                    : new String[] { "from the last incoming contact", "until the last incoming contact" };
            case "CONTRACT_END" -> fr ? new String[] { "après la fin du contrat", "jusqu'à la fin du contrat" }
                    : new String[] { "after the end of the contract", "until the end of the contract" };
            case "FISCAL_YEAR_END" -> fr ? new String[] { "à compter de la clôture de l'exercice comptable", "jusqu'à la clôture de l'exercice comptable" }
                    : new String[] { "from the closing of the fiscal year", "until the closing of the fiscal year" };
            case "ALERT_RAISED" -> fr ? new String[] { "à compter de l'émission de l'alerte", "jusqu'à l'émission de l'alerte" }
                    : new String[] { "from the issuance of the alert", "until the issuance of the alert" };
            case "CASE_CLOSED" -> fr ? new String[] { "après la clôture du dossier", "jusqu'à la clôture du dossier" }
                    : new String[] { "after the case is closed", "until the case is closed" };
            case "LISTING" -> fr ? new String[] { "à compter de l'inscription sur la liste", "jusqu'à l'inscription sur la liste" }
                    : new String[] { "from registration on the list", "until registration on the list" };
            case "UNSUBSCRIBE" -> fr ? new String[] { "après le désabonnement", "jusqu'au désabonnement de l'abonné" }
                    : new String[] { "after the subscriber unsubscribes", "until the subscriber unsubscribes" };
            case "END_OF_PROCEEDINGS" -> fr ? new String[] { "après la fin de la procédure", "jusqu'à la fin de la procédure" }
                    : new String[] { "after the end of the proceedings", "until the end of the proceedings" };
            case "ERASURE_COMPLETED" -> fr ? new String[] { "après l'effacement", "jusqu'à l'effacement" }
                    : new String[] { "after the erasure", "until the erasure" };
            default -> fr ? new String[] { "à compter de " + anchor, "jusqu'à " + anchor }
                    : new String[] { "from " + anchor, "until " + anchor };
        };
    }

    private static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
