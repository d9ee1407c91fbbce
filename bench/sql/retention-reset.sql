-- Between two sweep runs: the same 100,000 holdings due again, and the previous run's events dropped
-- (this database's relay is off; nothing was published).
\set ON_ERROR_STOP on
update holding set status = 'HELD', expired_at = null where system = 'bench' and status = 'EXPIRED';
delete from outbox_event;
vacuum analyze holding;
