-- 1,000,000 holdings for the sweep figure, in the bench's own database (retention_bench): one in ten is
-- due (due_on yesterday), the others are due in ten years. Registered by SQL: a million POSTs would take
-- the bench's whole time budget and the sweep reads only the table.
\set ON_ERROR_STOP on
insert into holding (id, subject_id, category, system, reference, anchor_date, last_contact_on, rule_id, rule_version,
                     archive_from, due_on, status, registered_at, updated_at)
select gen_random_uuid(), 'bench-subject-' || i, rule.category, 'bench', 'ref-' || i, current_date - 1096,
       current_date - 1096, rule.id,
       rule.version, null,
       case when i % 10 = 0 then current_date - 1 else current_date + 3650 end, 'HELD', now(), now()
from generate_series(0, 999999) as i,
     (select id, category, version from retention_rule where id = 'prospect') as rule;
analyze holding;
