-- Issue 18: consents of visitors who are not logged in (the consent banner), kept per device, and the link a subject
-- makes when they join a device's choices.

-- A purpose a visitor may decide on before logging in (cookies, audience measurement, advertising): consent purposes
-- only. The banner shows these; the others need a subject.
alter table purpose add column device_eligible boolean not null default false;
alter table purpose add constraint purpose_device_eligible_consent check (not device_eligible or legal_basis = 'CONSENT');

-- The reference policy's one purpose asked before login: cookies subject to consent. Its newsletter needs an e-mail
-- address, so a subject.
update purpose set device_eligible = true where id = 'cookies-consent';

-- A device's choices live in consent_state and consent_record like a subject's, under the device's reference
-- ('device:' and a keyed pseudonym of the device id, never the id itself). A subject joins a device once; the device
-- then belongs to that subject. Deleted with the subject on erasure.
create table device_link (
    device_ref varchar(64) primary key,
    subject_id varchar(64) not null,
    linked_at  timestamptz not null
);

create index device_link_subject on device_link (subject_id);
