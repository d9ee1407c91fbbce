package org.privacyplatform.consent.service;

import java.util.List;

import org.privacyplatform.consent.Catalogue.Item;
import org.privacyplatform.consent.Catalogue.Party;
import org.privacyplatform.consent.Catalogue.Right;
import org.privacyplatform.consent.Catalogue.Text;
import org.privacyplatform.consent.Catalogue.Transfer;

/**
 * Everything one version of the privacy notice shows, from which every rendering (HTML, Markdown, JSON-LD, each
 * language) is generated: the catalogue joined with the purposes the platform enforces and the retention rules'
 * current periods. Its canonical JSON is stored with the version and hashed ({@code contentHash}); a new notice
 * version is published exactly when it changes.
 */
public record NoticeContent(Party controller, Party dpo, Text supervisoryAuthority, List<Item> dataCategories,
        List<Item> subjectCategories, List<Item> sources, List<Item> recipients, List<Item> securityMeasures,
        List<Right> rights, List<Retention> retention, List<PurposeShown> purposes) {

    /** A retention rule as the notice shows it: what it keeps (the catalogue's words) and for how long (the rule's). */
    public record Retention(String ruleId, Text aim, String anchor, String period, String endAction, String archivePeriod) {
    }

    /**
     * A purpose as the notice shows it. {@code catalogued} is false for a purpose the DPO has published but not yet
     * described in the catalogue: it is shown with its name and notice text, and the Art. 30 record names its gaps.
     */
    public record PurposeShown(String purposeId, boolean catalogued, Text title, Text statement, String legalBasis,
            boolean directMarketing, String validity, String noticeVersion, List<String> dataCategories,
            List<String> subjectCategories, List<String> sources, List<String> recipients, List<Transfer> transfers,
            List<String> retentionRules, List<String> securityMeasures) {
    }

    public Item item(List<Item> items, String id) {
        return items.stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow();
    }

    public Retention rule(String ruleId) {
        return retention.stream().filter(r -> r.ruleId().equals(ruleId)).findFirst().orElseThrow();
    }
}
