-- 002: the compliance engine. Legal obligations of measures and incidents as dated tasks,
-- hearings, the search for another school during an expulsion, a case at the Geschillencommissie
-- passend onderwijs, and the "possible sexual offence" flag for inappropriate-contact incidents.
-- Every row follows its measure or incident: destroying that record (retention) removes them.

-- One dated task produced by a legal rule (docs/LAW.md). Identity: (bron, bron_id, regel, sleutel), so a
-- recompute finds the row a person already worked on and never loses its status.
CREATE TABLE obligation (
  id INTEGER PRIMARY KEY,
  bron TEXT NOT NULL CHECK (bron IN ('maatregel','melding')),
  bron_id INTEGER NOT NULL,
  -- denormalised for the filters of lists, the dossier and the dashboard
  measure_id INTEGER REFERENCES measure(id) ON DELETE CASCADE,
  incident_id INTEGER REFERENCES incident(id) ON DELETE CASCADE,
  person_id INTEGER REFERENCES person(id) ON DELETE CASCADE,
  regel TEXT NOT NULL,
  -- tells several tasks of one rule apart (e.g. the hearing of 'ouders' and of 'leerling')
  sleutel TEXT NOT NULL DEFAULT '',
  volgorde INTEGER NOT NULL DEFAULT 0,
  titel TEXT NOT NULL,
  grondslag TEXT NOT NULL,
  actor TEXT NOT NULL,
  urgent INTEGER NOT NULL DEFAULT 0,
  -- date and time must both be recorded when this task is done (sexual-offence path)
  tijd_verplicht INTEGER NOT NULL DEFAULT 0,
  -- the step asks for a decision (e.g. aangifte: ja/nee), stored in uitkomst
  beslissing INTEGER NOT NULL DEFAULT 0,
  -- due date; NULL = no fixed term (e.g. "before the final decision")
  uiterlijk TEXT,
  -- overdue from this date on; NULL = a milestone that is never overdue
  te_laat_vanaf TEXT,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','gedaan','nvt')),
  gedaan_op TEXT,
  gedaan_tijd TEXT,
  gedaan_door TEXT,
  uitkomst TEXT,
  nvt_reden TEXT,
  toelichting TEXT,
  -- set when the app itself changed the status (a report recorded, the measure changed), with
  -- what did it ('externe_melding:12', 'hoorgesprek:3', 'herberekening'); NULL when a person did
  door_systeem TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (bron, bron_id, regel, sleutel)
);
CREATE INDEX obligation_open_due ON obligation(status, te_laat_vanaf, uiterlijk);
CREATE INDEX obligation_measure ON obligation(measure_id);
CREATE INDEX obligation_incident ON obligation(incident_id);
CREATE INDEX obligation_person ON obligation(person_id);

-- A hearing (hoorgesprek) or a staff member's zienswijze before a decision.
CREATE TABLE hearing (
  id INTEGER PRIMARY KEY,
  measure_id INTEGER NOT NULL REFERENCES measure(id) ON DELETE CASCADE,
  gehoord TEXT NOT NULL CHECK (gehoord IN ('leerling','ouders','docent','medewerker')),
  person_id INTEGER REFERENCES person(id) ON DELETE SET NULL,
  datum TEXT NOT NULL,
  tijd TEXT,
  door TEXT NOT NULL,
  notities TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX hearing_measure ON hearing(measure_id, datum);

-- The documented search for another school during an (intended) expulsion.
CREATE TABLE expulsion_search (
  id INTEGER PRIMARY KEY,
  measure_id INTEGER NOT NULL REFERENCES measure(id) ON DELETE CASCADE,
  datum TEXT NOT NULL,
  school TEXT NOT NULL,
  contactpersoon TEXT,
  resultaat TEXT NOT NULL CHECK (resultaat IN ('benaderd','in_gesprek','afgewezen','aangenomen')),
  door TEXT NOT NULL,
  toelichting TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX expulsion_search_measure ON expulsion_search(measure_id, datum);

-- A case at the Geschillencommissie passend onderwijs about an expulsion: it pauses the objection clock.
CREATE TABLE measure_dispute (
  measure_id INTEGER PRIMARY KEY REFERENCES measure(id) ON DELETE CASCADE,
  ingediend_op TEXT NOT NULL,
  oordeel_op TEXT,
  toelichting TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

-- The school's answer to "is this inappropriate contact a possible sexual offence?" (opens the statutory path, docs/LAW.md).
CREATE TABLE incident_zeden (
  incident_id INTEGER PRIMARY KEY REFERENCES incident(id) ON DELETE CASCADE,
  vermoeden INTEGER NOT NULL,
  vastgesteld_door TEXT NOT NULL,
  vastgesteld_op TEXT NOT NULL
);
