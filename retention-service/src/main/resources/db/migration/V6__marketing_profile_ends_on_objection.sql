-- Issue 15, item 6 (Art. 21(3)): once a subject objects to personalised marketing, their data may no longer be
-- processed for it, so the marketing profile kept for it falls due on the day of the objection (the consent service's
-- ConsentWithdrawn with reason OBJECTION, as for a withdrawn consent). A new version of the rule, as a DPO's change
-- would be (migrations write no outbox event: see the README).
update retention_rule set consent_purpose = 'personalised-marketing', version = version + 1, changed_at = now()
where id = 'marketing-profile' and consent_purpose is null;

insert into retention_rule_version (rule_id, version, category, description, anchor, period, end_action, archive_period,
        consent_purpose, statutory, ground, changed_at, backstop, restart_after_hold, limitation_period)
select id, version, category, description, anchor, period, end_action, archive_period, consent_purpose, statutory, ground,
       changed_at, backstop, restart_after_hold, limitation_period
from retention_rule r
where r.id = 'marketing-profile'
  and not exists (select 1 from retention_rule_version v where v.rule_id = r.id and v.version = r.version);

update holding h set rule_version = r.version, updated_at = now()
from retention_rule r
where h.rule_id = r.id and r.id = 'marketing-profile' and h.status = 'HELD' and h.rule_version <> r.version;
