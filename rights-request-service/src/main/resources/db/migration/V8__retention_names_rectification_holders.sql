-- Issue 15, items 1 and 4: a rectification reaches every system that holds the subject's data (Art. 16, 19). The
-- retention service, which knows the business systems that registered holdings, is asked for rectification too: it
-- answers HoldersNamed, and each system it names is asked to correct the data and answer for itself. A catalogue the
-- DPO changed keeps its choice: only the shipped entry, still asked for erasure alone, is extended.
update recipient set applies_to = 'ERASURE,RECTIFICATION', updated_at = now()
where id = 'retention-service' and kind = 'PLATFORM_SERVICE' and applies_to = 'ERASURE';
