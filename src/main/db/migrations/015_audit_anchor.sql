-- The audit trail's HMAC anchor (audit/anchor.ts): HMAC(key derived from the database key, hash)
-- per entry. Entries written before this version keep NULL: the unanchored prefix verify reports.
ALTER TABLE audit_log ADD COLUMN hmac TEXT;
