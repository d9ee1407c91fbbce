-- A subject erased twice, who registered post-mortem instructions before each erasure (the identity provider keeps
-- their id when they come back): both series of versions end up under the same pseudonym, each numbered from 1, and the
-- second erasure failed on unique (subject_id, version). Versions stay unique per subject while the subject is known
-- by their id; once pseudonymised, per erasure (pseudonymised_at tells the series apart).
alter table post_mortem_instructions drop constraint post_mortem_instructions_subject_id_version_key;
create unique index post_mortem_instructions_live_version on post_mortem_instructions (subject_id, version)
    where pseudonymised_at is null;
create unique index post_mortem_instructions_erased_version on post_mortem_instructions (subject_id, pseudonymised_at, version)
    where pseudonymised_at is not null;
