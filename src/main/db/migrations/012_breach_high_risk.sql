-- 012: a data breach with a high risk (AVG art. 34). Besides the report to the Autoriteit
-- Persoonsgegevens (art. 33, any risk), the people affected must be informed without undue delay,
-- unless one of the exceptions of art. 34 lid 3 applies; the school records which one and why.
ALTER TABLE data_breach ADD COLUMN hoog_risico INTEGER NOT NULL DEFAULT 0 CHECK (hoog_risico IN (0,1));
ALTER TABLE data_breach ADD COLUMN betrokkenen_uitzondering TEXT
  CHECK (betrokkenen_uitzondering IN ('beveiligd', 'risico_weggenomen', 'onevenredig'));
ALTER TABLE data_breach ADD COLUMN betrokkenen_uitzondering_reden TEXT;
