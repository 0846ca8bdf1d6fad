// `import roster FILE` and `import protocol FILE` on the command line: dry run, apply, --json,
// --mapping, exit codes and Dutch refusals.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestCore, type TestCore } from '../support/core';
import { runCli } from '../../src/main/cli/program';
import { parseMapping } from '../../src/main/cli/commands/imports';

const FIX = path.join(import.meta.dirname, '../fixtures/imports');
const fx = (rel: string) => path.join(FIX, rel);

let t: TestCore;
beforeEach(() => {
  t = makeTestCore();
});
afterEach(() => t.cleanup());

async function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['node', 'schoolprotocol', '--db', t.dbPath, '--key-stdin', ...args], {
    out: (s) => (stdout += s),
    err: (s) => (stderr += s),
    readStdin: () => t.key,
  });
  return { code, stdout, stderr };
}
const persons = () => (t.core.db.prepare('SELECT count(*) AS n FROM person').get() as { n: number }).n;

describe('import roster', () => {
  it('--dry-run --json changes nothing; applying prints the counts; again changes nothing', async () => {
    const dry = await cli(['import', 'roster', fx('rosters/magister-leerlingen.csv'), '--dry-run', '--json']);
    expect(dry.code).toBe(0);
    const plan = JSON.parse(dry.stdout);
    expect([plan.toegepast, plan.formaat, plan.bronNaam, plan.totalen.aanmaken]).toEqual([false, 'csv', 'Magister', 6]);
    expect(plan.aanmaken[0]).toEqual({ regel: 2, soort: 'leerling', sleutel: '123', naam: 'Emre Özdemir', groep: '2A' });
    expect(persons()).toBe(0);

    const run = await cli(['import', 'roster', fx('rosters/magister-leerlingen.csv'), '--volledig']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Ingelezen: CSV, leerlingen, bron "Magister", volledige lijst.');
    expect(run.stdout).toContain('6 rijen: 6 nieuw, 0 bijgewerkt, 0 ongewijzigd, 0 overgeslagen, 0 uitgeschreven.');
    expect(run.stdout).toMatch(/3\s+124\s+Chloë van Dijk\s+2A/);
    expect(persons()).toBe(6);
    const again = await cli(['import', 'roster', fx('rosters/magister-leerlingen.csv'), '--volledig']);
    expect(again.stdout).toContain('6 rijen: 0 nieuw, 0 bijgewerkt, 6 ongewijzigd, 0 overgeslagen, 0 uitgeschreven.');
  });

  it('maps columns by hand with --mapping (names or column numbers)', async () => {
    const r = await cli([
      'import',
      'roster',
      fx('rosters/handmatig-onbekende-koppen.csv'),
      '--mapping',
      'Nr=leerlingnummer,naam kind=roepnaam,Achter=achternaam,4=groep',
      '--bron',
      'Lijst groep 5',
      '--json',
    ]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).aanmaken.map((a: { naam: string; groep: string }) => [a.naam, a.groep])).toEqual([
      ['Lieke Hendriks', 'Groep 5'],
      ['Finn de Wit', 'Groep 5'],
      ['Noor Çelik', 'Groep 6'],
    ]);
    // The mapping is remembered for this source: no --mapping needed next time.
    const again = await cli(['import', 'roster', fx('rosters/handmatig-onbekende-koppen.csv'), '--dry-run']);
    expect(again.stdout).toContain('3 rijen: 0 nieuw, 0 bijgewerkt, 3 ongewijzigd');
    const bad = await cli(['import', 'roster', fx('rosters/handmatig-onbekende-koppen.csv'), '--mapping', 'Nr=stamnummer']);
    expect([bad.code, bad.stderr]).toEqual([
      1,
      expect.stringContaining('Fout: Onbekend veld "stamnummer". Kies uit: leerlingnummer, personeelsnummer,'),
    ]);
  });

  it('exits 1 with the problems and their lines, and writes nothing', async () => {
    const r = await cli(['import', 'roster', fx('rosters/magister-fouten.csv'), '--dry-run']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('  regel 3: FOUT: Het leerlingnummer ontbreekt.');
    expect(r.stdout).toContain('  regel 9: let op: De geboortedatum 2040-08-08 ligt in de toekomst; die wordt niet ingelezen.');
    const apply = await cli(['import', 'roster', fx('rosters/magister-fouten.csv')]);
    expect([apply.code, apply.stderr.trim()]).toEqual([
      1,
      'Fout: Het bestand heeft 4 fout(en); er is niets ingelezen. Los ze op in de export, of kies ervoor de regels met fouten over te slaan.',
    ]);
    expect(persons()).toBe(0);
  });

  it('refuses the invalid EDEXML and a missing file in Dutch', async () => {
    const r = await cli(['import', 'roster', fx('rosters/edexml-2.1-invalid-1.xml')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Fout: Dit EDEXML-bestand klopt niet: het verplichte onderdeel <school> ontbreekt');
    const missing = await cli(['import', 'roster', fx('rosters/bestaat-niet.csv')]);
    expect([missing.code, missing.stderr.trim()]).toEqual([1, `Fout: Het bestand ${fx('rosters/bestaat-niet.csv')} bestaat niet.`]);
  });

  it('parses mapping specifications', () => {
    expect(parseMapping('STAMNR=leerlingnummer, 3=achternaam,ROEPNAAM=-', ['STAMNR', 'ROEPNAAM', 'ACHTERNAAM'])).toEqual([
      'leerlingnummer',
      null,
      'achternaam',
    ]);
    expect(() => parseMapping('KLAS=groep', ['STAMNR'])).toThrow('Kolom "KLAS" staat niet in het bestand. Kolommen: STAMNR.');
  });
});

describe('import protocol', () => {
  it('--dry-run --json lists sections and rules with their numbers and text', async () => {
    const r = await cli(['import', 'protocol', fx('protocols/protocol-lingecollege.txt'), '--dry-run', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    const expected = JSON.parse(fs.readFileSync(fx('expected/protocol-lingecollege.txt.json'), 'utf8'));
    expect(
      out.secties.map((s: { nummer: string; titel: string; regels: { nummer: string; tekst: string }[] }) => [
        s.nummer,
        s.titel,
        s.regels.map((x) => [x.nummer, x.tekst]),
      ]),
    ).toEqual(
      expected.secties.map((s: { nummer: string; titel: string; regels: { nummer: string; tekst: string }[] }) => [
        s.nummer,
        s.titel,
        s.regels.map((x) => [x.nummer, x.tekst]),
      ]),
    );
    expect(out.secties[2].regels[1]).toEqual({
      nummer: '2',
      volledigNummer: '3.2',
      tekst:
        'Het inschakelen van politie bij vergaande bedreigingen en daaropvolgend onderzoek naar herkomst/ afzender van dergelijke posts of tweets.',
      vorigeRegel: null,
      overeenkomst: null,
    });
    expect([out.titel, out.vastgesteldOp, out.mrInstemmingOp, out.vorigeVersie]).toEqual([
      'PROTOCOL SOCIALE MEDIA ALLE GEBRUIKERS',
      '2019-04-01',
      '2019-05-07',
      null,
    ]);
  });

  it('saves a new version, asking for what the document does not say; the next import continues the rules', async () => {
    const noVersion = await cli(['import', 'protocol', fx('protocols/protocol-lingecollege.txt')]);
    expect([noVersion.code, noVersion.stderr.trim()]).toEqual([
      1,
      'Fout: Het document noemt geen versie. Geef die op met --versie, bijvoorbeeld --versie 2025.',
    ]);
    const saved = await cli([
      'import',
      'protocol',
      fx('protocols/protocol-lingecollege.txt'),
      '--versie',
      '2019',
      '--ingangsdatum',
      '2019-08-01',
    ]);
    expect(saved.code).toBe(0);
    expect(saved.stdout).toMatch(
      /^Opgeslagen als protocolversie 2019 \(id \d+\), in werking vanaf 2019-08-01: 14 regels, waarvan 0 een regel van de vorige versie voortzetten\.\n$/,
    );
    const next = await cli([
      'import',
      'protocol',
      fx('protocols/protocol-lingecollege.txt'),
      '--versie',
      '2020',
      '--ingangsdatum',
      '2020-08-01',
      '--json',
    ]);
    const out = JSON.parse(next.stdout);
    expect([out.voortgezet, out.vorigeVersie.versie, out.secties[0].regels[0].overeenkomst]).toEqual([14, '2019', 'identiek']);
  });
});
