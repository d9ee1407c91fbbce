-- Art. 18: while a subject's processing is restricted their data must be kept: the sweep expires none of their
-- holdings until the restriction is lifted (ProcessingRestricted / RestrictionLifted on rights.events). The row holds
-- the subject id only as long as the restriction stands: lifted, or the subject's erasure completed, it goes.
create table processing_restriction (
    subject_id    varchar(64)  primary key,
    request_id    varchar(64)  not null,
    restricted_at timestamptz  not null
);
