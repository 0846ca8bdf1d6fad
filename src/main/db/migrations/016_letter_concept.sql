-- The "feiten" of a letter while it is being prepared: the school leader's own text for one letter
-- (kind + measure, or kind + report + dossier), instead of the incident description verbatim, which
-- names other children. Without a row the letter uses the proposal made from the description. The
-- row stays after the letter is final, so a later letter of the same kind (a correction) starts from
-- it. incident_id and the description at the time of the edit: to scrub a destroyed person's name
-- (trust/destroy.ts) and to warn when the description changed after the edit.
CREATE TABLE letter_concept (
  id INTEGER PRIMARY KEY,
  soort TEXT NOT NULL,
  person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
  measure_id INTEGER REFERENCES measure(id) ON DELETE CASCADE,
  external_report_id INTEGER REFERENCES external_report(id) ON DELETE CASCADE,
  incident_id INTEGER REFERENCES incident(id) ON DELETE CASCADE,
  feiten TEXT NOT NULL,
  melding_omschrijving TEXT,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  CHECK ((measure_id IS NULL) <> (external_report_id IS NULL))
);
CREATE UNIQUE INDEX letter_concept_key ON letter_concept(soort, person_id, IFNULL(measure_id, 0), IFNULL(external_report_id, 0));
CREATE INDEX letter_concept_incident ON letter_concept(incident_id);
