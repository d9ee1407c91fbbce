-- An event the broker refuses for good (a record too large, say) is set aside with the broker's reason instead
-- of being retried forever: the relay goes on with the events written after it. An operator reads them with
--   select event_id, topic, event_type, refused_at, refusal from outbox_event where refused_at is not null;
alter table outbox_event add column refused_at timestamptz;
alter table outbox_event add column refusal varchar(500);

drop index outbox_event_unpublished;
create index outbox_event_unpublished on outbox_event (id) where published_at is null and refused_at is null;
