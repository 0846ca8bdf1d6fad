-- 001: the incident and sanctions log: school, people, protocols, incidents, measures,
-- reports to authorities, evidence, audit trail.

CREATE TABLE school (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  naam TEXT NOT NULL,
  sector TEXT NOT NULL CHECK (sector IN ('PO','VO','MBO','SO','VSO')),
  brin TEXT,
  openbaar INTEGER NOT NULL DEFAULT 0,
  regio TEXT NOT NULL CHECK (regio IN ('noord','midden','zuid')),
  bevoegd_gezag TEXT,
  straat TEXT, postcode TEXT, plaats TEXT, telefoon TEXT, email TEXT, website TEXT,
  ondertekenaar_naam TEXT, ondertekenaar_functie TEXT,
  anti_pest_naam TEXT, anti_pest_email TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

-- Configurable options per concept, as JSON under the concept's own key (e.g. 'obligations').
CREATE TABLE setting (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE person (
  id INTEGER PRIMARY KEY,
  soort TEXT NOT NULL CHECK (soort IN ('leerling','medewerker','ouder','extern')),
  voornaam TEXT NOT NULL,
  roepnaam TEXT,
  tussenvoegsel TEXT,
  achternaam TEXT NOT NULL,
  geslacht TEXT CHECK (geslacht IN ('m','v','x')),
  geboortedatum TEXT,
  leerlingnummer TEXT,
  eck_id TEXT,
  groep TEXT,
  leerjaar INTEGER,
  opleiding TEXT,
  functie TEXT,
  personeelsnummer TEXT,
  organisatie TEXT,
  straat TEXT, postcode TEXT, plaats TEXT, email TEXT, telefoon TEXT,
  ingeschreven_op TEXT,
  uitgeschreven_op TEXT,
  notities TEXT,
  -- lower-cased "roepnaam tussenvoegsel achternaam voornaam" for search and sorting
  zoeknaam TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX person_leerlingnummer ON person(leerlingnummer) WHERE leerlingnummer IS NOT NULL;
CREATE UNIQUE INDEX person_eck_id ON person(eck_id) WHERE eck_id IS NOT NULL;
CREATE INDEX person_soort_naam ON person(soort, achternaam, voornaam);
CREATE INDEX person_naam ON person(achternaam, voornaam);
CREATE INDEX person_zoeknaam ON person(zoeknaam);

CREATE TABLE guardian_link (
  leerling_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
  ouder_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
  relatie TEXT,
  gezag INTEGER NOT NULL DEFAULT 1,
  ontvangt_post INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (leerling_id, ouder_id),
  CHECK (leerling_id <> ouder_id)
);
CREATE INDEX guardian_link_ouder ON guardian_link(ouder_id);

CREATE TABLE protocol_version (
  id INTEGER PRIMARY KEY,
  titel TEXT NOT NULL,
  versie TEXT NOT NULL,
  ingangsdatum TEXT NOT NULL,
  vastgesteld_op TEXT,
  mr_instemming_op TEXT,
  notities TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX protocol_version_ingang ON protocol_version(ingangsdatum);

CREATE TABLE protocol_section (
  id INTEGER PRIMARY KEY,
  protocol_id INTEGER NOT NULL REFERENCES protocol_version(id) ON DELETE CASCADE,
  volgorde INTEGER NOT NULL,
  nummer TEXT,
  titel TEXT NOT NULL
);
CREATE INDEX protocol_section_protocol ON protocol_section(protocol_id, volgorde);

CREATE TABLE protocol_rule (
  id INTEGER PRIMARY KEY,
  protocol_id INTEGER NOT NULL REFERENCES protocol_version(id) ON DELETE CASCADE,
  section_id INTEGER NOT NULL REFERENCES protocol_section(id) ON DELETE CASCADE,
  volgorde INTEGER NOT NULL,
  nummer TEXT NOT NULL,
  tekst TEXT NOT NULL,
  -- the rule of the previous version this one continues (so incidents keep their meaning)
  vorige_regel_id INTEGER REFERENCES protocol_rule(id) ON DELETE SET NULL
);
CREATE INDEX protocol_rule_section ON protocol_rule(section_id, volgorde);
CREATE INDEX protocol_rule_protocol ON protocol_rule(protocol_id);

CREATE TABLE category (
  code TEXT PRIMARY KEY,
  label TEXT NOT NULL,
  standaard INTEGER NOT NULL DEFAULT 0,
  actief INTEGER NOT NULL DEFAULT 1,
  volgorde INTEGER NOT NULL DEFAULT 100
);
INSERT INTO category (code, label, standaard, volgorde) VALUES
  ('pesten', '(Digitaal) pesten', 1, 1),
  ('bedreiging', 'Bedreiging', 1, 2),
  ('stalking', 'Stalking', 1, 3),
  ('kwetsen', 'Kwetsen/beledigen', 1, 4),
  ('discriminatie', 'Discriminatie/racisme', 1, 5),
  ('seksueel', 'Seksuele intimidatie/sexting/ongewenst beeldmateriaal', 1, 6),
  ('beeld_zonder_toestemming', 'Beeld of geluid zonder toestemming delen', 1, 7),
  ('persoonsgegevens', 'Vertrouwelijke of persoonsgegevens delen', 1, 8),
  ('hacken', 'Hacken/accountmisbruik', 1, 9),
  ('nepaccount', 'Nepaccount/valse afzender', 1, 10),
  ('reputatieschade', 'Reputatieschade school', 1, 11),
  ('radicalisering', 'Radicalisering', 1, 12),
  ('les', 'Gebruik tijdens de les', 1, 13),
  ('ongepast_contact', 'Ongepast contact medewerker–leerling', 1, 14),
  ('overig', 'Overig', 1, 99);

CREATE TABLE incident (
  id INTEGER PRIMARY KEY,
  nummer TEXT NOT NULL UNIQUE,
  datum_voorval TEXT NOT NULL,
  tijd_voorval TEXT,
  datum_melding TEXT NOT NULL,
  melder_id INTEGER REFERENCES person(id),
  melder_omschrijving TEXT,
  locatie TEXT NOT NULL CHECK (locatie IN ('in_school','tijdens_les','buiten_school')),
  platform TEXT NOT NULL,
  platform_anders TEXT,
  categorie TEXT NOT NULL REFERENCES category(code),
  ernst TEXT NOT NULL CHECK (ernst IN ('laag','middel','hoog','zeer_hoog')),
  omschrijving TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open','in_onderzoek','maatregel_genomen','afgesloten')),
  protocol_id INTEGER REFERENCES protocol_version(id),
  vervolg TEXT,
  schooljaar TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX incident_datum ON incident(datum_voorval, id);
CREATE INDEX incident_melding ON incident(datum_melding, id);
CREATE INDEX incident_status ON incident(status, datum_voorval);
CREATE INDEX incident_categorie ON incident(categorie, datum_voorval);
CREATE INDEX incident_platform ON incident(platform, datum_voorval);
CREATE INDEX incident_schooljaar ON incident(schooljaar, datum_voorval);

CREATE TABLE incident_rule (
  incident_id INTEGER NOT NULL REFERENCES incident(id) ON DELETE CASCADE,
  rule_id INTEGER NOT NULL REFERENCES protocol_rule(id),
  PRIMARY KEY (incident_id, rule_id)
);
CREATE INDEX incident_rule_rule ON incident_rule(rule_id);

CREATE TABLE incident_person (
  id INTEGER PRIMARY KEY,
  incident_id INTEGER NOT NULL REFERENCES incident(id) ON DELETE CASCADE,
  person_id INTEGER NOT NULL REFERENCES person(id),
  rol TEXT NOT NULL CHECK (rol IN ('dader','slachtoffer','getuige','melder')),
  toelichting TEXT,
  UNIQUE (incident_id, person_id, rol)
);
CREATE INDEX incident_person_person ON incident_person(person_id, incident_id);

CREATE TABLE incident_action (
  id INTEGER PRIMARY KEY,
  incident_id INTEGER NOT NULL REFERENCES incident(id) ON DELETE CASCADE,
  actie TEXT NOT NULL,
  datum TEXT NOT NULL,
  toelichting TEXT
);
CREATE INDEX incident_action_incident ON incident_action(incident_id);

-- Evidence: files are copied into the app's folder and never modified; links are kept as text.
CREATE TABLE evidence (
  id INTEGER PRIMARY KEY,
  incident_id INTEGER NOT NULL REFERENCES incident(id),
  soort TEXT NOT NULL CHECK (soort IN ('bestand','link')),
  bestandsnaam TEXT,
  opslagnaam TEXT,
  mime TEXT,
  grootte INTEGER,
  sha256 TEXT,
  url TEXT,
  omschrijving TEXT,
  beveiligd_op TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX evidence_incident ON evidence(incident_id);

CREATE TABLE measure (
  id INTEGER PRIMARY KEY,
  incident_id INTEGER REFERENCES incident(id),
  person_id INTEGER NOT NULL REFERENCES person(id),
  soort TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('voorgenomen','besloten','uitgevoerd','ingetrokken')),
  besluit_datum TEXT NOT NULL,
  besloten_door TEXT,
  startdatum TEXT,
  einddatum TEXT,
  duur_dagen INTEGER,
  vorm TEXT CHECK (vorm IN ('intern','extern')),
  afspraken_schoolwerk TEXT,
  toelichting TEXT,
  override_reden TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX measure_person ON measure(person_id, besluit_datum);
CREATE INDEX measure_incident ON measure(incident_id);
CREATE INDEX measure_soort ON measure(soort, besluit_datum);

CREATE TABLE external_report (
  id INTEGER PRIMARY KEY,
  incident_id INTEGER NOT NULL REFERENCES incident(id),
  person_id INTEGER REFERENCES person(id),
  measure_id INTEGER REFERENCES measure(id),
  instantie TEXT NOT NULL CHECK (instantie IN ('vertrouwensinspecteur','politie','inspectie','leerplicht')),
  soort TEXT NOT NULL CHECK (soort IN ('consultatie','melding','aangifte')),
  datum TEXT NOT NULL,
  tijd TEXT,
  door TEXT,
  kenmerk TEXT,
  politie_eenheid TEXT,
  schooladres_gebruikt INTEGER,
  contactpersoon TEXT,
  toelichting TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX external_report_incident ON external_report(incident_id);
CREATE INDEX external_report_person ON external_report(person_id);

-- Audit trail: each entry carries the hash of the previous one (tamper evidence).
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id TEXT,
  action TEXT NOT NULL,
  before_json TEXT,
  after_json TEXT,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX audit_log_entity ON audit_log(entity, entity_id);

-- Quick search over incidents: number, description and the names of the people involved.
CREATE VIRTUAL TABLE incident_fts USING fts5(nummer, omschrijving, namen, tokenize = 'unicode61 remove_diacritics 2');
