-- Issue 15, item 9: Art. 18(2) GDPR lets a restricted subject's data be processed, beyond storage, "for the
-- establishment, exercise or defence of legal claims". The DPO marks the purposes that serve such claims; while a
-- subject is restricted the decision API allows those (reason LEGAL_CLAIMS_DURING_RESTRICTION) and storage only for
-- the rest. Not a consent purpose (consent is the other exception, judged on its own) nor direct marketing, which
-- serves no claim.
alter table purpose add column legal_claims boolean not null default false;
alter table purpose add constraint purpose_legal_claims_basis
    check (not legal_claims or (legal_basis <> 'CONSENT' and not direct_marketing));

-- The reference policy (sections 1, 4 and 5), read for what serves a claim:
-- - transaction-proof: "providing proof of the transactions carried out on the site"; after the contract "only the data
--   necessary for pre-litigation or litigation purposes are archived", kept "for the duration of the procedure" in a
--   dispute. Proof is what a claim is established or defended with.
-- - authority-requests: answers to "public or judicial authorities", kept for "the entire duration of the
--   proceedings"; the recipients (section 4) are the courts and authorities "to whom a dispute has been referred ... to
--   enable 7Speaking to defend its rights and interests". A court's request does not wait for a restriction to lift.
-- Not marked:
-- - fraud-prevention: preventing abuse and detecting unusual transactions is monitoring, not a claim; a qualified
--   alert that becomes a case or proceedings is held by a legal hold in the retention service (storage), and the
--   evidence of an actual case is processed for that case, not for the whole purpose of every restricted subject.
-- - accounting: a legal obligation to keep books, not a claim; its data is stored, which a restriction allows.
-- - every other purpose (training, engagement, marketing, cookies, community, newsletter) serves no claim.
update purpose set legal_claims = true where id in ('transaction-proof', 'authority-requests');
