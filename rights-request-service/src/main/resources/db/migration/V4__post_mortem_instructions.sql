-- Issue 15: post-mortem instructions (art. 85 loi Informatique et Libertés) are a resource of their own, off the
-- Art. 12 clock: never a request, never overdue. Each registration, replacement or revocation is a new version; the
-- earlier ones are kept. When the DPO records a death, the latest version applies, unless it is a revocation.

create table post_mortem_instructions (
    id                    bigserial    primary key,
    -- the subject whose instructions these are (their pseudonym once an erasure of theirs completed)
    subject_id            varchar(64)  not null,
    version               integer      not null,
    -- REVOKED: the subject revoked the instructions in force; nothing applies until they register new ones
    kind                  varchar(16)  not null check (kind in ('GENERAL', 'SPECIFIC', 'REVOKED')),
    choice                varchar(32)  check (choice in ('ERASE', 'KEEP', 'PASS_TO_DESIGNATED_PERSON')),
    -- SPECIFIC: which data or processing they concern
    scope                 text,
    -- the person designated to act on them: a subject of the platform, or a name and a contact
    designated_subject_id varchar(64),
    designated_name       varchar(200),
    designated_contact    varchar(320),
    recorded_at           timestamptz  not null,
    actor_type            varchar(16)  not null,
    actor                 varchar(64)  not null,
    note                  text,
    pseudonymised_at      timestamptz,
    unique (subject_id, version),
    check ((kind = 'REVOKED') = (choice is null))
);

-- Versions are append-only; the one change allowed is the pseudonymisation of the subject's key once their erasure
-- completed (as for request_history, V3).
create function post_mortem_instructions_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE'
       and new.id = old.id and new.version = old.version and new.kind = old.kind
       and new.choice is not distinct from old.choice and new.scope is not distinct from old.scope
       and new.designated_subject_id is not distinct from old.designated_subject_id
       and new.designated_name is not distinct from old.designated_name
       and new.designated_contact is not distinct from old.designated_contact
       and new.recorded_at = old.recorded_at and new.actor_type = old.actor_type
       and (new.actor = old.actor or (old.actor_type = 'SUBJECT' and new.actor ~ '^[0-9a-f]{64}$'))
       and old.pseudonymised_at is null and new.pseudonymised_at is not null and new.subject_id ~ '^[0-9a-f]{64}$' then
        return new;
    end if;
    raise exception 'post-mortem instructions are append-only (% refused)', tg_op;
end $$;

create trigger post_mortem_instructions_append_only before update or delete on post_mortem_instructions
    for each row execute function post_mortem_instructions_append_only();
create trigger post_mortem_instructions_no_truncate before truncate on post_mortem_instructions
    for each statement execute function post_mortem_instructions_append_only();

-- a subject's death, recorded once by the DPO, and which version of their instructions it applied (null: none in force)
create table recorded_death (
    subject_id            varchar(64)  primary key,
    died_on               date         not null,
    evidence              text         not null,
    recorded_at           timestamptz  not null,
    actor                 varchar(64)  not null,
    applied_version       integer,
    applied_choice        varchar(32),
    pseudonymised_at      timestamptz
);

-- Instructions kept on file as requests before (type POST_MORTEM_INSTRUCTIONS, identity verified: IN_PROGRESS) become
-- versions of the resource, the latest per subject last, {"erase": true} as ERASE and anything else as KEEP. The requests
-- stay as the record of how they arrived; a death closes them (superseded), and they are never overdue.
insert into post_mortem_instructions (subject_id, version, kind, choice, recorded_at, actor_type, actor, note)
select r.subject_id,
       row_number() over (partition by r.subject_id order by r.received_at, r.id),
       'GENERAL',
       case when r.details::jsonb ->> 'erase' = 'true' then 'ERASE' else 'KEEP' end,
       r.received_at,
       case when r.filed_by = 'dpo' then 'DPO' else 'SUBJECT' end,
       case when r.filed_by = 'dpo' then 'dpo' else r.subject_id end,
       'from request ' || r.id
from rights_request r
where r.type = 'POST_MORTEM_INSTRUCTIONS' and r.status = 'IN_PROGRESS' and r.pseudonymised_at is null;
