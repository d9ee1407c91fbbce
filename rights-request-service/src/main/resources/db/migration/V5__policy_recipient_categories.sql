-- Issue 15, item 4 (Art. 19; the reference policy's section 4 "Data recipients" and section 8 "Extra Services"):
-- the catalogue ships the policy's categories of recipients for the DPO to complete. Each is inactive until the DPO
-- makes it a real recipient (PUT /recipients: its name, the request types it must hear of, and how it answers); until
-- then no request waits for it. They ship as MANUAL: a recipient that answers by letter or e-mail, whose answers the DPO
-- records (POST /requests/{id}/outcomes with a note); a DPO who connects one to a calling system makes it REST with
-- that system as reportedBy.
alter table recipient drop constraint recipient_channel_check;
alter table recipient add constraint recipient_channel_check check (channel in ('KAFKA', 'REST', 'MANUAL'));

insert into recipient (id, name, kind, applies_to, channel, active, updated_at) values
    ('internal-departments', 'Internal departments: contracts, marketing, sales, customer relations, complaints, administration, IT',
        'INTERNAL_DEPARTMENT', 'ERASURE,RECTIFICATION,RESTRICTION', 'MANUAL', false, now()),
    ('employers', 'Employers of learners (statistics)', 'THIRD_PARTY', 'ERASURE,RECTIFICATION,RESTRICTION', 'MANUAL', false, now()),
    ('partners-and-processors', 'Partners, service providers and subcontractors', 'PROCESSOR',
        'ERASURE,RECTIFICATION,RESTRICTION', 'MANUAL', false, now()),
    ('lawyers-and-courts', 'Lawyers, court officials, ministerial officers, administrative or judicial authorities',
        'THIRD_PARTY', 'ERASURE,RECTIFICATION,RESTRICTION', 'MANUAL', false, now()),
    ('regulators-and-auditors', 'Mediators, regulatory and supervisory authorities, auditors and internal auditors',
        'THIRD_PARTY', 'ERASURE,RECTIFICATION,RESTRICTION', 'MANUAL', false, now()),
    ('extra-service-providers', 'Providers of the extra services a subscriber took (controllers of their own)',
        'THIRD_PARTY', 'ERASURE,RECTIFICATION,RESTRICTION', 'MANUAL', false, now())
on conflict (id) do nothing;
