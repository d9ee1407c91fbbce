-- rights-request-service schema: data-subject requests on the Art. 12 clock, their append-only history,
-- the recipients that must hear of rectification, erasure and restriction (Art. 19), and their outcomes.

create table rights_request (
    id                   uuid         primary key,
    subject_id           varchar(64)  not null,
    type                 varchar(32)  not null check (type in ('ACCESS', 'RECTIFICATION', 'ERASURE', 'RESTRICTION',
                             'PORTABILITY', 'OBJECTION', 'POST_MORTEM_INSTRUCTIONS')),
    status               varchar(32)  not null check (status in ('RECEIVED', 'IDENTITY_VERIFIED', 'IN_PROGRESS',
                             'COMPLETED', 'PARTIALLY_COMPLETED', 'REJECTED')),
    -- what the subject asked, as JSON (corrections, purposes objected to, post-mortem instructions, ...)
    details              text         not null,
    -- who filed it: the subject themselves, or the DPO for a request received by post or e-mail
    filed_by             varchar(32)  not null,
    received_at          timestamptz  not null,
    due_at               timestamptz  not null,
    extended_at          timestamptz,
    extension_reason     text,
    identity_verified_at timestamptz,
    rejection_ground     varchar(32),
    rejection_detail     text,
    closed_at            timestamptz,
    -- Art. 18(3): when the subject was told the restriction would be lifted
    subject_informed_at  timestamptz,
    export_copies        integer      not null default 0,
    version              integer      not null default 0
);

create index rights_request_subject on rights_request (subject_id, received_at);
create index rights_request_open on rights_request (due_at) where status not in ('COMPLETED', 'PARTIALLY_COMPLETED', 'REJECTED');

-- every step of every request: append-only
create table request_history (
    id          bigserial    primary key,
    request_id  uuid         not null references rights_request (id),
    at          timestamptz  not null,
    action      varchar(40)  not null,
    from_status varchar(32),
    to_status   varchar(32)  not null,
    actor       varchar(32)  not null,
    note        text
);

create index request_history_request on request_history (request_id, id);

create function request_history_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'request history is append-only (% refused)', tg_op;
end $$;

create trigger request_history_append_only before update or delete on request_history
    for each row execute function request_history_append_only();

-- Art. 19: the systems and recipients to tell of a rectification, erasure or restriction
create table recipient (
    id          varchar(64)  primary key,
    name        varchar(200) not null,
    kind        varchar(32)  not null check (kind in ('PLATFORM_SERVICE', 'INTERNAL_DEPARTMENT', 'PROCESSOR', 'THIRD_PARTY')),
    -- which request types it must hear of: comma-separated ERASURE, RECTIFICATION, RESTRICTION
    applies_to  varchar(100) not null,
    -- platform services answer over Kafka (ErasureCompleted); the others over REST
    channel     varchar(16)  not null check (channel in ('KAFKA', 'REST')),
    active      boolean      not null default true,
    updated_at  timestamptz  not null
);

-- what each recipient answered for a request; the request completes when none is PENDING
create table recipient_outcome (
    request_id   uuid         not null references rights_request (id),
    recipient_id varchar(64)  not null,
    status       varchar(16)  not null check (status in ('PENDING', 'DONE', 'PARTIAL', 'FAILED')),
    erased       text,
    kept         text,
    note         text,
    reported_at  timestamptz,
    primary key (request_id, recipient_id)
);

-- The reference customer's platform services, which answer erasure over Kafka. The DPO adds the
-- external recipients (processors, employers, ...) with PUT /recipients.
insert into recipient (id, name, kind, applies_to, channel, active, updated_at) values
    ('consent-service', 'Consent service', 'PLATFORM_SERVICE', 'ERASURE', 'KAFKA', true, now()),
    ('retention-service', 'Retention service', 'PLATFORM_SERVICE', 'ERASURE', 'KAFKA', true, now());
