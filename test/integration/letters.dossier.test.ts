// The dossier export: a person's whole record as one .docx, other pupils replaced by a role
// consistently, the export in the audit trail.
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import fs from 'node:fs';
import { makeTestCore } from '../support/core';
import type { TestCore } from '../support/core';
import { seed, schorsing, docxText } from './letters.fixture';
import type { Seed } from './letters.fixture';

let t: TestCore;
let s: Seed;

beforeEach(async () => {
  t = makeTestCore({ now: '2026-11-16T09:00:00Z' });
  s = await seed(t);
});
afterEach(() => t.cleanup());

describe('dossier export', () => {
  it('exports incidents, measures, reports and letters, with other pupils as "medeleerling A/B", and audits it', async () => {
    const lotte = await t.call('people.create', { soort: 'leerling', voornaam: 'Lotte', tussenvoegsel: 'van', achternaam: 'Dam', geslacht: 'v' });
    await t.call('incidents.create', {
      datumVoorval: '2026-10-02',
      datumMelding: '2026-10-02',
      locatie: 'tijdens_les',
      platform: 'whatsapp',
      categorie: 'kwetsen',
      ernst: 'laag',
      omschrijving: 'Lotte van Dam en Daan stuurden in de les berichten over Sanne. Lotte gaf het toe; Van Dam zei dat Sanne Bakker begon.',
      betrokkenen: [
        { personId: s.daanId, rol: 'dader' },
        { personId: lotte.id, rol: 'dader' },
        { personId: s.sanneId, rol: 'getuige' },
      ],
    });
    const measureId = await schorsing(t, s);
    await t.call('letters.finalise', { soort: 'schorsing', measureId });
    await t.call('externalReports.create', { incidentId: s.incidentId, personId: s.daanId, instantie: 'inspectie', soort: 'melding', datum: '2026-11-16', kenmerk: 'ISD-778' });

    const r = await t.call('letters.dossierExport', { personId: s.daanId, reden: 'inzageverzoek', toelichting: 'Verzoek van de ouders van 10 november.' });
    expect(r.vervangenNamen).toBe(2);
    expect(r.bestandsnaam).toBe('Dossier Daan Jansen 2026-11-16.docx');
    const bytes = Buffer.from(r.inhoudBase64, 'base64');
    expect(fs.readFileSync(r.openFile).equals(bytes)).toBe(true);
    const { body } = await docxText(bytes);

    expect(body).toContain('Dossier van Daan Jansen');
    expect(body).toContain('inzageverzoek (AVG artikel 15)');
    expect(body).toContain('Daniël Jansen');
    expect(body).toContain('Piet Jansen'); // his own parents keep their names
    // Lotte appears first (October), then Sanne: roles in order of appearance, the same everywhere
    expect(body).toContain('medeleerling A (dader)');
    expect(body).toContain('medeleerling B (getuige)');
    expect(body).toContain('medeleerling A en Daan stuurden in de les berichten over medeleerling B. medeleerling A gaf het toe; medeleerling A zei dat medeleerling B begon.');
    expect(body).toContain('een bewerkte foto van medeleerling B met een kwetsende tekst');
    expect(body).toContain('medeleerling B (slachtoffer)');
    for (const name of ['Sanne', 'Bakker', 'Lotte', 'Van Dam', 'van Dam']) expect(body, name).not.toContain(name);
    expect(body).toContain('Schorsing — besluit 16-11-2026');
    expect(body).toContain('Hoorgesprekken');
    expect(body).toContain('ISD-778');
    expect(body).toContain('2026-0001');
    expect(body).toContain('2026-0002');

    const audit = t.core.db.prepare(`SELECT after_json FROM audit_log WHERE entity = 'persoon' AND entity_id = ? AND action = 'dossier_geexporteerd'`).all(String(s.daanId)) as { after_json: string }[];
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0].after_json)).toMatchObject({ reden: 'inzageverzoek', sha256: r.sha256, vervangenNamen: 2 });
  });

  it('refuses an unknown person without writing anything', async () => {
    const r = await t.core.invoke('letters.dossierExport', { personId: 9999, reden: 'overdracht' });
    expect(r.ok).toBe(false);
    const n = t.core.db.prepare(`SELECT count(*) AS n FROM audit_log WHERE action = 'dossier_geexporteerd'`).get() as { n: number };
    expect(n.n).toBe(0);
  });
});
