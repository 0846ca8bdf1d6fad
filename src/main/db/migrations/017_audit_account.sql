-- The OS account beside the person in each audit entry (core/context.ts): the person says who
-- worked, the account which computer login was used; both matter in an inquiry. NULL for entries
-- written before this version, and then left out of the entry's hash, so older chains still check.
ALTER TABLE audit_log ADD COLUMN account TEXT;
