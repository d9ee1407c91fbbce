-- Issue 16: one catalogue. The privacy notice and the Art. 30 record are generated from what the platform enforces:
-- the purposes (legal basis, notice version), the retention rules (the retention service's, read from its events),
-- and the DPO's catalogue (controller, DPO, and per purpose its data, subjects, sources, recipients, transfers,
-- retention rules and security measures).

-- The retention service's rules as its RetentionRuleChanged events describe them (a read model: the retention service
-- owns them). Seeded with version 1 of the reference rules (retention-service V2 and V3); a later version replaces a row.
create table retention_rule_view (
    rule_id        varchar(64) primary key,
    version        integer     not null check (version >= 1),
    category       varchar(64) not null,
    anchor         varchar(32) not null,
    -- ISO-8601 period after the anchor (P0D: until the anchor event itself)
    period         varchar(32),
    end_action     varchar(16) not null check (end_action in ('DELETE', 'ARCHIVE')),
    archive_period varchar(32),
    changed_at     timestamptz not null
);

insert into retention_rule_view (rule_id, version, category, anchor, period, end_action, archive_period, changed_at) values
    ('training', 1, 'training', 'CONTRACT_END', 'P0D', 'ARCHIVE', 'P5Y', now()),
    ('business-relationship', 1, 'business-relationship', 'CONTRACT_END', 'P0D', 'ARCHIVE', 'P5Y', now()),
    ('transaction-proof', 1, 'transaction-proof', 'CONTRACT_END', 'P0D', 'ARCHIVE', 'P5Y', now()),
    ('prospect', 1, 'prospect', 'LAST_CONTACT', 'P3Y', 'DELETE', null, now()),
    ('service-operations', 1, 'service-operations', 'LAST_CONTACT', 'P3Y', 'DELETE', null, now()),
    ('marketing-profile', 1, 'marketing-profile', 'LAST_CONTACT', 'P3Y', 'DELETE', null, now()),
    ('accounting', 1, 'accounting', 'FISCAL_YEAR_END', 'P10Y', 'DELETE', null, now()),
    ('fraud-alert', 1, 'fraud-alert', 'ALERT_RAISED', 'P12M', 'DELETE', null, now()),
    ('fraud-case', 1, 'fraud-case', 'CASE_CLOSED', 'P5Y', 'DELETE', null, now()),
    ('fraudster-list', 1, 'fraudster-list', 'LISTING', 'P5Y', 'DELETE', null, now()),
    ('authority-request', 1, 'authority-request', 'END_OF_PROCEEDINGS', 'P5Y', 'DELETE', null, now()),
    ('newsletter', 1, 'newsletter', 'UNSUBSCRIBE', 'P0D', 'DELETE', null, now()),
    ('call-recording', 1, 'call-recording', 'COLLECTION', 'P6M', 'DELETE', null, now()),
    ('call-analysis', 1, 'call-analysis', 'COLLECTION', 'P1Y', 'DELETE', null, now()),
    ('cookies', 1, 'cookies', 'COLLECTION', 'P13M', 'DELETE', null, now()),
    ('audit-evidence', 1, 'audit-evidence', 'ERASURE_COMPLETED', 'P5Y', 'DELETE', null, now());

-- Every state of the DPO's catalogue, one row per change (the first is written at the first start, from the
-- reference catalogue on the class path). Never updated or deleted: each state is proven by its CatalogueChanged event.
create table catalogue_version (
    version    integer      primary key check (version >= 1),
    -- the catalogue as JSON, exactly as hashed
    document   text         not null,
    hash       char(64)     not null,
    actor      varchar(200) not null,
    changed_at timestamptz  not null
);

-- Every version of the whole privacy notice: what it showed (content, JSON), its Markdown text in each language as
-- published (hashed in NoticePublished), and the catalogue it came from. Never updated or deleted.
create table notice_version (
    version           integer     primary key check (version >= 1),
    catalogue_version integer     not null references catalogue_version (version),
    content           text        not null,
    content_hash      char(64)    not null,
    markdown_en       text        not null,
    markdown_fr       text        not null,
    hash_en           char(64)    not null,
    hash_fr           char(64)    not null,
    published_at      timestamptz not null
);

create function published_once() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only (% refused)', tg_table_name, tg_op;
end $$;

create trigger catalogue_version_append_only before update or delete on catalogue_version
    for each row execute function published_once();
create trigger catalogue_version_no_truncate before truncate on catalogue_version
    for each statement execute function published_once();
create trigger notice_version_append_only before update or delete on notice_version
    for each row execute function published_once();
create trigger notice_version_no_truncate before truncate on notice_version
    for each statement execute function published_once();

-- A consent records the whole notice's version shown beside the purpose's notice version (null: not said, or
-- recorded before this migration).
alter table consent_record add column privacy_notice_version integer references notice_version (version);

create or replace function consent_record_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE'
       and new.id = old.id and new.purpose_id = old.purpose_id and new.status = old.status
       and new.notice_version = old.notice_version and new.source = old.source
       and new.privacy_notice_version is not distinct from old.privacy_notice_version
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
