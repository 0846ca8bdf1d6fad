-- 005: the annual cycle: the yearly evaluation of the protocol with the
-- anti-pestcoördinator (participants, minutes, decisions, actions) and the school's own dates for
-- the recurring moments of a school year (the defaults are computed; only edits are stored).

CREATE TABLE evaluation (
  id INTEGER PRIMARY KEY,
  -- the school year the meeting falls in (derived from datum)
  schooljaar TEXT NOT NULL,
  -- the school year whose figures the meeting discusses (the yearly report it is prepared with)
  evaluatie_schooljaar TEXT NOT NULL,
  datum TEXT NOT NULL,
  -- local times in Europe/Amsterdam, HH:MM
  tijd_start TEXT NOT NULL,
  tijd_eind TEXT NOT NULL,
  locatie TEXT,
  agenda TEXT,
  status TEXT NOT NULL CHECK (status IN ('gepland','gehouden','gesloten')),
  notulen TEXT,
  gesloten_op TEXT,
  -- the evaluation whose closing planned this one
  vorige_id INTEGER REFERENCES evaluation(id) ON DELETE SET NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX evaluation_schooljaar ON evaluation(schooljaar, datum);
CREATE INDEX evaluation_datum ON evaluation(datum);

CREATE TABLE evaluation_participant (
  id INTEGER PRIMARY KEY,
  evaluation_id INTEGER NOT NULL REFERENCES evaluation(id) ON DELETE CASCADE,
  volgorde INTEGER NOT NULL,
  person_id INTEGER REFERENCES person(id) ON DELETE SET NULL,
  -- the name as written in the invitation and the minutes (kept when the person record goes)
  naam TEXT NOT NULL,
  rol TEXT NOT NULL CHECK (rol IN ('anti_pestcoordinator','schoolleiding','mr','medewerker','ouder','leerling','overig')),
  email TEXT,
  -- null until the meeting is recorded
  aanwezig INTEGER
);
CREATE INDEX evaluation_participant_evaluation ON evaluation_participant(evaluation_id, volgorde);
CREATE INDEX evaluation_participant_person ON evaluation_participant(person_id);

CREATE TABLE evaluation_decision (
  id INTEGER PRIMARY KEY,
  evaluation_id INTEGER NOT NULL REFERENCES evaluation(id) ON DELETE CASCADE,
  volgorde INTEGER NOT NULL,
  tekst TEXT NOT NULL,
  -- the new protocol version this decision started
  protocol_id INTEGER REFERENCES protocol_version(id) ON DELETE SET NULL
);
CREATE INDEX evaluation_decision_evaluation ON evaluation_decision(evaluation_id, volgorde);

CREATE TABLE evaluation_action (
  id INTEGER PRIMARY KEY,
  evaluation_id INTEGER NOT NULL REFERENCES evaluation(id) ON DELETE CASCADE,
  volgorde INTEGER NOT NULL,
  omschrijving TEXT NOT NULL,
  eigenaar TEXT NOT NULL,
  deadline TEXT,
  status TEXT NOT NULL CHECK (status IN ('open','gedaan')),
  gedaan_op TEXT
);
CREATE INDEX evaluation_action_evaluation ON evaluation_action(evaluation_id, volgorde);
CREATE INDEX evaluation_action_open ON evaluation_action(status, deadline);

-- A recurring moment whose date the school changed for one school year (e.g. this year's Week van
-- de Mediawijsheid). Moments without a row here use the computed default.
CREATE TABLE calendar_moment (
  schooljaar TEXT NOT NULL,
  soort TEXT NOT NULL CHECK (soort IN ('protocol_start','mediawijsheid','monitor')),
  datum TEXT NOT NULL,
  einddatum TEXT,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (schooljaar, soort)
);
