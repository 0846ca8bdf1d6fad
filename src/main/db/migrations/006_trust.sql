-- 006: trust: backup runs, retention (legal holds, anonymous counts of destroyed
-- records), access requests (AVG art. 15) and the data-breach register.

-- Every backup attempt, automatic or by hand, for "last backup" on the dashboard and in Settings.
CREATE TABLE backup_run (
  id INTEGER PRIMARY KEY,
  gestart_op TEXT NOT NULL,
  soort TEXT NOT NULL CHECK (soort IN ('automatisch','handmatig','voor_terugzetten')),
  map TEXT NOT NULL,
  naam TEXT,
  gelukt INTEGER NOT NULL,
  fout TEXT,
  grootte INTEGER,
  bestanden INTEGER,
  opgeruimd INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX backup_run_gestart ON backup_run(gestart_op);

-- A manual legal hold (pending objection, court case, aangifte, other): blocks destruction.
CREATE TABLE legal_hold (
  id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES person(id),
  soort TEXT NOT NULL CHECK (soort IN ('bezwaar','rechtszaak','aangifte','anders')),
  reden TEXT NOT NULL,
  vanaf TEXT NOT NULL,
  opgeheven_op TEXT,
  opgeheven_reden TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX legal_hold_person ON legal_hold(person_id);

-- An aangifte holds everyone in its incident until the school records that the case is over.
CREATE TABLE aangifte_afgerond (
  external_report_id INTEGER PRIMARY KEY REFERENCES external_report(id),
  afgerond_op TEXT NOT NULL,
  reden TEXT NOT NULL,
  created_at TEXT NOT NULL
);

-- What is left of destroyed records: anonymous counts for the yearly figures (no ids, no names).
-- soort 'melding': one per destroyed incident (maatregel = '', persoon_soort = '');
-- soort 'maatregel': one per destroyed measure, with the kind and the kind of person.
CREATE TABLE destroyed_count (
  schooljaar TEXT NOT NULL,
  soort TEXT NOT NULL CHECK (soort IN ('melding','maatregel')),
  categorie TEXT NOT NULL,
  maatregel TEXT NOT NULL DEFAULT '',
  persoon_soort TEXT NOT NULL DEFAULT '',
  aantal INTEGER NOT NULL,
  PRIMARY KEY (schooljaar, soort, categorie, maatregel, persoon_soort)
);

-- Access requests (inzageverzoeken, AVG art. 15): one month, extendable once by two.
CREATE TABLE access_request (
  id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES person(id),
  aanvrager_soort TEXT NOT NULL CHECK (aanvrager_soort IN ('betrokkene','ouder','gemachtigde')),
  aanvrager_id INTEGER REFERENCES person(id),
  aanvrager_naam TEXT NOT NULL,
  ontvangen_op TEXT NOT NULL,
  uiterlijk_op TEXT NOT NULL,
  verlengd_tot TEXT,
  verlenging_reden TEXT,
  verlengd_op TEXT,
  status TEXT NOT NULL CHECK (status IN ('open','beantwoord','afgewezen','ingetrokken')),
  export_gemaakt_op TEXT,
  beantwoord_op TEXT,
  antwoord TEXT,
  notities TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX access_request_person ON access_request(person_id);
CREATE INDEX access_request_status ON access_request(status, uiterlijk_op);

-- Data breaches (datalekken): the 72 hours for the Autoriteit Persoonsgegevens run from ontdekt_op.
CREATE TABLE data_breach (
  id INTEGER PRIMARY KEY,
  omschrijving TEXT NOT NULL,
  ontdekt_op TEXT NOT NULL,
  voorgevallen_op TEXT,
  betrokkenen TEXT NOT NULL,
  aantal_betrokkenen INTEGER,
  soort_gegevens TEXT,
  risico INTEGER NOT NULL CHECK (risico IN (0,1)),
  risico_toelichting TEXT,
  maatregelen TEXT,
  ap_gemeld_op TEXT,
  ap_kenmerk TEXT,
  betrokkenen_geinformeerd_op TEXT,
  afgesloten_op TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX data_breach_ontdekt ON data_breach(ontdekt_op);

-- Secrets that exist only inside the encrypted database: the key that encrypts evidence files and
-- letters in backups (so a backup folder on a network drive holds no readable file).
CREATE TABLE trust_secret (
  naam TEXT PRIMARY KEY,
  waarde TEXT NOT NULL,
  created_at TEXT NOT NULL
);
