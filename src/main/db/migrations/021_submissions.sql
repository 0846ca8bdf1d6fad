-- Reports by staff (ingediende meldingen, docs/SERVER.md "Melden door medewerkers"): any staff
-- member reports what they saw; the registrar accepts it as an incident, merges it into one, or
-- declines it with a reason the reporter sees. A submission is not an incident until accepted.
CREATE TABLE submission (
  id INTEGER PRIMARY KEY,
  wat TEXT NOT NULL,
  datum TEXT NOT NULL,
  tijd TEXT,
  locatie TEXT NOT NULL,
  platform TEXT NOT NULL,
  platform_anders TEXT,
  -- People not in the roster, as the reporter wrote them.
  anderen TEXT,
  -- Who reported: the audit name, the account on the school server (NULL on the single-PC app).
  melder_actor TEXT NOT NULL,
  melder_account_id INTEGER,
  status TEXT NOT NULL DEFAULT 'nieuw' CHECK (status IN ('nieuw','geaccepteerd','samengevoegd','afgewezen')),
  -- The incident it became or was merged into; cleared when that incident is destroyed.
  incident_id INTEGER REFERENCES incident(id) ON DELETE SET NULL,
  afwijsreden TEXT,
  behandeld_door TEXT,
  behandeld_op TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK ((status = 'afgewezen') = (afwijsreden IS NOT NULL))
);
CREATE INDEX submission_status ON submission(status, created_at);
CREATE INDEX submission_account ON submission(melder_account_id, created_at);
CREATE INDEX submission_actor ON submission(melder_actor, created_at);
CREATE INDEX submission_incident ON submission(incident_id);

-- People from the roster the reporter named, with the role they think each had.
CREATE TABLE submission_person (
  id INTEGER PRIMARY KEY,
  submission_id INTEGER NOT NULL REFERENCES submission(id) ON DELETE CASCADE,
  person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
  rol TEXT NOT NULL CHECK (rol IN ('dader','slachtoffer','getuige','melder')),
  UNIQUE (submission_id, person_id, rol)
);
CREATE INDEX submission_person_person ON submission_person(person_id);

-- Screenshots and other files, stored like evidence (FileStore area 'bewijs', a generated name, the
-- SHA-256 taken on arrival). Accepting or merging links each to the incident as an evidence row on
-- the same stored file; evidence_id says which.
CREATE TABLE submission_file (
  id INTEGER PRIMARY KEY,
  submission_id INTEGER NOT NULL REFERENCES submission(id) ON DELETE CASCADE,
  bestandsnaam TEXT NOT NULL,
  opslagnaam TEXT NOT NULL,
  mime TEXT NOT NULL,
  grootte INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  evidence_id INTEGER REFERENCES evidence(id) ON DELETE SET NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX submission_file_submission ON submission_file(submission_id);
CREATE INDEX submission_file_evidence ON submission_file(evidence_id);
