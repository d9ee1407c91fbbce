-- Issue 13: published outbox rows and processed-event rows are purged after privacy.outbox.purge-after (OutboxPurge).
-- The purge finds them by age; the service's runtime login (runtime_role: the datasource's login, or the one a
-- service names, as the audit service does) may delete them.
create index outbox_event_published on outbox_event (published_at) where published_at is not null;
create index outbox_event_refused on outbox_event (refused_at) where refused_at is not null;
create index processed_event_processed_at on processed_event (processed_at);

grant delete on outbox_event, processed_event to ${runtime_role};
