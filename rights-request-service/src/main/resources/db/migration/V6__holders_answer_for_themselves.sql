-- Issue 15, item 4 (Art. 17, 19): a business system that registered holdings of the subject with the retention service
-- holds the data itself. When the retention service erases the register it names those systems (ErasureCompleted's
-- holders), and the erasure waits for each of them too: an outcome per holder, answered by that very system (its client
-- id, holder_system) or by the DPO for an answer given out of band. Null for the catalogue's recipients.
alter table recipient_outcome add column holder_system varchar(64);
