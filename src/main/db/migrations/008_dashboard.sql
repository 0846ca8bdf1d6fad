-- 008: the dashboard at a school board's scale. Measured with `npm run bench` at
-- 1,000,000 incidents; each choice below fixes a cause found with EXPLAIN QUERY PLAN.

-- 1. Retention (trust/retention.ts): pupils and staff who left, and the parents of children who
--    left, are found by leaving date up to the last date whose term can have ended, instead of
--    reading every person (the dashboard's retention reminder took 54 s person by person).
CREATE INDEX person_uitgeschreven ON person(uitgeschreven_op, soort) WHERE uitgeschreven_op IS NOT NULL;
CREATE INDEX guardian_link_ouder_leerling ON guardian_link(ouder_id, leerling_id);
-- What the rule reads of a parent or external, narrow: the wide person rows of 7,500 parents did not
-- fit SQLite's page cache beside the rest and were decrypted again on every load.
CREATE INDEX person_retentie ON person(soort, id, uitgeschreven_op, updated_at);
DROP INDEX guardian_link_ouder;

-- 2. A parent's or external's term runs from their last incident (as reporter or involved). Looking
--    that up in the incident indexes for every parent cost a page read each (130 ms for 7,500
--    parents); this table holds it per person, kept by the triggers below in the same transaction
--    as the change: a new link raises it, anything else recomputes it for the people concerned.
CREATE TABLE person_laatste_melding (
  person_id INTEGER PRIMARY KEY,
  datum TEXT NOT NULL
);

-- Recomputing one person: the two indexed look-ups the retention rule used to do itself.
CREATE VIEW person_laatste_melding_nu (person_id, datum) AS
  SELECT p.id, max(
    coalesce((SELECT max(i.datum_voorval) FROM incident i WHERE i.melder_id = p.id), ''),
    coalesce((SELECT max(i.datum_voorval) FROM incident_person ip JOIN incident i ON i.id = ip.incident_id WHERE ip.person_id = p.id), ''))
  FROM person p;

-- Filled the way the view computes it, for everyone at once in incident order (through the view,
-- person by person, the incidents are read in random order: 40 s at a million).
INSERT INTO person_laatste_melding (person_id, datum)
  SELECT person_id, max(datum) FROM (
    SELECT ip.person_id, i.datum_voorval AS datum FROM incident i CROSS JOIN incident_person ip ON ip.incident_id = i.id
    UNION ALL
    SELECT melder_id, datum_voorval FROM incident WHERE melder_id IS NOT NULL
  ) GROUP BY person_id;

CREATE TRIGGER person_laatste_melding_ip_insert AFTER INSERT ON incident_person BEGIN
  INSERT INTO person_laatste_melding (person_id, datum)
    SELECT NEW.person_id, datum_voorval FROM incident WHERE id = NEW.incident_id AND datum_voorval IS NOT NULL
    ON CONFLICT (person_id) DO UPDATE SET datum = max(datum, excluded.datum);
END;

CREATE TRIGGER person_laatste_melding_ip_delete AFTER DELETE ON incident_person BEGIN
  DELETE FROM person_laatste_melding WHERE person_id = OLD.person_id;
  INSERT INTO person_laatste_melding (person_id, datum)
    SELECT person_id, datum FROM person_laatste_melding_nu WHERE person_id = OLD.person_id AND datum <> '';
END;

CREATE TRIGGER person_laatste_melding_ip_update AFTER UPDATE OF person_id, incident_id ON incident_person BEGIN
  DELETE FROM person_laatste_melding WHERE person_id IN (OLD.person_id, NEW.person_id);
  INSERT INTO person_laatste_melding (person_id, datum)
    SELECT person_id, datum FROM person_laatste_melding_nu WHERE person_id IN (OLD.person_id, NEW.person_id) AND datum <> '';
END;

CREATE TRIGGER person_laatste_melding_incident_insert AFTER INSERT ON incident WHEN NEW.melder_id IS NOT NULL BEGIN
  INSERT INTO person_laatste_melding (person_id, datum) VALUES (NEW.melder_id, NEW.datum_voorval)
    ON CONFLICT (person_id) DO UPDATE SET datum = max(datum, excluded.datum);
END;

CREATE TRIGGER person_laatste_melding_incident_update AFTER UPDATE OF melder_id, datum_voorval ON incident BEGIN
  DELETE FROM person_laatste_melding WHERE person_id IN (OLD.melder_id, NEW.melder_id)
    OR person_id IN (SELECT person_id FROM incident_person WHERE incident_id = NEW.id);
  INSERT INTO person_laatste_melding (person_id, datum)
    SELECT person_id, datum FROM person_laatste_melding_nu
    WHERE (person_id IN (OLD.melder_id, NEW.melder_id) OR person_id IN (SELECT person_id FROM incident_person WHERE incident_id = NEW.id))
      AND datum <> '';
END;

CREATE TRIGGER person_laatste_melding_incident_delete AFTER DELETE ON incident WHEN OLD.melder_id IS NOT NULL BEGIN
  DELETE FROM person_laatste_melding WHERE person_id = OLD.melder_id;
  INSERT INTO person_laatste_melding (person_id, datum)
    SELECT person_id, datum FROM person_laatste_melding_nu WHERE person_id = OLD.melder_id AND datum <> '';
END;

-- 3. Retention holds start from the open aangiftes and obligations and reach their people: the
--    aangiftes were found by reading every report to an authority, and the reporter of each
--    obligation's incident and the person of its measure cost a wide row each (3,700 open
--    obligations: 70 ms); these narrow indexes answer both from a few pages.
CREATE INDEX external_report_soort ON external_report(soort);
CREATE INDEX incident_id_melder ON incident(id, melder_id) WHERE melder_id IS NOT NULL;
CREATE INDEX measure_id_person ON measure(id, person_id);

-- 4. The dashboard's open incidents, newest report first: the status index is ordered by the date
--    of the incident, so all 50,000 open ones were read and sorted to show ten (220 ms).
CREATE INDEX incident_status_melding ON incident(status, datum_melding, id);

-- 5. The dashboard's open obligations are ordered by status, overdue, due date and rule order
--    before their page is read: with the rule order in the index that ordering reads the index
--    alone, not 3,700 rows (three lists on every dashboard load).
DROP INDEX obligation_open_due;
CREATE INDEX obligation_open_due ON obligation(status, te_laat_vanaf, uiterlijk, volgorde);

ANALYZE person_uitgeschreven;
ANALYZE guardian_link_ouder_leerling;
ANALYZE person_retentie;
ANALYZE external_report_soort;
ANALYZE incident_id_melder;
ANALYZE measure_id_person;
ANALYZE incident_status_melding;
ANALYZE obligation_open_due;
