// The yearly report against a hand-computed fixture (test/fixtures/reports/yearFixture.ts): every
// expected number below was counted by hand from the fixture's description, including which cells
// the suppression hides. Then the Word documents: opened with jszip, no name in their XML, charts in.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import JSZip from 'jszip';
import { makeTestCore, type TestCore } from '../support/core';
import { loadYearFixture, FIXTURE_PEOPLE } from '../fixtures/reports/yearFixture';
import type { FigureTable, YearReport } from '../../src/shared/api/yearReports';

let t: TestCore;
let r: YearReport;

beforeAll(async () => {
  t = makeTestCore();
  await loadYearFixture(t);
  r = await t.call('reports.year', { schooljaar: '2025-2026', extern: true });
}, 120_000);
afterAll(() => t?.cleanup());

const tab = (key: FigureTable['key']) => r.tabellen.find((x) => x.key === key) as FigureTable;
/** [label, this year, last year, change] per row, then the total. */
const rows = (key: FigureTable['key'], onlyNonZero = false) => {
  const tb = tab(key);
  return [...tb.rows.filter((x) => !onlyNonZero || x.huidig.tekst !== '0' || x.vorig.tekst !== '0'), tb.totaal].map((x) => [
    x.label,
    x.huidig.tekst,
    x.vorig.tekst,
    x.verandering,
  ]);
};

describe('the yearly report’s figures (hand-computed)', () => {
  it('counts incidents and compares with the previous school year', () => {
    expect(r.schooljaar).toBe('2025-2026');
    expect(r.vorigSchooljaar).toBe('2024-2025');
    expect(r.minimaleGroepsgrootte).toBe(5);
    expect([r.meldingen.huidig.tekst, r.meldingen.vorig.tekst, r.meldingen.verandering]).toEqual(['14', '10', '+40%']);
  });

  it('by category: one small cell (discriminatie 2) hides the next smallest (kwetsen 5) so it cannot be worked out from the total', () => {
    expect(rows('categorie', true)).toEqual([
      ['(Digitaal) pesten', '7', '5', '+40%'],
      ['Bedreiging', '0', '5', '−100%'],
      ['Kwetsen/beledigen', 'x', '0', '–'],
      ['Discriminatie/racisme', '< 5', '0', '–'],
      ['Totaal', '14', '10', '+40%'],
    ]);
    const kwetsen = tab('categorie').rows.find((x) => x.key === 'kwetsen');
    // The suppressed numbers never leave the core.
    expect(kwetsen?.huidig).toEqual({ waarde: null, tekst: 'x', onderdrukt: 'aanvullend' });
    expect(tab('categorie').rows.find((x) => x.key === 'discriminatie')?.huidig).toEqual({
      waarde: null,
      tekst: '< 5',
      onderdrukt: 'klein',
    });
  });

  it('by platform, month, severity and location', () => {
    expect(rows('platform', true)).toEqual([
      ['Instagram', '6', '0', 'nieuw'],
      ['WhatsApp', '8', '10', '−20%'],
      ['Totaal', '14', '10', '+40%'],
    ]);
    // September and October both have 5; the first of the tie is hidden next to November's 4.
    expect(rows('maand', true)).toEqual([
      ['september', 'x', '0', '–'],
      ['oktober', '5', '0', 'nieuw'],
      ['november', '< 5', '0', '–'],
      ['maart', '0', '10', '−100%'],
      ['Totaal', '14', '10', '+40%'],
    ]);
    expect(tab('maand').rows.map((x) => x.label)).toEqual([
      'augustus',
      'september',
      'oktober',
      'november',
      'december',
      'januari',
      'februari',
      'maart',
      'april',
      'mei',
      'juni',
      'juli',
    ]);
    expect(rows('ernst')).toEqual([
      ['Laag', '6', '10', '−40%'],
      ['Middel', 'x', '0', '–'],
      ['Hoog', '< 5', '0', '–'],
      ['Zeer hoog', '0', '0', '0%'],
      ['Totaal', '14', '10', '+40%'],
    ]);
    expect(rows('locatie')).toEqual([
      ['In school', '0', '10', '−100%'],
      ['Tijdens de les', '0', '0', '0%'],
      ['Buiten school, schoolgerelateerd', '14', '0', 'nieuw'],
      ['Totaal', '14', '10', '+40%'],
    ]);
  });

  it('measures by kind, without the withdrawn one', () => {
    expect(rows('maatregel')).toEqual([
      ['Gesprek', '6', '5', '+20%'],
      ['Waarschuwing', 'x', '0', '–'],
      ['Inname telefoon', '< 5', '0', '–'],
      ['Totaal', '12', '5', '+140%'],
    ]);
  });

  it('reports to authorities: one consultation is too small to show, even as a total', () => {
    expect(rows('externeMelding')).toEqual([
      ['Vertrouwensinspecteur', '< 5', '0', '–'],
      ['Politie', '0', '0', '0%'],
      ['Inspectie van het Onderwijs (ISD)', '0', '0', '0%'],
      ['Leerplichtambtenaar', '0', '0', '0%'],
      ['Totaal', '< 5', '0', '–'],
    ]);
  });

  it('obligations on time and late, leaving out "nvt" and those without a term; about the school, so never suppressed', () => {
    expect(r.verplichtingenBeschikbaar).toBe(true);
    expect(rows('verplichtingen')).toEqual([
      ['Op tijd afgehandeld', '15', '1', '+1400%'],
      ['Te laat afgehandeld', '5', '0', 'nieuw'],
      ['Nog open, termijn verstreken', '0', '0', '0%'],
      ['Nog open, binnen de termijn', '0', '0', '0%'],
      ['Totaal', '20', '1', '+1900%'],
    ]);
  });

  it('people by kind and role, distinct, with the small cells suppressed per column', () => {
    const cells = r.rollen.rows.map((x) => [
      x.label,
      x.cellen.dader.tekst,
      x.cellen.slachtoffer.tekst,
      x.cellen.getuige.tekst,
      x.cellen.melder.tekst,
    ]);
    expect(cells).toEqual([
      // dader: 10 pupils and 1 extern; the extern is small, so the pupils' 10 would give it away (11 − 10).
      ['Leerling', 'x', '< 5', '0', '0'],
      ['Medewerker', '0', '< 5', '0', '0'],
      ['Ouder/verzorger', '0', '0', '0', '< 5'],
      ['Extern', '< 5', '0', '0', '0'],
    ]);
    expect([
      r.rollen.totaal.dader.tekst,
      r.rollen.totaal.slachtoffer.tekst,
      r.rollen.totaal.getuige.tekst,
      r.rollen.totaal.melder.tekst,
    ]).toEqual(['11', '< 5', '0', '< 5']);
    expect(r.vorigeRollen.totaal.dader.tekst).toBe('6');
  });

  it('the repeat rate: 5 of 11 daders in more than one incident', () => {
    expect(r.herhaling.daders.tekst).toBe('11');
    expect(r.herhaling.herhaalDaders.tekst).toBe('5');
    expect(r.herhaling.percentage).toBe('45%');
    // 2024-2025: 6 daders, 1 repeat → too small to show.
    expect(r.herhaling.vorigPercentage).toBe('–');
  });

  it('writes a short Dutch summary from published figures only', () => {
    expect(r.samenvatting).toEqual([
      'In schooljaar 2025-2026 zijn 14 meldingen geregistreerd, tegen 10 in 2024-2025 (+40%).',
      'Het aantal meldingen van bedreiging daalde van 5 naar 0 (−100%).',
      'Het aantal meldingen van (digitaal) pesten steeg van 5 naar 7 (+40%).',
      'De meeste meldingen gingen over WhatsApp (8).',
      'Er zijn 12 maatregelen genomen; het vaakst: gesprek (6).',
      'Van de 20 wettelijke verplichtingen waarvan de termijn voorbij is: 15 op tijd afgehandeld (75%) en 5 te laat afgehandeld.',
      '45% van de daders was bij meer dan één melding betrokken.',
    ]);
  });

  it('follows the school’s own minimum group size', async () => {
    await t.call('reports.settings.save', { minimaleGroepsgrootte: 3 });
    try {
      const r3 = await t.call('reports.year', { schooljaar: '2025-2026', extern: true });
      const ernst = r3.tabellen.find((x) => x.key === 'ernst') as FigureTable;
      expect(ernst.rows.map((x) => x.huidig.tekst)).toEqual(['6', '5', '3', '0']);
      const cat = r3.tabellen.find((x) => x.key === 'categorie') as FigureTable;
      expect(cat.rows.find((x) => x.key === 'discriminatie')?.huidig.tekst).toBe('< 3');
      expect(cat.rows.find((x) => x.key === 'kwetsen')?.huidig.tekst).toBe('x');
      expect(r3.herhaling.vorigPercentage).toBe('–'); // 1 repeat dader is still too small
      const bad = await t.core.invoke('reports.settings.save', { minimaleGroepsgrootte: 1 });
      expect(bad.ok).toBe(false);
    } finally {
      await t.call('reports.settings.save', { minimaleGroepsgrootte: 5 });
    }
  });

  it('a year without any record says "geen gegevens", not zeros', async () => {
    const empty = await t.call('reports.year', { schooljaar: '2022-2023' });
    expect(empty.meldingen.huidig.tekst).toBe('geen gegevens');
    expect(empty.samenvatting).toEqual(['Over schooljaar 2022-2023 zijn geen gegevens vastgelegd.']);
  });
});

async function docXml(base64: string): Promise<{ zip: JSZip; xml: string }> {
  const zip = await JSZip.loadAsync(Buffer.from(base64, 'base64'));
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  return { zip, xml };
}

/** Every part of the name of every person in the database. */
function allNameParts(tc: TestCore): string[] {
  const ps = tc.core.db.prepare('SELECT voornaam, roepnaam, tussenvoegsel, achternaam FROM person').all() as Record<
    string,
    string | null
  >[];
  return [...new Set(ps.flatMap((p) => [p.voornaam, p.roepnaam, p.achternaam].filter((s): s is string => !!s && s.length >= 3)))];
}

describe('the yearly report as .docx', () => {
  it('holds the figures, the summary and chart images, and no name at all', async () => {
    const file = await t.call('reports.yearDocx', { schooljaar: '2025-2026', extern: true });
    expect(file.bestandsnaam).toBe('jaarverslag-socialemediaprotocol-2025-2026-extern.docx');
    const { zip, xml } = await docXml(file.inhoudBase64);
    expect(xml).toContain('Jaarverslag socialemediaprotocol');
    expect(xml).toContain('Het aantal meldingen van (digitaal) pesten steeg van 5 naar 7 (+40%).');
    expect(xml).toContain('&lt; 5');
    const media = Object.keys(zip.files).filter((f) => f.startsWith('word/media/') && f.endsWith('.png'));
    expect(media.length).toBe(7); // categorie, platform, maand, ernst, locatie, maatregel, maatregel per categorie
    const png = await zip.file(media[0])?.async('nodebuffer');
    expect(png?.subarray(1, 4).toString()).toBe('PNG');
    const names = allNameParts(t);
    expect(names).toContain('Özdemir-Verhoeven');
    for (const n of names) expect(xml, `name "${n}" in the report`).not.toContain(n);
    expect(xml).not.toContain('Anouk');
    expect(xml).not.toContain(FIXTURE_PEOPLE.ouder[1]);
    const audit = await t.call('audit.forRecord', { entity: 'jaarverslag', entityId: '2025-2026' });
    expect(audit[0].action).toBe('gemaakt');
  });
});

describe('the evaluation pack', () => {
  it('holds the agenda, last year’s actions by role and the yearly report, without names', async () => {
    const earlier = await t.call('evaluations.plan', {
      datum: '2025-11-12',
      tijdStart: '15:30',
      tijdEind: '17:00',
      evaluatieSchooljaar: '2024-2025',
      deelnemers: [
        { naam: 'Anouk Willems', rol: 'anti_pestcoordinator' },
        { naam: 'Karin Hendriks', rol: 'schoolleiding' },
      ],
    });
    await t.call('evaluations.record', {
      id: earlier.id,
      notulen: 'Overleg gehouden.',
      acties: [
        { omschrijving: 'Ouderavond over groepsapps', eigenaar: 'Anouk Willems', deadline: '2026-10-01' },
        { omschrijving: 'Nagaan wat Daan Jansen nodig heeft', eigenaar: 'Mentor groep 7', deadline: '2026-09-01' },
        { omschrijving: 'Al gedaan', eigenaar: 'Karin Hendriks', status: 'gedaan' },
      ],
    });
    const e = await t.call('evaluations.plan', {
      datum: '2026-09-10',
      tijdStart: '15:30',
      tijdEind: '17:00',
      locatie: 'Kamer van Anouk Willems',
      agenda: '1. Opening\n2. Jaarverslag\n3. Gesprek over Sanne en de groepsapp',
      evaluatieSchooljaar: '2025-2026',
      deelnemers: [
        { naam: 'Anouk Willems', rol: 'anti_pestcoordinator' },
        { naam: 'Karin Hendriks', rol: 'schoolleiding' },
      ],
    });
    const file = await t.call('reports.evaluationPack', { evaluationId: e.id });
    expect(file.bestandsnaam).toBe('evaluatiepakket-2026-09-10.docx');
    const { xml } = await docXml(file.inhoudBase64);
    expect(xml).toContain('Evaluatie socialemediaprotocol');
    expect(xml).toContain('3. Gesprek over [naam] en de groepsapp');
    expect(xml).toContain('Ouderavond over groepsapps');
    expect(xml).toContain('Nagaan wat [naam] nodig heeft');
    expect(xml).toContain('Mentor groep 7');
    expect(xml).toContain('Anti-pestcoördinator');
    // Done actions are shown as done; the one past its deadline (1 September, today is 15 September) as late.
    expect(xml).toContain('Al gedaan');
    expect(xml).toContain('Te laat: deadline verstreken');
    expect(xml).toContain('1 van de 3 acties is gedaan; 1 staat nog open terwijl de deadline verstreken is.');
    expect(xml).toContain('Jaarverslag socialemediaprotocol');
    expect(xml).toContain('steeg van 5 naar 7');
    for (const n of [...allNameParts(t), 'Anouk', 'Willems']) expect(xml, `name "${n}" in the pack`).not.toContain(n);
  });
});
