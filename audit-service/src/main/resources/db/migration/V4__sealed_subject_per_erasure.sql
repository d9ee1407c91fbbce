-- A subject may come back after their erasure (the identity provider keeps the id) and be erased again: each
-- completed erasure seals the events up to its own leaf. A calling system that reads a subject's trail (the access
-- export) reads only the events after the latest seal; the dpo and auditors read them all.
alter table sealed_subject drop constraint sealed_subject_pkey;
alter table sealed_subject add primary key (subject_pseudonym, sealed_by_leaf);
