-- The audit log forgets a person and stays verifiable (ARCHITECTURE.md). Leaves keep their index and hash in
-- audit_leaf, forever; their text moves out of it into leaf_text, encrypted (AES-256-GCM) under the data key of
-- their subject, and the subject id leaves the table: subjects are found through their platform pseudonym
-- (subject_leaf). Deleting a subject's data key and texts (crypto-shredding) destroys their evidence and leaves
-- every hash, checkpoint and proof as it was. Run as the owner; ${runtime_role} gets only what it needs.

-- The text of the leaves appended before this migration, staged for the service, which encrypts it at start-up
-- with its own login (it holds the keys; this migration does not) and deletes each row it has encrypted.
create table leaf_text_staged (
    leaf_index bigint       primary key,
    subject_id varchar(128),
    canonical  text         not null
);
insert into leaf_text_staged (leaf_index, subject_id, canonical)
select leaf_index, subject_id, canonical from audit_leaf;

-- No subject id and no text in the append-only table. The triggers refuse UPDATE and DELETE, not ALTER.
drop index audit_leaf_subject;
alter table audit_leaf drop column subject_id, drop column canonical;

-- One data key per subject (key_ref = their pseudonym) and one for the log (key_ref 'log'): 32 random bytes,
-- wrapped by the master key master_key_id (configuration): nonce || AES-256-GCM || tag, associated data
-- 'audit-data-key:' || key_ref. Deleting a subject's row is the shredding.
create table data_key (
    key_ref       varchar(64) primary key,
    master_key_id varchar(64) not null,
    wrapped_key   bytea       not null,
    created_at    timestamptz not null
);

-- Each leaf's text: AES-256-GCM under the data key key_ref, random 96-bit nonce, associated data = the leaf
-- hash. Deleted (never changed) when the subject's evidence is shredded.
create table leaf_text (
    leaf_index bigint      primary key,
    key_ref    varchar(64) not null,
    nonce      bytea       not null check (length(nonce) = 12),
    ciphertext bytea       not null
);
create index leaf_text_key on leaf_text (key_ref);

-- The subject index: the platform pseudonym (lowercase hex HMAC-SHA-256 of the subject id), never the id.
create table subject_leaf (
    subject_pseudonym varchar(64) not null,
    leaf_index        bigint      not null,
    primary key (subject_pseudonym, leaf_index)
);
create index subject_leaf_leaf on subject_leaf (leaf_index);

-- Subjects whose erasure completed: their events are read by the dpo and auditors only (Art. 17(3)(e)).
create table sealed_subject (
    subject_pseudonym varchar(64) primary key,
    sealed_by_leaf    bigint      not null,
    sealed_at         timestamptz not null
);

-- Each shredding: whose, how many leaves' texts it destroyed, and the EvidenceShredded leaf that records it.
create table shredded_subject (
    evidence_leaf     bigint      primary key,
    subject_pseudonym varchar(64) not null,
    leaves            integer     not null check (leaves >= 0),
    shredded_at       timestamptz not null
);
create index shredded_subject_pseudonym on shredded_subject (subject_pseudonym);

-- texts and index rows are deleted by shredding, never rewritten
create trigger leaf_text_no_update before update on leaf_text
    for each row execute function audit_refuse_change();
create trigger subject_leaf_no_update before update on subject_leaf
    for each row execute function audit_refuse_change();
create trigger sealed_subject_append_only before update or delete on sealed_subject
    for each row execute function audit_refuse_change();
create trigger shredded_subject_append_only before update or delete on shredded_subject
    for each row execute function audit_refuse_change();

grant select, insert, delete on data_key, leaf_text, subject_leaf to ${runtime_role};
grant select, insert on sealed_subject, shredded_subject to ${runtime_role};
grant select, delete on leaf_text_staged to ${runtime_role};
