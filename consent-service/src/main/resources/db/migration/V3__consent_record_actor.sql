-- One identity per calling system (issue 12): every decision records who recorded it beside the source it
-- declares. Records written before this migration have no actor: history is never rewritten.
alter table consent_record add column actor_type varchar(16) check (actor_type in ('SUBJECT', 'DPO', 'SERVICE', 'SYSTEM'));
-- the subject's sub when they decided themselves, the calling system's client id, or the platform service's name
alter table consent_record add column actor varchar(64);
alter table consent_record add constraint consent_record_actor_whole check ((actor_type is null) = (actor is null));

-- Still append-only; on erasure the pseudonym replaces the subject id, and also the actor where the subject
-- was the actor (their sub is their subject id), so that the subject's id leaves the history entirely.
create or replace function consent_record_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE'
       and new.id = old.id and new.purpose_id = old.purpose_id and new.status = old.status
       and new.notice_version = old.notice_version and new.source = old.source
       and new.reason is not distinct from old.reason and new.recorded_at = old.recorded_at
       and new.actor_type is not distinct from old.actor_type
       and (new.actor is not distinct from old.actor or (old.actor = old.subject_id and new.actor = new.subject_id))
       and old.pseudonymised_at is null and new.pseudonymised_at is not null then
        return new; -- pseudonymisation on erasure, the one change allowed
    end if;
    raise exception 'consent history is append-only (% refused)', tg_op;
end $$;
