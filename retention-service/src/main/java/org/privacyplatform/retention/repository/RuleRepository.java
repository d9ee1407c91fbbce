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

    public Optional<RetentionRule> byCategory(String category) {
        return find("category", category).firstResultOptional();
    }

    public List<RetentionRule> forConsentPurpose(String purposeId) {
        return list("consentPurpose", purposeId);
    }

    public List<RetentionRuleVersion> versions(String ruleId) {
        return getEntityManager()
                .createQuery("from RetentionRuleVersion where ruleId = ?1 order by version", RetentionRuleVersion.class)
                .setParameter(1, ruleId).getResultList();
    }

    public void persistVersion(RetentionRuleVersion version) {
        getEntityManager().persist(version);
    }
}
