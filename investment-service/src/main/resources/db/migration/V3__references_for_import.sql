-- An agreement's reference names it for its investor (the import finds agreements by it); NULLs do not collide.
CREATE UNIQUE INDEX agreement_by_reference ON agreement (investor_id, reference);

-- A disbursement may carry the client's reference, unique per agreement (the import finds disbursements by it).
ALTER TABLE disbursement ADD COLUMN reference TEXT;
CREATE UNIQUE INDEX disbursement_by_reference ON disbursement (agreement_id, reference);
