-- Issue 15, items 10 and 11.
--
-- Backstop (item 11): a rule whose clock starts at an event that may never happen (a contract end, a case closed,
-- the end of proceedings, an unsubscribe) has a backstop: a holding whose anchor never came falls due that long
-- after its last contact (3 years by default, the CNIL's guidance for prospects), so nothing is kept forever.
--
-- Limitation restart (item 10): lifting a legal hold on data of a rule with restart_after_hold restarts the
-- limitation period (limitation_period, 5 years by default) from the end of the proceedings, instead of what fell
-- due meanwhile expiring at the next sweep. A legal hold may end on a date the DPO sets (an appeal period): the
-- sweep lifts it on that date, and the same restart applies from that date.

alter table retention_rule
    add column backstop varchar(32),
    add column restart_after_hold boolean not null default false,
    add column limitation_period varchar(32);
alter table retention_rule add constraint retention_rule_backstop_check check (
    (anchor in ('CONTRACT_END', 'CASE_CLOSED', 'UNSUBSCRIBE', 'END_OF_PROCEEDINGS')) = (backstop is not null)) not valid;
alter table retention_rule add constraint retention_rule_limitation_check check (
    restart_after_hold = (limitation_period is not null));

alter table retention_rule_version
    add column backstop varchar(32),
    add column restart_after_hold boolean not null default false,
    add column limitation_period varchar(32);

-- The day of the last incoming contact the holding system knows of (the registration day unless it says otherwise);
-- the backstop counts from it. The day the proceedings of the last legal hold lifted on it ended; a restarting
-- rule's limitation period counts from it.
alter table holding
    add column last_contact_on date,
    add column proceedings_ended_on date;
update holding set last_contact_on = (registered_at at time zone 'UTC')::date;
alter table holding alter column last_contact_on set not null;

-- A category hold's lift restarts every held item of the category: found by this index, batch by batch.
create index holding_held_category on holding (category, id) where status = 'HELD';

-- The day a hold ends (set by the DPO for an appeal period; set to the day of lifting otherwise).
alter table legal_hold add column ends_on date;
create index legal_hold_ending on legal_hold (ends_on) where lifted_at is null and ends_on is not null;

-- The rules in force change: a new version of each rule that gains a backstop or a restart, as a DPO's change would
-- be (migrations write no outbox event: see the README).
update retention_rule set
    backstop = case when anchor in ('CONTRACT_END', 'CASE_CLOSED', 'UNSUBSCRIBE', 'END_OF_PROCEEDINGS') then 'P3Y' end,
    restart_after_hold = category in ('fraud-alert', 'fraud-case', 'fraudster-list', 'authority-request'),
    limitation_period = case when category in ('fraud-alert', 'fraud-case', 'fraudster-list', 'authority-request')
        then 'P5Y' end,
    version = version + 1,
    changed_at = now()
where anchor in ('CONTRACT_END', 'CASE_CLOSED', 'UNSUBSCRIBE', 'END_OF_PROCEEDINGS')
   or category in ('fraud-alert', 'fraud-case', 'fraudster-list', 'authority-request');
alter table retention_rule validate constraint retention_rule_backstop_check;

insert into retention_rule_version (rule_id, version, category, description, anchor, period, end_action, archive_period,
        consent_purpose, statutory, ground, changed_at, backstop, restart_after_hold, limitation_period)
select id, version, category, description, anchor, period, end_action, archive_period, consent_purpose, statutory, ground,
       changed_at, backstop, restart_after_hold, limitation_period
from retention_rule r
where not exists (select 1 from retention_rule_version v where v.rule_id = r.id and v.version = r.version);

-- Held items of those rules now fall under the new version; those still waiting for their anchor fall due 3 years
-- (the backstop) after their last contact, or earlier if a consent withdrawal already made them due.
update holding h set
    rule_version = r.version,
    due_on = case when h.anchor_date is null
        then least(h.due_on, (h.last_contact_on + interval '3 years')::date) else h.due_on end,
    updated_at = now()
from retention_rule r
where h.rule_id = r.id and h.status = 'HELD' and h.rule_version <> r.version;
