-- 004: imports: the column mapping remembered per source, and a log of every import.

-- A source is a name ("Magister", "Somtoday", …) plus the header signature of its export: the same
-- export layout gets the same mapping next time without asking.
CREATE TABLE import_bron (
  id INTEGER PRIMARY KEY,
  naam TEXT NOT NULL,
  soort TEXT NOT NULL CHECK (soort IN ('leerlingen','medewerkers')),
  handtekening TEXT NOT NULL,
  -- the header names as read (JSON array) and the field per column (JSON array, null = not imported)
  kolommen TEXT NOT NULL,
  koppeling TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (naam, handtekening)
);
CREATE INDEX import_bron_handtekening ON import_bron(handtekening);

-- Every applied import, with its counts; the people and protocol changes themselves are in the
-- audit trail.
CREATE TABLE import_run (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  soort TEXT NOT NULL CHECK (soort IN ('leerlingen','medewerkers','protocol')),
  bestandsnaam TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  formaat TEXT NOT NULL,
  bron_id INTEGER REFERENCES import_bron(id) ON DELETE SET NULL,
  bron_naam TEXT,
  volledig INTEGER NOT NULL DEFAULT 0,
  aangemaakt INTEGER NOT NULL DEFAULT 0,
  bijgewerkt INTEGER NOT NULL DEFAULT 0,
  ongewijzigd INTEGER NOT NULL DEFAULT 0,
  uitgeschreven INTEGER NOT NULL DEFAULT 0,
  overgeslagen INTEGER NOT NULL DEFAULT 0,
  protocol_id INTEGER REFERENCES protocol_version(id) ON DELETE SET NULL,
  -- the totals and problems as JSON (no names: counts and line numbers only)
  samenvatting TEXT NOT NULL
);
CREATE INDEX import_run_at ON import_run(at);
