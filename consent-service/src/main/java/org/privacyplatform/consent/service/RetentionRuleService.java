package org.privacyplatform.consent.service;

import org.privacyplatform.commons.events.RetentionRuleChanged;
import org.privacyplatform.consent.RetentionRuleView;
import org.privacyplatform.consent.repository.RetentionRuleViewRepository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

/**
 * The retention service's rules as its {@code RetentionRuleChanged} events describe them: the notice and the Art. 30
 * record show their periods, and a changed period publishes a new notice version in the same transaction.
 */
@ApplicationScoped
@Transactional
public class RetentionRuleService {

    private final RetentionRuleViewRepository rules;
    private final Event<NoticeInputsChanged> noticeInputsChanged;

    public RetentionRuleService(RetentionRuleViewRepository rules, Event<NoticeInputsChanged> noticeInputsChanged) {
        this.rules = rules;
        this.noticeInputsChanged = noticeInputsChanged;
    }

    /** Applies a rule's new version; an older or repeated version than the one held changes nothing. */
    public boolean apply(RetentionRuleChanged changed) {
        RetentionRuleView rule = rules.findById(changed.ruleId(), jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (rule != null && rule.version >= changed.version()) {
            return false;
        }
        boolean created = rule == null;
        if (created) {
            rule = new RetentionRuleView();
            rule.ruleId = changed.ruleId();
        }
        rule.version = changed.version();
        rule.category = changed.category();
        rule.anchor = changed.anchor();
        rule.period = changed.period();
        rule.endAction = changed.endAction();
        rule.archivePeriod = changed.archivePeriod();
        rule.changedAt = changed.changedAt();
        if (created) {
            rules.persist(rule);
        }
        rules.flush();
        noticeInputsChanged.fire(new NoticeInputsChanged("retention rule " + changed.ruleId()));
        return true;
    }
}
