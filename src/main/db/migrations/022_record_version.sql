-- A version number per record that people edit together (incidents, measures, people, reports to
-- authorities) (docs/SERVER.md "Tegelijk bewerken"):
-- a save names the version its form was loaded with, and a save over a newer one is refused as a
-- conflict instead of silently overwriting the other person's change. Raised by the save services
-- (incidents/save.ts, measures/save.ts, people/people.ts, externalReports/save.ts), not by a trigger: the core's own derived
-- updates decide for themselves whether they count. Existing rows start at 1.
ALTER TABLE incident ADD COLUMN versie INTEGER NOT NULL DEFAULT 1;
ALTER TABLE measure ADD COLUMN versie INTEGER NOT NULL DEFAULT 1;
ALTER TABLE person ADD COLUMN versie INTEGER NOT NULL DEFAULT 1;
ALTER TABLE external_report ADD COLUMN versie INTEGER NOT NULL DEFAULT 1;
