-- Witness cosignatures of the log's checkpoints (C2SP tlog-cosignature, cosignature/v1): a checkpoint is published
-- only once the configured quorum of witnesses cosigned it. Append-only like the log itself.
create table checkpoint_cosignature (
    id            bigserial    primary key,
    checkpoint_id bigint       not null references checkpoint (id),
    -- the witness's key name, as in its cosignature line
    witness       varchar(200) not null,
    -- 4-byte cosignature/v1 key ID, lowercase hex
    key_id        varchar(8)   not null,
    -- the signed timestamp, POSIX seconds
    cosigned_at   bigint       not null check (cosigned_at >= 0),
    -- the 64-byte Ed25519 signature, base64
    signature     text         not null,
    -- the note signature line the witness answered (without its newline)
    line          text         not null,
    received_at   timestamptz  not null,
    unique (checkpoint_id, witness)
);

create index checkpoint_cosignature_witness on checkpoint_cosignature (witness, checkpoint_id);

create trigger checkpoint_cosignature_append_only before update or delete on checkpoint_cosignature
    for each row execute function audit_refuse_change();
create trigger checkpoint_cosignature_no_truncate before truncate on checkpoint_cosignature
    for each statement execute function audit_refuse_change();

grant select, insert on checkpoint_cosignature to ${runtime_role};
grant usage, select on sequence checkpoint_cosignature_id_seq to ${runtime_role};
