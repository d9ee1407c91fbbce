-- A log of 1,000,000 leaves for the proof and verify figures, in its own database (audit_bench), written
-- with set-based SQL because appending a million events through Kafka would take the bench's whole time
-- budget. The leaves are RFC 8785 canonical structured CloudEvents like the service's own; leaf and node
-- hashes follow RFC 9162 (SHA-256 of 0x00 || leaf, of 0x01 || left || right) and only perfect subtrees are
-- stored, as the service stores them. POST /audit/verify recomputes every hash from the leaves' text, so
-- a mistake here would show as a failed verify, never as a fast one. The leaves' text goes where a log from
-- before leaf encryption has it after the migration V2__leaf_text_encrypted: staged in clear
-- (leaf_text_staged), which the audit service encrypts under the subjects' data keys in the background after
-- its next start (bench/run restarts it and waits), so verify measures decryption as in production.
\set ON_ERROR_STOP on
begin;
create temporary table bench_leaf on commit drop as
select i, 'bench-subject-' || (i % 10000) as subject,
       format('{"auditsalt":"%s","data":{"n":%s,"noticeVersion":"1.0","purposeId":"newsletter","subjectId":"bench-subject-%s"},'
              '"datacontenttype":"application/json","id":"bench-%s","source":"/bench","specversion":"1.0",'
              '"subject":"bench-subject-%s","time":"2026-11-26T00:00:00Z","type":"ConsentGranted"}',
              rtrim(translate(encode(substr(sha256(int8send(i)), 1, 16), 'base64'), '+/', '-_'), '='),
              i, i % 10000, i, i % 10000) as canonical
from generate_series(0, 999999) as i;
insert into audit_leaf (leaf_index, event_id, topic, event_type, source, event_time, leaf_hash, appended_at)
select i, 'bench-' || i, 'consent.events', 'ConsentGranted', '/bench', timestamptz '2026-11-26 00:00:00+00',
       sha256('\x00'::bytea || convert_to(canonical, 'UTF8')), now()
from bench_leaf;
insert into leaf_text_staged (leaf_index, subject_id, canonical) select i, subject, canonical from bench_leaf;
insert into merkle_node (level, node_index, hash) select 0, leaf_index, leaf_hash from audit_leaf;
do $$
begin
    -- level k holds the perfect subtrees of 2^k leaves: 2^19 <= 1,000,000 < 2^20
    for k in 1..19 loop
        insert into merkle_node (level, node_index, hash)
        select k, l.node_index / 2, sha256('\x01'::bytea || l.hash || r.hash)
        from merkle_node l join merkle_node r on r.level = k - 1 and r.node_index = l.node_index + 1
        where l.level = k - 1 and l.node_index % 2 = 0;
    end loop;
end $$;
commit;
analyze audit_leaf;
analyze merkle_node;
