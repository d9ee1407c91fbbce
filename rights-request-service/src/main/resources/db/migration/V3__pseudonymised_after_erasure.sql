-- Issue 13: once a subject's erasure completes, this service keeps their requests as proof of how their rights were
-- handled, keyed by the platform pseudonym (lowercase hex HMAC-SHA-256 of the subject id), never by the id in clear:
-- the request's subject_id, and the id wherever it stands in the request's free text, its outcomes and its history.

-- when the request's subject id was replaced by the pseudonym (null: never)
alter table rights_request add column pseudonymised_at timestamptz;

-- The history stays append-only; the one change allowed is that pseudonymisation, once per step: the actor, where the
-- subject acted (their sub is their subject id), becomes the pseudonym, and the id leaves the note. Nothing else of a
-- step (when, what, which statuses, which kind of actor) can change.
alter table request_history add column pseudonymised_at timestamptz;

create or replace function request_history_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE'
       and new.id = old.id and new.request_id = old.request_id and new.at = old.at and new.action = old.action
       and new.from_status is not distinct from old.from_status and new.to_status = old.to_status
       and new.actor_type is not distinct from old.actor_type
       and (new.actor = old.actor or (old.actor_type = 'SUBJECT' and new.actor ~ '^[0-9a-f]{64}$'))
       and old.pseudonymised_at is null and new.pseudonymised_at is not null then
        return new; -- pseudonymisation once the subject's erasure completed, the one change allowed
    end if;
    raise exception 'request history is append-only (% refused)', tg_op;
end $$;

create trigger request_history_no_truncate before truncate on request_history
    for each statement execute function request_history_append_only();
