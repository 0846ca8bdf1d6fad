// `obligations [--json] [--overdue]` on the command line: open obligations with their due dates,
// and an exit code a scheduled check can use.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestCore, type TestCore } from '../support/core';
import { runCli } from '../../src/main/cli/program';

let t: TestCore;
beforeEach(() => {
  t = makeTestCore({ now: '2025-10-17T09:00:00Z' });
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

async function schorsing() {
  await t.call('school.save', { naam: 'De Linde', sector: 'VO', regio: 'midden' });
  const p = await t.call('people.create', { soort: 'leerling', voornaam: 'Emre', achternaam: 'Özdemir' });
  const i = await t.call('incidents.create', {
    datumVoorval: '2025-10-14',
    datumMelding: '2025-10-15',
    locatie: 'in_school',
    platform: 'whatsapp',
    categorie: 'bedreiging',
    ernst: 'hoog',
    omschrijving: 'Dreigbericht.',
    betrokkenen: [{ personId: p.id, rol: 'dader' }],
  });
  return t.call('measures.create', { incidentId: i.id, personId: p.id, soort: 'schorsing', besluitDatum: '2025-10-17', startdatum: '2025-10-17', einddatum: '2025-10-27' });
}

describe('obligations (CLI)', () => {
  it('lists open obligations as JSON with due dates; --overdue exits 1 while anything is late', async () => {
    const m = await schorsing();
    // The CLI runs on the real clock: every task of October 2025 is overdue by now.
    t.core.close();
    const r = await cli(['obligations', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { vandaag: string; aantal: number; aantalTeLaat: number; verplichtingen: { titel: string; regel: string; uiterlijk: string; teLaatVanaf: string; teLaat: boolean; persoon: string; measureId: number }[] };
    // Hearing of the pupil and of the parents, the warning for 11 calendar days, decision, clause, ISD, leerplicht.
    expect(out.aantal).toBe(7);
    expect(out.aantalTeLaat).toBe(7);
    expect(out.verplichtingen.find((o) => o.regel === 'schorsing.isd')).toMatchObject({
      titel: 'Melden bij de Inspectie (Internet Schooldossier)',
      uiterlijk: '2025-10-17',
      teLaatVanaf: '2025-10-22',
      teLaat: true,
      persoon: 'Emre Özdemir',
      measureId: m.id,
    });
    const overdue = await cli(['obligations', '--overdue']);
    expect(overdue.code).toBe(1);
    expect(overdue.stdout).toContain('TE LAAT  17-10-2025  22-10-2025     Melden bij de Inspectie (Internet Schooldossier)');
    expect(overdue.stdout).toContain('7 open, waarvan 7 te laat');
  });

  it('says so when nothing is open or late', async () => {
    const r = await cli(['obligations']);
    expect(r).toMatchObject({ code: 0, stdout: 'Geen open verplichtingen.\n' });
    const o = await cli(['obligations', '--overdue']);
    expect(o).toMatchObject({ code: 0, stdout: 'Niets te laat.\n' });
  });
});
