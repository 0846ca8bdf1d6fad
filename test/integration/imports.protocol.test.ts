// Protocol import end to end in the core: read a document, save it as a version, cite a rule in an
// incident, import the next version of the document, match its rules to the previous version and
// save it, so the rules continue (vorige_regel_id) and the incident keeps its rule.
import fs from 'node:fs';
import path from 'node:path';
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { makeTestCore, type TestCore } from '../support/core';
import type { ProtocolDraft, ProtocolMatch } from '../../src/shared/api/imports';

const FIX = path.join(import.meta.dirname, '../fixtures/imports');
const lingeText = fs.readFileSync(path.join(FIX, 'protocols/protocol-lingecollege.txt'), 'utf8');
const asFile = (naam: string, text: string) => ({ naam, inhoud: Buffer.from(text, 'utf8').toString('base64') });

let t: TestCore;
beforeEach(() => {
  t = makeTestCore({ now: '2026-11-16T09:00:00Z' });
});
afterEach(() => t.cleanup());

const count = (sql: string) => (t.core.db.prepare(sql).get() as { n: number }).n;

/** The save input from a reviewed draft, with the matched rule ids. */
function saveInput(d: ProtocolDraft, extra: { versie: string; ingangsdatum: string }, match?: ProtocolMatch) {
  return {
    titel: d.titel,
    versie: extra.versie,
    ingangsdatum: extra.ingangsdatum,
    vastgesteldOp: d.vastgesteldOp,
    mrInstemmingOp: d.mrInstemmingOp,
    secties: d.secties.map((s, i) => ({
      nummer: s.nummer,
      titel: s.titel,
      regels: s.regels.map((r, j) => {
        const m = match?.regels.find((x) => x.sectie === i && x.regel === j);
        return { ...(m?.vorigeRegelId ? { id: m.vorigeRegelId } : {}), nummer: r.nummer, tekst: r.tekst };
      }),
    })),
    bestand: { naam: d.bestandsnaam, sha256: d.sha256 },
  };
}

/** The 2021 version of the Lingecollege protocol: one rule reworded, two swapped, one removed, one new. */
const linge2021 = lingeText
  .replace(
    '1. Het is medewerkers en leerlingen niet toegestaan om tijdens de lessen actief te zijn op sociale media tenzij door de schoolleiding respectievelijk leraren hiervoor toestemming is gegeven.',
    '1. Het is medewerkers en leerlingen niet toegestaan om tijdens de lessen actief te zijn op sociale media, tenzij de schoolleiding of de leraar hiervoor vooraf toestemming heeft gegeven.',
  )
  .replace(
    /^(- Het verwijderen van tweets.*)\n(- Het inschakelen van politie.*)$/m,
    (_, verwijderen: string, politie: string) => `${politie}\n${verwijderen}`,
  )
  .replace(
    '3. Medewerkers van het Lingecollege plaatsen geen vertrouwelijke informatie op sociale media.',
    '3. Wachtwoorden van schoolaccounts worden nooit gedeeld.',
  )
  .replace('Vastgesteld in MT d.d. 1 april 2019.', 'Vastgesteld in MT d.d. 14 juni 2021.')
  .replace('Instemming MR d.d. 7 mei 2019.', 'Instemming MR d.d. 28 juni 2021.');

describe('importing a protocol as a new version', () => {
  it('saves the reviewed draft; the next version continues the matched rules so incidents keep theirs', async () => {
    expect(linge2021).not.toBe(lingeText);
    const d2019 = await t.call('imports.protocol.read', { bestand: asFile('protocol-lingecollege.txt', lingeText) });
    expect(await t.call('imports.protocol.match', { ingangsdatum: '2019-08-01', secties: d2019.secties })).toEqual({
      vorigeVersie: null,
      regels: d2019.secties.flatMap((s, i) =>
        s.regels.map((_, j) => ({
          sectie: i,
          regel: j,
          vorigeRegelId: null,
          vorigNummer: null,
          vorigeTekst: null,
          reden: null,
          gelijkenis: 0,
        })),
      ),
      vervallen: [],
    });
    const v2019 = await t.call('imports.protocol.save', saveInput(d2019, { versie: '2019', ingangsdatum: '2019-08-01' }));
    expect([v2019.titel, v2019.vastgesteldOp, v2019.mrInstemmingOp, v2019.aantalRegels]).toEqual([
      'PROTOCOL SOCIALE MEDIA ALLE GEBRUIKERS',
      '2019-04-01',
      '2019-05-07',
      14,
    ]);
    const rule = (v: typeof v2019, nr: string) => v.secties.flatMap((s) => s.regels).find((r) => r.volledigNummer === nr)!;
    expect(rule(v2019, '3.2').tekst).toMatch(/^Het inschakelen van politie/);
    // Purposes, scope and examples were offered as context, not saved as rules.
    expect(d2019.overgeslagen.filter((o) => o.reden === 'voorbeeld').map((o) => o.tekst)).toContain('Dreigtweets');

    const incident = await t.call('incidents.create', {
      datumVoorval: '2020-01-15',
      datumMelding: '2020-01-16',
      locatie: 'buiten_school',
      platform: 'x',
      categorie: 'bedreiging',
      ernst: 'hoog',
      omschrijving: 'Een dreigende tweet over een leraar.',
      regelIds: [rule(v2019, '3.2').id, rule(v2019, '2.1').id],
    });

    const d2021 = await t.call('imports.protocol.read', { bestand: asFile('protocol-lingecollege-2021.txt', linge2021) });
    expect([d2021.vastgesteldOp, d2021.mrInstemmingOp]).toEqual(['2021-06-14', '2021-06-28']);
    const match = await t.call('imports.protocol.match', { ingangsdatum: '2021-08-01', secties: d2021.secties });
    expect(match.vorigeVersie?.id).toBe(v2019.id);
    const at = (sectie: number, regel: number) => match.regels.find((m) => m.sectie === sectie && m.regel === regel)!;
    expect(at(0, 0)).toEqual({
      sectie: 0,
      regel: 0,
      vorigeRegelId: rule(v2019, '1.4').id,
      vorigNummer: '1.4',
      vorigeTekst:
        'De gebruikers van sociale media dienen rekening te houden met de naam van de school en van iedereen die betrokken is bij de school.',
      reden: 'identiek',
      gelijkenis: 1,
    });
    // Reworded under the same number.
    expect(at(1, 0)).toMatchObject({ vorigeRegelId: rule(v2019, '2.1').id, vorigNummer: '2.1', reden: 'zelfde_nummer' });
    expect(at(1, 0).gelijkenis).toBeGreaterThanOrEqual(0.5);
    expect(at(1, 0).gelijkenis).toBeLessThan(1);
    // Swapped: identical text under another number wins over the same number.
    expect(at(2, 0)).toMatchObject({ vorigeRegelId: rule(v2019, '3.2').id, vorigNummer: '3.2', reden: 'identiek' });
    expect(at(2, 1)).toMatchObject({ vorigeRegelId: rule(v2019, '3.1').id, vorigNummer: '3.1', reden: 'identiek' });
    // New: continues nothing; the removed rule is listed.
    expect(at(3, 2)).toMatchObject({ vorigeRegelId: null, reden: null });
    expect(match.vervallen).toEqual([
      {
        id: rule(v2019, '4.3').id,
        volledigNummer: '4.3',
        tekst: 'Medewerkers van het Lingecollege plaatsen geen vertrouwelijke informatie op sociale media.',
      },
    ]);
    expect(match.regels.filter((m) => m.reden === 'identiek').length).toBe(12);

    const v2021 = await t.call('imports.protocol.save', saveInput(d2021, { versie: '2021', ingangsdatum: '2021-08-01' }, match));
    expect(rule(v2021, '3.1')).toMatchObject({ tekst: rule(v2019, '3.2').tekst, vorigeRegelId: rule(v2019, '3.2').id });
    expect(rule(v2021, '2.1').vorigeRegelId).toBe(rule(v2019, '2.1').id);
    expect(rule(v2021, '4.3').vorigeRegelId).toBeNull();
    expect(v2021.secties.flatMap((s) => s.regels).filter((r) => r.vorigeRegelId !== null).length).toBe(13);

    // The incident keeps citing the 2019 rules; the 2019 version is untouched and still in force on its date.
    const again = await t.call('incidents.get', { id: incident.id });
    expect(again.regels.map((r) => r.id).sort()).toEqual([rule(v2019, '3.2').id, rule(v2019, '2.1').id].sort());
    expect((await t.call('protocols.inForce', { datum: '2020-01-15' }))?.id).toBe(v2019.id);
    expect((await t.call('protocols.inForce', { datum: '2021-09-01' }))?.id).toBe(v2021.id);
    expect(await t.call('protocols.get', { id: v2019.id })).toEqual({ ...v2019, actueel: false });

    const runs = await t.call('imports.runs.list', {});
    expect(runs.map((r) => [r.soort, r.bestandsnaam, r.aangemaakt, r.protocolId])).toEqual([
      ['protocol', 'protocol-lingecollege-2021.txt', 14, v2021.id],
      ['protocol', 'protocol-lingecollege.txt', 14, v2019.id],
    ]);
    expect(count("SELECT count(*) AS n FROM audit_log WHERE entity = 'import' AND action = 'protocol_ingelezen'")).toBe(2);
    expect(count("SELECT count(*) AS n FROM audit_log WHERE entity = 'protocol' AND action = 'aangemaakt'")).toBe(2);
  });

  it('matches against a chosen version, and refuses a rule id that does not exist without writing', async () => {
    const d = await t.call('imports.protocol.read', { bestand: asFile('p.txt', 'Regels\n1. Geen telefoon in de les.\n2. Niet pesten.') });
    const v1 = await t.call('imports.protocol.save', saveInput(d, { versie: '1', ingangsdatum: '2024-08-01' }));
    const m = await t.call('imports.protocol.match', {
      vorigeVersieId: v1.id,
      secties: [
        {
          nummer: '1',
          titel: 'Regels',
          regels: [
            { nummer: '1', tekst: 'Niet pesten!' },
            { nummer: '3', tekst: 'Geen telefoon tijdens de les.' },
          ],
        },
      ],
    });
    expect(m.regels.map((r) => [r.vorigNummer, r.reden])).toEqual([
      ['1.2', 'identiek'],
      ['1.1', 'vergelijkbaar'],
    ]);
    const before = count('SELECT count(*) AS n FROM protocol_version');
    const bad = await t.core.invoke('imports.protocol.save', {
      ...saveInput(d, { versie: '2', ingangsdatum: '2025-08-01' }),
      secties: [{ nummer: '1', titel: 'Regels', regels: [{ id: 999999, nummer: '1', tekst: 'X.' }] }],
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message).toBe('Deze regel bestaat niet (meer).');
    expect(count('SELECT count(*) AS n FROM protocol_version')).toBe(before);
    expect(count('SELECT count(*) AS n FROM import_run')).toBe(1);
  });

  it('reads .docx and .pdf through the API, and refuses a document without rules', async () => {
    const file = (rel: string) => ({ naam: path.basename(rel), inhoud: fs.readFileSync(path.join(FIX, rel)).toString('base64') });
    const docx = await t.call('imports.protocol.read', { bestand: file('protocols/protocol-de-regenboog.docx') });
    const pdf = await t.call('imports.protocol.read', { bestand: file('protocols/protocol-de-regenboog.pdf') });
    expect([docx.formaat, pdf.formaat, docx.secties.length, pdf.secties.length, docx.ingangsdatum]).toEqual([
      'docx',
      'pdf',
      4,
      4,
      '2024-08-01',
    ]);
    const r = await t.core.invoke('imports.protocol.read', { bestand: file('kapot/geen-regels.txt') });
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'VALIDATIE',
        message:
          'In dit document zijn geen regels gevonden (geen genummerde lijst, opsomming of artikelen). Controleer of dit het protocol is.',
        field: 'bestand',
        fields: {
          bestand:
            'In dit document zijn geen regels gevonden (geen genummerde lijst, opsomming of artikelen). Controleer of dit het protocol is.',
        },
      },
    });
  });
});
