-- 010: the retention state kept up to date. The dashboard's retention reminder worked out,
-- on every load, the date each person's term runs from: for the 7,500 parents whose children all
-- left, a link count, their children's leaving dates and their last incident each, and a merge of
-- all 32,000 parents with the links for those without a child (35-50 ms of a 50 ms budget at a
-- million incidents). This table holds that date (the peildatum) per person whose
-- term has started, kept by the triggers below in the same transaction as the change, so the
-- dashboard reads a range of one index. trust/retention.ts applies the terms in years and the
-- holds; test/integration/retention-set.test.ts holds the table against a person-by-person reading
-- of the rules after every kind of change.
CREATE TABLE retentie_peildatum (
  person_id INTEGER PRIMARY KEY,
  soort TEXT NOT NULL,
  peildatum TEXT NOT NULL
);
CREATE INDEX retentie_peildatum_soort ON retentie_peildatum(soort, peildatum);

-- The rule for one person, as written (NULL: the term has not started):
--   - leerling, medewerker: their leaving date; while it is empty, never;
--   - ouder: only once every linked child has left, the latest of those leaving dates, their own
--     last incident (as reporter or involved, person_laatste_melding, migration 008) and their own
--     leaving date; with none of those, the date of the record;
--   - extern: the latest of their last incident and their leaving date, else the record's date.
-- Multi-argument max() is NULL when any argument is, hence the ''.
CREATE VIEW retentie_peildatum_nu (person_id, soort, peildatum) AS
  SELECT p.id, p.soort, CASE
    WHEN p.soort IN ('leerling', 'medewerker') THEN nullif(p.uitgeschreven_op, '')
    WHEN p.soort = 'ouder' AND EXISTS (
      SELECT 1 FROM guardian_link g JOIN person c ON c.id = g.leerling_id
      WHERE g.ouder_id = p.id AND coalesce(c.uitgeschreven_op, '') = '') THEN NULL
    ELSE coalesce(nullif(max(
      coalesce((SELECT max(c.uitgeschreven_op) FROM guardian_link g JOIN person c ON c.id = g.leerling_id WHERE g.ouder_id = p.id), ''),
      coalesce((SELECT l.datum FROM person_laatste_melding l WHERE l.person_id = p.id), ''),
      coalesce(p.uitgeschreven_op, '')), ''), substr(p.updated_at, 1, 10))
  END
  FROM person p;

INSERT INTO retentie_peildatum (person_id, soort, peildatum)
  SELECT person_id, soort, peildatum FROM retentie_peildatum_nu WHERE peildatum IS NOT NULL;

-- Recomputing a person: one place. A trigger that concerns someone writes their id here; this
-- table's own trigger replaces their row from the rule and takes the id out again, so the table
-- stays empty between statements.
CREATE TABLE retentie_herberekenen (person_id INTEGER NOT NULL);

CREATE TRIGGER retentie_herberekenen_insert AFTER INSERT ON retentie_herberekenen BEGIN
  DELETE FROM retentie_peildatum WHERE person_id = NEW.person_id;
  INSERT INTO retentie_peildatum (person_id, soort, peildatum)
    SELECT person_id, soort, peildatum FROM retentie_peildatum_nu WHERE person_id = NEW.person_id AND peildatum IS NOT NULL;
  DELETE FROM retentie_herberekenen WHERE rowid = NEW.rowid;
END;

-- Who a change can concern: the person themselves on any change of their record (the record's
-- date dates a parent or external without anything else), the parents of a pupil whose leaving
-- date (or kind) changed, both parents of a changed link, and whoever's last incident changed. A
-- deleted pupil's links go with it (ON DELETE CASCADE), and the link triggers recompute the parents.
CREATE TRIGGER retentie_person_insert AFTER INSERT ON person BEGIN
  INSERT INTO retentie_herberekenen (person_id) VALUES (NEW.id);
END;

CREATE TRIGGER retentie_person_update AFTER UPDATE ON person BEGIN
  INSERT INTO retentie_herberekenen (person_id) SELECT OLD.id UNION SELECT NEW.id;
END;

CREATE TRIGGER retentie_person_update_kind AFTER UPDATE OF uitgeschreven_op, soort, id ON person BEGIN
  INSERT INTO retentie_herberekenen (person_id) SELECT DISTINCT ouder_id FROM guardian_link WHERE leerling_id IN (OLD.id, NEW.id);
END;

CREATE TRIGGER retentie_person_delete AFTER DELETE ON person BEGIN
  DELETE FROM retentie_peildatum WHERE person_id = OLD.id;
END;

CREATE TRIGGER retentie_link_insert AFTER INSERT ON guardian_link BEGIN
  INSERT INTO retentie_herberekenen (person_id) VALUES (NEW.ouder_id);
END;

CREATE TRIGGER retentie_link_delete AFTER DELETE ON guardian_link BEGIN
  INSERT INTO retentie_herberekenen (person_id) VALUES (OLD.ouder_id);
END;

CREATE TRIGGER retentie_link_update AFTER UPDATE OF ouder_id, leerling_id ON guardian_link BEGIN
  INSERT INTO retentie_herberekenen (person_id) SELECT OLD.ouder_id UNION SELECT NEW.ouder_id;
END;

CREATE TRIGGER retentie_laatste_melding_insert AFTER INSERT ON person_laatste_melding BEGIN
  INSERT INTO retentie_herberekenen (person_id) VALUES (NEW.person_id);
END;

CREATE TRIGGER retentie_laatste_melding_update AFTER UPDATE ON person_laatste_melding BEGIN
  INSERT INTO retentie_herberekenen (person_id) SELECT OLD.person_id UNION SELECT NEW.person_id;
END;

CREATE TRIGGER retentie_laatste_melding_delete AFTER DELETE ON person_laatste_melding BEGIN
  INSERT INTO retentie_herberekenen (person_id) VALUES (OLD.person_id);
END;

ANALYZE retentie_peildatum;
