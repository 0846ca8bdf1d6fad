-- 009: the yearly report at a school board's scale. Measured with `npm run bench` at
-- 1,000,000 incidents; each choice below fixes a cause found with EXPLAIN QUERY PLAN.
-- (Category, platform and severity per school year come from incident_count, migration 007.)

-- 1. The breakdowns by place and by month read the ~100,000 incidents of a school year through
--    incident_schooljaar, which carries neither column: each fetched and decrypted the year's wide
--    incident rows (160–180 ms each), and the reporters were looked up through incident_melder
--    across all ten years. This index holds what those need, so they never touch the table.
CREATE INDEX incident_jaar_plaats ON incident(schooljaar, locatie, datum_voorval, melder_id);

-- 2. The people involved per role, and the repeat daders, grouped the year's ~230,000 involvements
--    by person and role in a temporary B-tree on every report (350 ms a year). This table holds,
--    per school year, role and person, in how many of that year's incidents the person had that
--    role; the reporter of an incident (incident.melder_id) counts under the role 'melder', as the
--    report has always counted them. A row whose n has dropped to 0 means "no longer": readers
--    filter on n > 0. For 'melder' both sources add up, so there n only says "yes" (> 0). Kept by
--    the triggers below in the same transaction as the change.
CREATE TABLE incident_rol_count (
  schooljaar TEXT NOT NULL,
  rol TEXT NOT NULL,
  person_id INTEGER NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (schooljaar, rol, person_id)
) WITHOUT ROWID;

INSERT INTO incident_rol_count (schooljaar, rol, person_id, n)
  SELECT schooljaar, rol, person_id, count(*) FROM (
    SELECT i.schooljaar, ip.rol, ip.person_id FROM incident_person ip JOIN incident i ON i.id = ip.incident_id
    UNION ALL
    SELECT schooljaar, 'melder', melder_id FROM incident WHERE melder_id IS NOT NULL)
  GROUP BY 1, 2, 3;

-- An involvement added, removed or changed. When the incident itself is deleted, its involvements
-- go by ON DELETE CASCADE after the incident row is gone: the subquery then finds no school year
-- and these updates match nothing; incident_rol_count_incident_delete has already counted them off.
CREATE TRIGGER incident_rol_count_ip_insert AFTER INSERT ON incident_person BEGIN
  INSERT INTO incident_rol_count (schooljaar, rol, person_id, n)
    SELECT schooljaar, NEW.rol, NEW.person_id, 1 FROM incident WHERE id = NEW.incident_id
    ON CONFLICT DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER incident_rol_count_ip_delete AFTER DELETE ON incident_person BEGIN
  UPDATE incident_rol_count SET n = n - 1
    WHERE schooljaar = (SELECT schooljaar FROM incident WHERE id = OLD.incident_id) AND rol = OLD.rol AND person_id = OLD.person_id;
END;

CREATE TRIGGER incident_rol_count_ip_update AFTER UPDATE OF incident_id, person_id, rol ON incident_person BEGIN
  UPDATE incident_rol_count SET n = n - 1
    WHERE schooljaar = (SELECT schooljaar FROM incident WHERE id = OLD.incident_id) AND rol = OLD.rol AND person_id = OLD.person_id;
  INSERT INTO incident_rol_count (schooljaar, rol, person_id, n)
    SELECT schooljaar, NEW.rol, NEW.person_id, 1 FROM incident WHERE id = NEW.incident_id
    ON CONFLICT DO UPDATE SET n = n + 1;
END;

-- The incident's reporter, and the school year of everything counted for it.
CREATE TRIGGER incident_rol_count_incident_insert AFTER INSERT ON incident WHEN NEW.melder_id IS NOT NULL BEGIN
  INSERT INTO incident_rol_count (schooljaar, rol, person_id, n) VALUES (NEW.schooljaar, 'melder', NEW.melder_id, 1)
    ON CONFLICT DO UPDATE SET n = n + 1;
END;

-- BEFORE, so the involvements are still there to be counted off (see above).
CREATE TRIGGER incident_rol_count_incident_delete BEFORE DELETE ON incident BEGIN
  UPDATE incident_rol_count SET n = n - 1
    WHERE schooljaar = OLD.schooljaar AND rol = 'melder' AND person_id = OLD.melder_id;
  UPDATE incident_rol_count SET n = n - 1
    WHERE schooljaar = OLD.schooljaar AND (rol, person_id) IN (SELECT rol, person_id FROM incident_person WHERE incident_id = OLD.id);
END;

CREATE TRIGGER incident_rol_count_incident_update AFTER UPDATE OF schooljaar, melder_id ON incident BEGIN
  UPDATE incident_rol_count SET n = n - 1
    WHERE schooljaar = OLD.schooljaar AND rol = 'melder' AND person_id = OLD.melder_id;
  INSERT INTO incident_rol_count (schooljaar, rol, person_id, n)
    SELECT NEW.schooljaar, 'melder', NEW.melder_id, 1 WHERE NEW.melder_id IS NOT NULL
    ON CONFLICT DO UPDATE SET n = n + 1;
  UPDATE incident_rol_count SET n = n - 1
    WHERE OLD.schooljaar <> NEW.schooljaar AND schooljaar = OLD.schooljaar
      AND (rol, person_id) IN (SELECT rol, person_id FROM incident_person WHERE incident_id = OLD.id);
  INSERT INTO incident_rol_count (schooljaar, rol, person_id, n)
    SELECT NEW.schooljaar, rol, person_id, 1 FROM incident_person WHERE incident_id = NEW.id AND OLD.schooljaar <> NEW.schooljaar
    ON CONFLICT DO UPDATE SET n = n + 1;
END;

-- 3. What the people per role need of a person is its kind: looking that up by rowid read 72,000
--    wide person rows a year (120 ms); this narrow index answers it alone.
CREATE INDEX person_id_soort ON person(id, soort);

-- 4. The rest of the report's figures read whole tables or wide rows for a handful of columns:
--    obligations by term (190 ms a year, every obligation read and its term computed), measures by
--    kind and decision date (80 ms, each measure's row fetched for its status) and reports to authorities
--    (35 ms, a full scan). Each index below holds exactly what its query reads, in range order.
CREATE INDEX obligation_termijn ON obligation((coalesce(uiterlijk, te_laat_vanaf)), status, gedaan_op, te_laat_vanaf, uiterlijk);
-- measure_soort (soort, besluit_datum) is the start of the new one, so it goes.
CREATE INDEX measure_soort_besluit ON measure(soort, besluit_datum, status);
DROP INDEX measure_soort;
CREATE INDEX external_report_datum ON external_report(datum, instantie);

ANALYZE incident;
ANALYZE incident_rol_count;
ANALYZE person;
ANALYZE obligation;
ANALYZE measure;
ANALYZE external_report;
