-- Issue 13: the consent proof kept under the pseudonym after an erasure is destroyed when the evidence's retention
-- (rule audit-evidence of the retention service) runs out: RetentionExpired {category audit-evidence} deletes the
-- records kept under that pseudonym. The history stays append-only otherwise: a record still under a subject id can
-- neither be changed (except its pseudonymisation) nor deleted.
create or replace function consent_record_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE'
       and new.id = old.id and new.purpose_id = old.purpose_id and new.status = old.status
       and new.notice_version = old.notice_version and new.source = old.source
       and new.reason is not distinct from old.reason and new.recorded_at = old.recorded_at
       and new.actor_type is not distinct from old.actor_type
       and (new.actor is not distinct from old.actor or (old.actor = old.subject_id and new.actor = new.subject_id))
       and old.pseudonymised_at is null and new.pseudonymised_at is not null then
        return new; -- pseudonymisation on erasure
    end if;
    if tg_op = 'DELETE' and old.pseudonymised_at is not null then
        return old; -- the pseudonymous proof, destroyed when its retention ran out
    end if;
    raise exception 'consent history is append-only (% refused)', tg_op;
end $$;
