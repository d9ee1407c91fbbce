-- Issue 15, item 12: minors. In France a subject under 15 consents to an information society service only together
-- with a holder of parental responsibility (art. 45 loi Informatique et Libertés, the age Art. 8(1) GDPR lets a Member
-- State set). The calling system or the subject's token states the age; the service keeps only what the rule needs.

-- A subject known to be under 15: the day they turn 15 (from a stated birth date; 15 is reached at 00:00 Europe/Paris
-- that day; someone born on 29 February turns 15 on 1 March, never in a leap year), or null for a minor flag without
-- a date, kept until a caller states otherwise. No birth date, no age: the one date the rule needs. Deleted on erasure.
create table subject_minor (
    subject_id     varchar(64) primary key,
    consent_age_on date,
    stated_at      timestamptz not null
);

-- A grant given or authorised by a holder of parental responsibility names them by a reference of the calling system
-- (its case or verification id), never a name or an e-mail address. Kept with the history as proof (Art. 7(1), 8(2)).
alter table consent_state add column parental_consent_holder varchar(64);
alter table consent_record add column parental_consent_holder varchar(64);

-- Still append-only (V5), the holder included.
create or replace function consent_record_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE'
       and new.id = old.id and new.purpose_id = old.purpose_id and new.status = old.status
       and new.notice_version = old.notice_version and new.source = old.source
       and new.reason is not distinct from old.reason and new.recorded_at = old.recorded_at
       and new.actor_type is not distinct from old.actor_type
       and (new.actor is not distinct from old.actor or (old.actor = old.subject_id and new.actor = new.subject_id))
       and new.parental_consent_holder is not distinct from old.parental_consent_holder
       and new.privacy_notice_version is not distinct from old.privacy_notice_version
       and old.pseudonymised_at is null and new.pseudonymised_at is not null then
        return new; -- pseudonymisation on erasure
    end if;
    if tg_op = 'DELETE' and old.pseudonymised_at is not null then
        return old; -- the pseudonymous proof, destroyed when its retention ran out
    end if;
    raise exception 'consent history is append-only (% refused)', tg_op;
end $$;
