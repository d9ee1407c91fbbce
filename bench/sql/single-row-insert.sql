-- pgbench script: one single-row insert per transaction, shaped like a consent change's state row.
\set n random(1, 1000000000)
insert into bench_row (subject_id, purpose_id, granted, recorded_at) values ('bench-' || :n, 'newsletter', true, now());
