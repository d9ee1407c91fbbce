-- retention-service schema: versioned retention rules, the data holdings platform services register,
-- and legal holds that suspend expiry.

-- The rule in force for each data category. Every change adds a version to retention_rule_version.
create table retention_rule (
    id              varchar(64)  primary key,
    category        varchar(64)  not null unique,
    description     text         not null,
    -- the event the clock starts from
    anchor          varchar(32)  not null check (anchor in ('COLLECTION', 'LAST_CONTACT', 'CONTRACT_END',
                        'FISCAL_YEAR_END', 'ALERT_RAISED', 'CASE_CLOSED', 'LISTING', 'UNSUBSCRIBE', 'END_OF_PROCEEDINGS')),
    -- ISO-8601 period kept after the anchor (P0D: until the anchor event itself)
    period          varchar(32)  not null,
    -- at the end of the period: DELETE, or ARCHIVE for archive_period, then delete
    end_action      varchar(16)  not null check (end_action in ('DELETE', 'ARCHIVE')),
    archive_period  varchar(32),
    -- a consent purpose whose withdrawal makes these holdings fall due at once (newsletter, cookies)
    consent_purpose varchar(64),
    -- kept on an erasure request: a statutory period or the defence of legal claims protects it
    statutory       boolean      not null default false,
    ground          text         not null,
    version         integer      not null,
    changed_at      timestamptz  not null,
    check ((end_action = 'ARCHIVE') = (archive_period is not null))
);

create table retention_rule_version (
    rule_id         varchar(64)  not null references retention_rule (id),
    version         integer      not null,
    category        varchar(64)  not null,
    description     text         not null,
    anchor          varchar(32)  not null,
    period          varchar(32)  not null,
    end_action      varchar(16)  not null,
    archive_period  varchar(32),
    consent_purpose varchar(64),
    statutory       boolean      not null,
    ground          text         not null,
    changed_at      timestamptz  not null,
    primary key (rule_id, version)
);

-- What a platform service holds on a subject. due_on is derived from the rule and the anchor, kept in
-- the row so that the sweep is one indexed range scan; null while the anchor event has not happened.
create table holding (
    id            uuid         primary key,
    subject_id    varchar(64)  not null,
    category      varchar(64)  not null references retention_rule (category),
    system        varchar(100) not null,
    reference     varchar(200) not null,
    anchor_date   date,
    rule_id       varchar(64)  not null references retention_rule (id),
    rule_version  integer      not null,
    archive_from  date,
    due_on        date,
    status        varchar(16)  not null check (status in ('HELD', 'EXPIRED', 'ERASED')),
    registered_at timestamptz  not null,
    updated_at    timestamptz  not null,
    expired_at    timestamptz,
    unique (subject_id, category, system, reference)
);

create index holding_due on holding (due_on) where status = 'HELD' and due_on is not null;
create index holding_subject on holding (subject_id);

-- Litigation: while a hold stands (lifted_at is null) nothing of its subject or category expires.
create table legal_hold (
    id             uuid         primary key,
    subject_id     varchar(64),
    category       varchar(64),
    case_reference varchar(200) not null,
    reason         text         not null,
    placed_at      timestamptz  not null,
    lifted_at      timestamptz,
    check (subject_id is not null or category is not null)
);

create index legal_hold_active_subject on legal_hold (subject_id) where lifted_at is null;
create index legal_hold_active_category on legal_hold (category) where lifted_at is null;
