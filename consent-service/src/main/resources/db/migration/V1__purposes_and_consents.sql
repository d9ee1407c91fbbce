-- consent-service schema: the purpose catalogue with its notice versions, each subject's current
-- consent state per purpose, the append-only history of every decision, and Art. 18 restrictions.

create table purpose (
    id                     varchar(64)  primary key,
    name                   varchar(200) not null,
    description            text         not null,
    legal_basis            varchar(32)  not null
        check (legal_basis in ('CONSENT', 'CONTRACT', 'LEGAL_OBLIGATION', 'LEGITIMATE_INTEREST')),
    -- objections to direct marketing are absolute (Art. 21(3))
    direct_marketing       boolean      not null default false,
    -- ISO-8601 period after which a consent lapses (cookies: P13M); consent purposes only
    validity               varchar(32),
    current_notice_version varchar(32)  not null,
    updated_at             timestamptz  not null,
    check (validity is null or legal_basis = 'CONSENT')
);

-- Notices are published, never edited: a decision stays bound to the version the subject saw.
create table purpose_notice (
    purpose_id             varchar(64)  not null references purpose (id),
    version                varchar(32)  not null,
    -- publication order within the purpose
    seq                    integer      not null,
    text                   text         not null,
    -- grants on earlier versions stop counting once a version that requires fresh consent is published
    requires_fresh_consent boolean      not null default false,
    published_at           timestamptz  not null,
    primary key (purpose_id, version),
    unique (purpose_id, seq)
);

alter table purpose add constraint purpose_current_notice
    foreign key (id, current_notice_version) references purpose_notice (purpose_id, version)
    deferrable initially deferred;

create table consent_state (
    subject_id     varchar(64) not null,
    purpose_id     varchar(64) not null references purpose (id),
    status         varchar(16) not null check (status in ('GRANTED', 'WITHDRAWN', 'OBJECTED', 'EXPIRED')),
    notice_version varchar(32) not null,
    source         varchar(16) not null,
    decided_at     timestamptz not null,
    expires_at     timestamptz,
    primary key (subject_id, purpose_id),
    foreign key (purpose_id, notice_version) references purpose_notice (purpose_id, version)
);

-- the expiry job looks only at grants that can lapse
create index consent_state_expiring on consent_state (expires_at) where status = 'GRANTED' and expires_at is not null;

-- Every decision ever made (Art. 7(1)): append-only. On erasure the subject id is replaced by a keyed
-- pseudonym; purpose, decision, notice version, source and time never change.
create table consent_record (
    id               bigserial   primary key,
    subject_id       varchar(64) not null,
    purpose_id       varchar(64) not null references purpose (id),
    status           varchar(16) not null check (status in ('GRANTED', 'WITHDRAWN', 'OBJECTED', 'EXPIRED')),
    notice_version   varchar(32) not null,
    source           varchar(16) not null,
    reason           varchar(32),
    recorded_at      timestamptz not null,
    pseudonymised_at timestamptz
);

create index consent_record_subject on consent_record (subject_id, id);

create function consent_record_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE'
       and new.id = old.id and new.purpose_id = old.purpose_id and new.status = old.status
       and new.notice_version = old.notice_version and new.source = old.source
       and new.reason is not distinct from old.reason and new.recorded_at = old.recorded_at
       and old.pseudonymised_at is null and new.pseudonymised_at is not null then
        return new; -- pseudonymisation on erasure, the one change allowed
    end if;
    raise exception 'consent history is append-only (% refused)', tg_op;
end $$;

create trigger consent_record_append_only before update or delete on consent_record
    for each row execute function consent_record_append_only();
create trigger consent_record_no_truncate before truncate on consent_record
    for each statement execute function consent_record_append_only();

-- Art. 18: while a row exists the subject's data may only be stored.
create table subject_restriction (
    subject_id    varchar(64) primary key,
    request_id    varchar(64) not null,
    ground        text,
    restricted_at timestamptz not null
);
