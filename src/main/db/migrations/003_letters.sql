-- 003: letters for the dossier. One row per final letter (one per addressee), written once
-- with the SHA-256 of its .docx. The kenmerk is "<jaar>-<volgnummer>", gapless per year: the number is
-- assigned in the same write transaction as the insert, so a failed finalise leaves no hole.

CREATE TABLE letter (
  id INTEGER PRIMARY KEY,
  kenmerk TEXT NOT NULL UNIQUE,
  jaar INTEGER NOT NULL,
  volgnummer INTEGER NOT NULL CHECK (volgnummer > 0),
  soort TEXT NOT NULL,
  -- the person whose dossier the letter belongs to
  person_id INTEGER NOT NULL REFERENCES person(id),
  measure_id INTEGER REFERENCES measure(id),
  incident_id INTEGER REFERENCES incident(id),
  external_report_id INTEGER REFERENCES external_report(id),
  -- who it is sent to (null: a note for the file) and the addressee block as printed
  geadresseerde_id INTEGER REFERENCES person(id),
  geadresseerde TEXT NOT NULL,
  betreft TEXT NOT NULL,
  -- the structured letter as rendered (JSON of LetterModel), for showing it in the app
  model_json TEXT NOT NULL,
  opslagnaam TEXT NOT NULL UNIQUE,
  bestandsnaam TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  grootte INTEGER NOT NULL,
  refers_to_kenmerk TEXT REFERENCES letter(kenmerk),
  correctie_reden TEXT,
  finalised_at TEXT NOT NULL,
  finalised_by TEXT NOT NULL,
  UNIQUE (jaar, volgnummer)
);
CREATE INDEX letter_person ON letter(person_id, finalised_at);
CREATE INDEX letter_measure ON letter(measure_id);
CREATE INDEX letter_incident ON letter(incident_id);
CREATE INDEX letter_report ON letter(external_report_id);
CREATE INDEX letter_refers ON letter(refers_to_kenmerk);

-- A final letter is never changed; only the retention run may destroy it whole.
CREATE TRIGGER letter_no_update BEFORE UPDATE ON letter
BEGIN
  SELECT RAISE(ABORT, 'Een definitieve brief kan niet worden gewijzigd; maak een nieuwe brief die ernaar verwijst.');
END;
