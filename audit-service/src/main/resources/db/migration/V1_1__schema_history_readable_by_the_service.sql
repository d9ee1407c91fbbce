-- In production the running service validates the schema with its own login (privacy.schema.mode=validate)
-- instead of migrating it as the owner: it must be able to read which migrations were applied, and nothing more.
grant select on ${flyway:table} to ${runtime_role};
