-- audit-service schema: an append-only log of every platform event, the node hashes of its RFC 9162
-- Merkle tree, and the signed checkpoints. Run by the owner login; the service's own login
-- (${runtime_role}) may only read and insert, and the database refuses to change history for anyone.

-- One leaf per event, in arrival order, numbered from 0 without gaps.
create table audit_leaf (
    leaf_index  bigint       primary key check (leaf_index >= 0),
    event_id    varchar(200) not null unique,
    topic       varchar(200) not null,
    event_type  varchar(100) not null,
    subject_id  varchar(128),
    source      varchar(200) not null,
    event_time  timestamptz  not null,
    -- the leaf: the structured-mode CloudEvent, canonicalised with RFC 8785 (JCS)
    canonical   text         not null,
    -- SHA-256(0x00 || canonical UTF-8 bytes)
    leaf_hash   bytea        not null check (length(leaf_hash) = 32),
    appended_at timestamptz  not null
);

create index audit_leaf_subject on audit_leaf (subject_id, leaf_index);
create index audit_leaf_type on audit_leaf (event_type, leaf_index);
create index audit_leaf_time on audit_leaf (event_time);

-- The hash of every complete (perfect) subtree: level 0 holds the leaf hashes, level k the subtree of
-- 2^k leaves starting at leaf node_index * 2^k. Proofs read O(log n) of these; nothing is recomputed.
create table merkle_node (
    level      smallint not null check (level >= 0 and level < 64),
    node_index bigint   not null check (node_index >= 0),
    hash       bytea    not null check (length(hash) = 32),
    primary key (level, node_index)
);

-- Signed tree heads (C2SP signed notes, Ed25519).
create table checkpoint (
    id         bigserial    primary key,
    origin     varchar(200) not null,
    tree_size  bigint       not null check (tree_size >= 0),
    root_hash  bytea        not null check (length(root_hash) = 32),
    key_id     varchar(16)  not null,
    signature  text         not null,
    note       text         not null,
    created_at timestamptz  not null
);

create index checkpoint_size on checkpoint (tree_size, id);

create function audit_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'the audit log is append-only: % on % refused', tg_op, tg_table_name;
end $$;

create trigger audit_leaf_append_only before update or delete on audit_leaf
    for each row execute function audit_refuse_change();
create trigger audit_leaf_no_truncate before truncate on audit_leaf
    for each statement execute function audit_refuse_change();
create trigger merkle_node_append_only before update or delete on merkle_node
    for each row execute function audit_refuse_change();
create trigger merkle_node_no_truncate before truncate on merkle_node
    for each statement execute function audit_refuse_change();
create trigger checkpoint_append_only before update or delete on checkpoint
    for each row execute function audit_refuse_change();
create trigger checkpoint_no_truncate before truncate on checkpoint
    for each statement execute function audit_refuse_change();

-- the service's login: read and append, nothing else
grant select, insert on audit_leaf, merkle_node, checkpoint to ${runtime_role};
grant usage, select on sequence checkpoint_id_seq to ${runtime_role};
-- the shared outbox and inbox (platform-commons) the service's code uses
grant select, insert, update on outbox_event to ${runtime_role};
grant usage, select on sequence outbox_event_id_seq to ${runtime_role};
grant select, insert on processed_event to ${runtime_role};
