package org.privacyplatform.retention.repository;

import java.util.List;
import java.util.Optional;

import org.privacyplatform.retention.RetentionRule;
import org.privacyplatform.retention.RetentionRuleVersion;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class RuleRepository implements PanacheRepositoryBase<RetentionRule, String> {

    public List<RetentionRule> listOrdered() {
        return list("order by id");
    }

    /** One page of the rules by id, plus the first entry of the next page if there is one. */
    public List<RetentionRule> page(org.privacyplatform.commons.paging.PageRequest page) {
        return find("order by id").range(page.offset(), page.lastFetched()).list();
    }

    public Optional<RetentionRule> byCategory(String category) {
        return find("category", category).firstResultOptional();
    }

    /** The rules whose limitation period restarts when a legal hold on their data is lifted. */
    public List<RetentionRule> restartingAfterHold() {
        return list("restartAfterHold", true);
    }

    public List<RetentionRule> forConsentPurpose(String purposeId) {
        return list("consentPurpose", purposeId);
    }

    public List<RetentionRuleVersion> versions(String ruleId, org.privacyplatform.commons.paging.PageRequest page) {
        return getEntityManager()
                .createQuery("from RetentionRuleVersion where ruleId = ?1 order by version", RetentionRuleVersion.class)
                .setParameter(1, ruleId).setFirstResult(page.offset()).setMaxResults(page.size() + 1).getResultList();
    }

    public void persistVersion(RetentionRuleVersion version) {
        getEntityManager().persist(version);
    }
}
