-- The reference customer's purposes (privacy policy, sections 1 and 5), each with its legal basis and
-- a first notice version. The DPO changes them through PUT /purposes/{purposeId}.

insert into purpose (id, name, description, legal_basis, direct_marketing, validity, current_notice_version, updated_at) values
    ('training-access', 'Access to personalised language training', 'Providing access to personalised language training for individuals, or for groups of employees of a company, an administration, an educational institution or a community, or for students of a higher education institution.', 'CONTRACT', false, null, '1.0', now()),
    ('level-needs-mapping', 'Level and needs mapping', 'Mapping the learner''s level and needs, and the language level and training needs of a company, an administration, a community or an institution of higher education, in order to build a personalised programme.', 'CONTRACT', false, null, '1.0', now()),
    ('learner-monitoring', 'Monitoring by training professionals', 'Enabling training professionals (training managers, partners and teachers) to monitor and adapt the service to the learner''s needs.', 'CONTRACT', false, null, '1.0', now()),
    ('learner-engagement', 'Learner engagement', 'Generating learner engagement and achieving optimal engagement rates.', 'CONTRACT', false, null, '1.0', now()),
    ('community-membership', 'User community membership', 'Managing membership in the user community.', 'CONSENT', false, null, '1.0', now()),
    ('cookies-consent', 'Cookies subject to consent', 'Managing cookies subject to consent. A consent lasts at most 13 months, after which it is asked again.', 'CONSENT', false, 'P13M', '1.0', now()),
    ('newsletter', 'Newsletter', 'Managing subscriptions to the newsletter; the data is kept until the subscriber unsubscribes.', 'CONSENT', true, null, '1.0', now()),
    ('accounting', 'General accounting', 'General accounting, as required by law.', 'LEGAL_OBLIGATION', false, null, '1.0', now()),
    ('authority-requests', 'Answers to official requests', 'Managing responses to official requests from public or judicial authorities authorised for this purpose.', 'LEGAL_OBLIGATION', false, null, '1.0', now()),
    ('transaction-proof', 'Proof of transactions', 'Providing proof of the transactions carried out on the site.', 'LEGITIMATE_INTEREST', false, null, '1.0', now()),
    ('fraud-prevention', 'Fraud prevention', 'Implementing security measures to prevent abuse and fraud, and detecting unusual transactions.', 'LEGITIMATE_INTEREST', false, null, '1.0', now()),
    ('personalised-marketing', 'Analysis, personalisation and marketing messages', 'Analysing your data to personalise the products and services offered according to your profile, and sending you messages, personalised or not, about our products and services. You may object at any time, without giving reasons.', 'LEGITIMATE_INTEREST', true, null, '1.0', now()),
    ('cookies-essential', 'Cookies not subject to consent', 'Managing cookies that are not subject to consent (strictly necessary for the service).', 'LEGITIMATE_INTEREST', false, null, '1.0', now());

insert into purpose_notice (purpose_id, version, seq, text, requires_fresh_consent, published_at)
select id, '1.0', 1, description, false, now() from purpose;
