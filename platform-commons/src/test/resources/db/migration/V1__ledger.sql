create table ledger_entry (
    id         bigserial    primary key,
    subject_id varchar(64)  not null,
    amount     integer      not null
);
