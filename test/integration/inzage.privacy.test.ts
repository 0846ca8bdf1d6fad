// The access-request export (AVG art. 15) never names another person: every form the search would
// find goes, ordinary words stay, the art. 15 information is there, and a name that remains needs
// an explicit, audited confirmation.
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { makeTestCore } from '../support/core';
import type { TestCore } from '../support/core';
import { seed, bundleOf } from './letters.fixture';
import type { Seed } from './letters.fixture';
import { fold } from '../../src/main/people/names';
import { scrubText, tokenPattern, fullNamePattern } from '../../src/main/retention/scrub';

let t: TestCore;
let s: Seed;

beforeEach(async () => {
  t = makeTestCore({ now: '2026-11-16T09:00:00Z' });
  s = await seed(t);
});
afterEach(() => t.cleanup());

/** Whole-word presence after folding case and accents: how a reader (or the search) would find it. */
const mentions = (body: string, v: string) =>
  new RegExp(`(?<![\\p{L}\\p{N}])${fold(v).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'u').test(fold(body));

const ELISE = {
  soort: 'leerling' as const,
  voornaam: 'Élise',
  roepnaam: 'Lies',
  tussenvoegsel: 'van der',
  achternaam: 'Idrissi Bakker',
  geslacht: 'v' as const,
  geboortedatum: '2012-02-01',
  leerlingnummer: '200771',
  email: 'lies.ib@mail.nl',
};

// Each variant sits in the incident text; none may survive the export.
const VARIANTS: [string, string][] = [
  ['hoofdletters', 'ÉLISE VAN DER IDRISSI BAKKER'],
  ['kleine letters', 'élise'],
  ['zonder accent', 'Elise'],
  ['bezittelijk met s', 'Élises'],
  ['bezittelijk met apostrof', "Élise's"],
  ['achternaam aaneen', 'IdrissiBakker'],
  ['achternaam met streepje', 'Idrissi-Bakker'],
  ['roepnaam', 'Lies'],
  ['voornaam alleen', 'Élise'],
  ['deel van de achternaam', 'Bakker'],
  ['leerlingnummer', '200771'],
  ['e-mailadres', 'lies.ib@mail.nl'],
  ['geboortedatum cijfers', '01-02-2012'],
  ['geboortedatum voluit', '1 februari 2012'],
  ['voornaam van haar ouder', 'Youssef'],
];
const ORDINARY = 'Meer leerlingen zagen het. De mentor sprak hen aan. Van tevoren was niets gemeld.';

async function eliseIncident() {
  const elise = await t.call('people.create', ELISE);
  const youssef = await t.call('people.create', { soort: 'ouder', voornaam: 'Youssef', achternaam: 'Idrissi', geslacht: 'm' });
  await t.call('people.linkGuardian', { leerlingId: elise.id, ouderId: youssef.id, relatie: 'vader' });
  await t.call('incidents.create', {
    datumVoorval: '2026-11-12',
    datumMelding: '2026-11-12',
    locatie: 'tijdens_les',
    platform: 'whatsapp',
    categorie: 'kwetsen',
    ernst: 'laag',
    omschrijving: `${VARIANTS.map(([, v]) => `Daan noemde ${v} in de groep.`).join(' ')} ${ORDINARY}`,
    betrokkenen: [
      { personId: s.daanId, rol: 'dader' },
      { personId: elise.id, rol: 'slachtoffer' },
    ],
  });
  return elise;
}

describe('access-request export', () => {
  it('leaves no variant of another pupil, her identifiers or her parent in the text, and keeps ordinary words', async () => {
    await eliseIncident();
    const r = await t.call('trust.accessRequests.create', {
      personId: s.daanId,
      aanvragerSoort: 'ouder',
      aanvragerId: s.pietId,
      ontvangenOp: '2026-11-13',
    });
    const exp = await t.call('trust.accessRequests.export', { id: r.id });
    const { body } = (await bundleOf(exp.inhoudBase64)).dossier;
    for (const [what, v] of VARIANTS) expect(mentions(body, v), `${what}: ${v}`).toBe(false);
    expect(body).toContain(ORDINARY);
    expect(body).toContain('Daan noemde medeleerling B in de groep.');
    expect(body).toContain('Daan noemde een ouder in de groep.');
  });

  it('tells what art. 15 requires, with the recipients on record and the configured retention, and not the other parent’s address', async () => {
    const settings = await t.call('obligations.settings.get', {});
    await t.call('obligations.settings.save', { ...settings, bewaartermijnLeerlingJaren: settings.bewaartermijnLeerlingJaren + 3 });
    await t.call('externalReports.create', {
      incidentId: s.incidentId,
      personId: s.daanId,
      instantie: 'leerplicht',
      soort: 'melding',
      datum: '2026-11-14',
    });
    const r = await t.call('trust.accessRequests.create', {
      personId: s.daanId,
      aanvragerSoort: 'ouder',
      aanvragerId: s.pietId,
      ontvangenOp: '2026-11-13',
    });
    const { body } = (await bundleOf((await t.call('trust.accessRequests.export', { id: r.id })).inhoudBase64)).dossier;
    for (const kop of [
      'Doelen van de verwerking',
      'Soorten gegevens',
      'Ontvangers',
      'Bewaartermijn',
      'Herkomst van de gegevens',
      'Uw rechten',
      'Klacht',
    ])
      expect(body, kop).toContain(kop);
    expect(body).toContain('Leerplichtambtenaar');
    expect(body).not.toContain('Politie');
    expect(body).toContain(`${settings.bewaartermijnLeerlingJaren + 3} jaar nadat de leerling de school heeft verlaten`);
    for (const recht of ['verbeteren', 'wissen', 'beperken', 'bezwaar', 'Autoriteit Persoonsgegevens'])
      expect(body, recht).toContain(recht);
    expect(body).toContain('Piet Jansen, Dorpsstraat 1');
    expect(body).toContain('Anna de Vries');
    expect(body).not.toContain('Kerkstraat 5');
  });

  it('stops on a name another pupil shares with the subject until the school leader confirms it, and audits the confirmation', async () => {
    const visser = await t.call('people.create', { soort: 'leerling', voornaam: 'Daan', achternaam: 'Visser', geslacht: 'm' });
    await t.call('incidents.create', {
      datumVoorval: '2026-11-12',
      datumMelding: '2026-11-12',
      locatie: 'tijdens_les',
      platform: 'whatsapp',
      categorie: 'kwetsen',
      ernst: 'laag',
      omschrijving: 'Daan Visser duwde Daan tegen de muur; Henk keek toe.',
      betrokkenen: [
        { personId: s.daanId, rol: 'slachtoffer' },
        { personId: visser.id, rol: 'dader' },
      ],
    });
    const r = await t.call('trust.accessRequests.create', {
      personId: s.daanId,
      aanvragerSoort: 'ouder',
      aanvragerId: s.pietId,
      ontvangenOp: '2026-11-13',
    });
    const review = await t.call('trust.accessRequests.review', { id: r.id });
    expect(review.namen).toEqual(['Daan']);
    expect(review.woorden).toContain('Henk');

    const refused = await t.core.invoke('trust.accessRequests.export', { id: r.id });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toContain('Daan');
    const audit = () =>
      t.core.db
        .prepare(`SELECT action, after_json FROM audit_log WHERE entity = 'inzageverzoek' AND entity_id = ? ORDER BY id`)
        .all(String(r.id)) as { action: string; after_json: string }[];
    expect(audit().map((a) => a.action)).toEqual(['geregistreerd']);
    expect((await t.call('trust.accessRequests.get', { id: r.id })).exportGemaaktOp).toBeNull();

    const exp = await t.call('trust.accessRequests.export', { id: r.id, namenBevestigd: true });
    const { body } = (await bundleOf(exp.inhoudBase64)).dossier;
    expect(body).toContain('medeleerling B duwde Daan tegen de muur');
    expect(audit().map((a) => a.action)).toEqual(['geregistreerd', 'namen_bevestigd', 'dossier_geexporteerd']);
    expect(JSON.parse(audit()[1].after_json)).toMatchObject({ namen: ['Daan'] });
  });
});

describe('destruction scrub', () => {
  it('removes every variant of the destroyed person, using the same matcher', () => {
    const names = [{ ...ELISE, kenmerken: [ELISE.leerlingnummer, ELISE.email, '06-12345678'] }];
    const text = `${VARIANTS.filter(([w]) => !w.includes('ouder'))
      .map(([, v]) => `Zie ${v}.`)
      .join(' ')} Bel +31 6 1234 5678. ${ORDINARY}`;
    const out = scrubText(text, tokenPattern(names));
    for (const [what, v] of VARIANTS.filter(([w]) => !w.includes('ouder'))) expect(mentions(out, v), `${what}: ${v}`).toBe(false);
    expect(out).not.toMatch(/1234/);
    expect(out).toContain(ORDINARY);
    // Full names only (records not connected to her): her surname alone stays, her joined full name goes.
    const full = scrubText('Élise vanderIdrissiBakker en Bakker.', fullNamePattern(names));
    expect(full).toBe('[verwijderd] en Bakker.');
  });
});
