-- Issue 15, item 6: a subject who objected to direct marketing (Art. 21(2), (3) GDPR), or withdrew a consent to it,
-- and whose data was then erased stays on a minimal suppression list, so that a copy of them that comes back (a
-- restored backup, an import from a partner) is not marketed to again. The list holds their pseudonym (the keyed
-- HMAC of the subject id the platform uses everywhere after erasure), never the id, and the dates the rule needs.
-- The CNIL keeps the information that an objection was made for at least three years after it (référentiel
-- "gestion commerciale"): each row is deleted at keep_until (consent.suppression.keep-for after the objection).
create table marketing_suppression (
    pseudonym   varchar(64) primary key,
    objected_at timestamptz not null,
    listed_at   timestamptz not null,
    keep_until  date        not null
);
create index marketing_suppression_keep_until on marketing_suppression (keep_until);
