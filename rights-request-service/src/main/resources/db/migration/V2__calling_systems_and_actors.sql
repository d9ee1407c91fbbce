-- One identity per calling system (issue 12): which calling system speaks for each recipient, and who acted
-- at each step of a request.

-- The calling system (its OIDC client id, the token's azp) whose POST /requests/{id}/outcomes is accepted for
-- a recipient that answers over REST. Platform services answer over Kafka as themselves and name none.
-- A REST recipient created before this migration has none until the DPO names one (PUT /recipients); until
-- then no system may report for it.
alter table recipient add column reported_by varchar(64);
alter table recipient add constraint recipient_reported_by_rest_only check (reported_by is null or channel = 'REST');

-- Who acted: a person's sub (the subject, or the DPO), a calling system's client id, or the platform service
-- acting by its own rule. Steps recorded before this migration keep what they had (a role or a system name in
-- actor) and no actor_type: history is never rewritten.
alter table request_history alter column actor type varchar(64);
alter table request_history add column actor_type varchar(16)
    check (actor_type in ('SUBJECT', 'DPO', 'SERVICE', 'SYSTEM'));
