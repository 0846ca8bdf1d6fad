-- 011: what the law asks the engine to know (docs/LAW.md).
-- Every obligation names the sources it rests on (ids of src/main/obligations/sources, comma-separated)
-- and whether it is a warning about a decision rather than a step to take.
ALTER TABLE obligation ADD COLUMN bronnen TEXT NOT NULL DEFAULT '';
ALTER TABLE obligation ADD COLUMN waarschuwing INTEGER NOT NULL DEFAULT 0;

-- A hearing counts when the party was heard, and also when the invitation was refused or left
-- unanswered: the law asks that the party was given the chance to be heard, recorded as such.
ALTER TABLE hearing ADD COLUMN uitkomst TEXT NOT NULL DEFAULT 'gehoord' CHECK (uitkomst IN ('gehoord', 'geweigerd', 'geen_reactie'));

-- The date the board intends to decide on an intended expulsion: the hearings and the consultation
-- of the Inspectie fall due before it. NULL on records made before this version.
ALTER TABLE measure ADD COLUMN beoogd_besluit TEXT;

-- An objection (bezwaar) received against a decision: the board's decision term runs from it
-- (WPO art. 63, WEC art. 61, the Inrichtingsbesluit WVO) or from the end of the objection term (Awb 7:10).
CREATE TABLE measure_objection (
  measure_id INTEGER PRIMARY KEY REFERENCES measure(id) ON DELETE CASCADE,
  ontvangen_op TEXT NOT NULL,
  toelichting TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
