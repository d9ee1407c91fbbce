-- Shared by every service (platform-commons): the transactional outbox and the idempotent inbox.
-- Versioned 0.x so that each service's own migrations (V1 onwards) run after it.

-- Events written in the same transaction as the state change they announce; the relay publishes
-- them to Kafka in id order (Kafka key = message_key: the subject id, so that a subject's events keep
-- their order; a purpose or rule id for events about no subject) and stamps published_at once the broker has acknowledged them.
create table outbox_event (
    id           bigserial    primary key,
    event_id     varchar(64)  not null unique,
    topic        varchar(200) not null,
    event_type   varchar(100) not null,
    message_key  varchar(200) not null,
    subject_id   varchar(128),
    source       varchar(200) not null,
    occurred_at  timestamptz  not null,
    payload      text         not null,
    published_at timestamptz
);

-- the relay only ever looks for what is still unpublished, oldest first
create index outbox_event_unpublished on outbox_event (id) where published_at is null;

-- One row per (consumer, ce_id) applied: inserted in the same transaction as the effect, so an event
-- delivered twice is applied once.
create table processed_event (
    consumer     varchar(100) not null,
    event_id     varchar(200) not null,
    event_type   varchar(100) not null,
    processed_at timestamptz  not null default now(),
    primary key (consumer, event_id)
);
