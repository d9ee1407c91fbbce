-- Issue 13: when a subject's erasure completes, the evidence of how their requests and consents were handled (the
-- audit service's sealed events, the consent service's consent proof) is kept under the platform pseudonym for the
-- limitation period, then destroyed. The rule audit-evidence decides when; its clock starts when the erasure
-- completed. Seeded like the reference rules (version 1); the DPO changes it with PUT /policies/audit-evidence.

alter table retention_rule drop constraint retention_rule_anchor_check;
alter table retention_rule add constraint retention_rule_anchor_check check (anchor in ('COLLECTION', 'LAST_CONTACT',
    'CONTRACT_END', 'FISCAL_YEAR_END', 'ALERT_RAISED', 'CASE_CLOSED', 'LISTING', 'UNSUBSCRIBE', 'END_OF_PROCEEDINGS',
    'ERASURE_COMPLETED'));

insert into retention_rule (id, category, description, anchor, period, end_action, archive_period, consent_purpose, statutory, ground, version, changed_at) values
    ('audit-evidence', 'audit-evidence', 'Evidence of how an erased subject''s requests and consents were handled: the audit service''s sealed events and the consent service''s consent proof, kept under the platform pseudonym', 'ERASURE_COMPLETED', 'P5Y', 'DELETE', null, null, true, 'Defence of legal claims (Art. 17(3)(e) GDPR): the 5-year civil and commercial limitation period after the erasure completed', 1, now());

insert into retention_rule_version (rule_id, version, category, description, anchor, period, end_action, archive_period, consent_purpose, statutory, ground, changed_at)
select id, version, category, description, anchor, period, end_action, archive_period, consent_purpose, statutory, ground, changed_at
from retention_rule where id = 'audit-evidence';
