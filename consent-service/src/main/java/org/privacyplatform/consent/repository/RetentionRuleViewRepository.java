package org.privacyplatform.consent.repository;

import java.util.List;

import org.privacyplatform.consent.RetentionRuleView;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** The retention service's rules as its events describe them. */
@ApplicationScoped
public class RetentionRuleViewRepository implements PanacheRepositoryBase<RetentionRuleView, String> {

    public List<RetentionRuleView> listOrdered() {
        return list("order by ruleId");
    }
}
