-- The reference customer's retention table (privacy policy, section 5), one rule per data category,
-- version 1. The DPO changes a rule through PUT /policies/{policyId}; each change is a new version.

insert into retention_rule (id, category, description, anchor, period, end_action, archive_period, consent_purpose, statutory, ground, version, changed_at) values
    ('training', 'training', 'Providing access to personalised language training, assessing levels and needs, mapping language levels and training needs, monitoring by training professionals, and learner engagement', 'CONTRACT_END', 'P0D', 'ARCHIVE', 'P5Y', null, false, 'The duration of the contract, then archived for pre-litigation and litigation until the 5-year civil and commercial limitation period ends', 1, now()),
    ('business-relationship', 'business-relationship', 'Managing the business relationship, including answers to contact requests', 'CONTRACT_END', 'P0D', 'ARCHIVE', 'P5Y', null, false, 'The duration of the contract, then archived until the 5-year limitation period ends', 1, now()),
    ('transaction-proof', 'transaction-proof', 'Proof of the transactions carried out', 'CONTRACT_END', 'P0D', 'ARCHIVE', 'P5Y', null, true, 'Defence of legal claims (Art. 17(3)(e) GDPR): the contract, then archived until the 5-year limitation period ends', 1, now()),
    ('prospect', 'prospect', 'Assessing the products or services that can be offered to a prospect', 'LAST_CONTACT', 'P3Y', 'DELETE', null, null, false, 'Three years from the last incoming contact', 1, now()),
    ('service-operations', 'service-operations', 'Operations needed for the products or services subscribed to', 'LAST_CONTACT', 'P3Y', 'DELETE', null, null, false, 'Three years from the last incoming contact', 1, now()),
    ('marketing-profile', 'marketing-profile', 'Analysis to personalise offers, and messages about products and services', 'LAST_CONTACT', 'P3Y', 'DELETE', null, null, false, 'Three years from the last incoming contact', 1, now()),
    ('accounting', 'accounting', 'Accounting records', 'FISCAL_YEAR_END', 'P10Y', 'DELETE', null, null, true, 'Legal obligation: the current fiscal year plus ten years from its closing date', 1, now()),
    ('fraud-alert', 'fraud-alert', 'Fraud and unusual-transaction alerts before qualification', 'ALERT_RAISED', 'P12M', 'DELETE', null, null, false, 'Twelve months from the alert; alerts not qualified by then are deleted', 1, now()),
    ('fraud-case', 'fraud-case', 'Qualified fraud and unusual-transaction alerts', 'CASE_CLOSED', 'P5Y', 'DELETE', null, null, true, 'Five years after the fraud case is closed; longer while legal proceedings run (legal hold)', 1, now()),
    ('fraudster-list', 'fraudster-list', 'Registration on the list of proven fraudsters', 'LISTING', 'P5Y', 'DELETE', null, null, true, 'Five years from registration on the list; longer while legal proceedings run (legal hold)', 1, now()),
    ('authority-request', 'authority-request', 'Answers to official requests from public or judicial authorities', 'END_OF_PROCEEDINGS', 'P5Y', 'DELETE', null, null, true, 'Legal obligation: the proceedings plus the 5-year limitation period', 1, now()),
    ('newsletter', 'newsletter', 'Newsletter subscription', 'UNSUBSCRIBE', 'P0D', 'DELETE', null, 'newsletter', false, 'Until the subscriber unsubscribes', 1, now()),
    ('call-recording', 'call-recording', 'Recordings of telephone conversations', 'COLLECTION', 'P6M', 'DELETE', null, null, false, 'Six months from collection', 1, now()),
    ('call-analysis', 'call-analysis', 'Analysis documents of telephone conversations (reports, analysis grids)', 'COLLECTION', 'P1Y', 'DELETE', null, null, false, 'One year from collection', 1, now()),
    ('cookies', 'cookies', 'Cookies and similar trackers', 'COLLECTION', 'P13M', 'DELETE', null, 'cookies-consent', false, 'At most 13 months', 1, now());

insert into retention_rule_version (rule_id, version, category, description, anchor, period, end_action, archive_period, consent_purpose, statutory, ground, changed_at)
select id, version, category, description, anchor, period, end_action, archive_period, consent_purpose, statutory, ground, changed_at from retention_rule;
