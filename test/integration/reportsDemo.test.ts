// The demo school (school.loadDemo): the yearly report and the evaluation pack of its busiest school
// year contain no name of anyone in the people table, anywhere in word/document.xml.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import JSZip from 'jszip';
import { makeTestCore, type TestCore } from '../support/core';

let t: TestCore;
let year: string;
let names: string[];

beforeAll(async () => {
  t = makeTestCore({ now: '2026-11-20T09:00:00Z' });
  await t.call('school.loadDemo', {});
  year = (
    t.core.db.prepare('SELECT schooljaar, count(*) AS n FROM incident GROUP BY schooljaar ORDER BY n DESC LIMIT 1').get() as {
      schooljaar: string;
    }
  ).schooljaar;
  const people = t.core.db.prepare('SELECT voornaam, roepnaam, tussenvoegsel, achternaam FROM person').all() as Record<
    string,
    string | null
  >[];
  // Every first name, nickname and surname (with and without its particle), three letters or more.
  names = [
    ...new Set(
      people.flatMap((p) =>
        [p.voornaam, p.roepnaam, p.achternaam, p.tussenvoegsel ? `${p.tussenvoegsel} ${p.achternaam}` : null].filter(
          (s): s is string => !!s && s.length >= 3,
        ),
      ),
    ),
  ];
}, 120_000);
afterAll(() => t?.cleanup());

const documentXml = async (b64: string) =>
  (await JSZip.loadAsync(Buffer.from(b64, 'base64'))).file('word/document.xml')?.async('string') ?? '';

/**
 * A name occurs as a whole word anywhere, or (from five letters) even inside a word. Short first names
 * are only looked for as words: "Eva" is inside "Evaluatie".
 */
const wordIn = (xml: string, name: string) =>
  new RegExp(`(?<![\\p{L}])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'u').test(xml);
const found = (xml: string, name: string) => wordIn(xml, name) || (name.length >= 5 && xml.includes(name));

describe('the demo school’s documents', () => {
  it('has a year with incidents and people to look for', () => {
    expect(year).toMatch(/^\d{4}-\d{4}$/);
    expect(names.length).toBeGreaterThan(50);
  });

  it('yearly report: no personal name in word/document.xml', async () => {
    const file = await t.call('reports.yearDocx', { schooljaar: year });
    const xml = await documentXml(file.inhoudBase64);
    expect(xml).toContain(`schooljaar ${year}`);
    const leaks = names.filter((n) => found(xml, n));
    expect(leaks).toEqual([]);
  });

  it('evaluation pack: no personal name either, even where staff names were typed into the agenda and actions', async () => {
    const staff = t.core.db.prepare(`SELECT voornaam, achternaam FROM person WHERE soort = 'medewerker' LIMIT 2`).all() as {
      voornaam: string;
      achternaam: string;
    }[];
    const pupil = t.core.db.prepare(`SELECT voornaam, achternaam FROM person WHERE soort = 'leerling' LIMIT 1`).get() as {
      voornaam: string;
      achternaam: string;
    };
    const full = (p: { voornaam: string; achternaam: string }) => `${p.voornaam} ${p.achternaam}`;
    const school = await t.call('school.get', {});
    const e = await t.call('evaluations.plan', {
      datum: '2026-11-19',
      tijdStart: '19:30',
      tijdEind: '21:00',
      evaluatieSchooljaar: year,
      agenda: `1. Opening\n2. Terugblik op de zaak van ${full(pupil)}`,
      deelnemers: [
        { naam: school?.antiPestNaam ?? full(staff[0]), rol: 'anti_pestcoordinator' },
        { naam: full(staff[1]), rol: 'schoolleiding' },
      ],
    });
    await t.call('evaluations.record', {
      id: e.id,
      notulen: 'Gehouden.',
      acties: [{ omschrijving: `Nagaan of ${pupil.voornaam} hulp krijgt`, eigenaar: full(staff[1]), deadline: '2026-12-15' }],
    });
    const file = await t.call('reports.evaluationPack', { evaluationId: e.id });
    const xml = await documentXml(file.inhoudBase64);
    expect(xml).toContain('Terugblik op de zaak van [naam]');
    expect(xml).toContain('Schoolleiding');
    const all = [...names, ...(school?.antiPestNaam ? [school.antiPestNaam] : [])];
    expect(all.filter((n) => found(xml, n))).toEqual([]);
  });
});
