// A data breach with a high risk (AVG art. 34): besides the report to the Autoriteit
// Persoonsgegevens within 72 hours (art. 33), the people affected must be informed without undue
// delay, unless an exception of art. 34 lid 3 applies. That task stands on the dashboard, in the
// register and on the command line until the date or an exception with its reason is recorded.
import { describe, it, expect, afterEach } from 'vitest';
import fs from 'node:fs';
import { makeTrustCore } from './trustSupport';
import type { TestCore } from '../support/core';
import { runCli } from '../../src/main/cli/program';
import { Core } from '../../src/main/app/core';

let t: TestCore;
afterEach(() => {
  try {
    t?.cleanup();
  } catch {
    fs.rmSync(t.dir, { recursive: true, force: true });
  }
});

async function fails(method: string, input: unknown) {
  const r = await t.core.invoke(method, input);
  if (r.ok) throw new Error(`${method} should have failed`);
  return r.error;
}

/** The command line in-process, with the key in the environment (never on the command line). */
async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const saved = process.env.SCHOOLPROTOCOL_KEY;
  process.env.SCHOOLPROTOCOL_KEY = t.key;
  try {
    const code = await runCli(['node', 'schoolprotocol', '--db', t.dbPath, ...args], { out: (s) => (out += s), err: (s) => (err += s) });
    return { code, out, err };
  } finally {
    if (saved === undefined) delete process.env.SCHOOLPROTOCOL_KEY;
    else process.env.SCHOOLPROTOCOL_KEY = saved;
  }
}

// Discovered on New Year's Eve at 23:30 Amsterdam time: the 72 hours run through New Year's Day and
// the weekend (Saturday 1 and Sunday 2 January 2028) to Monday 3 January, 23:30.
const leakedList = {
  omschrijving: 'Klassenlijst met adressen en zorgnotities per e-mail naar alle ouders van een andere klas gestuurd.',
  ontdektOp: '2027-12-31T23:30:00+01:00',
  betrokkenen: 'Leerlingen van 2B en hun ouders',
  aantalBetrokkenen: 28,
  soortGegevens: 'Namen, adressen, zorgnotities',
  risico: true,
  hoogRisico: true,
};

const breachTasks = async () => (await t.call('trust.attention', {})).filter((a) => a.soort === 'datalek');

describe('a breach with a high risk (AVG art. 34)', () => {
  it('asks to inform the people affected until that date is recorded, next to the 72-hour report to the AP', async () => {
    t = makeTrustCore({ now: '2027-12-31T23:00:00Z' });
    const b = await t.call('trust.breaches.create', leakedList);
    expect(b).toMatchObject({
      ontdektOp: '2027-12-31T22:30:00.000Z',
      risico: true,
      hoogRisico: true,
      apUiterlijk: '2028-01-03T22:30:00.000Z',
      apTeLaat: false,
      betrokkenenGeinformeerdOp: null,
      betrokkenenUitzondering: null,
      betrokkenenInformeren: true,
    });
    expect(await breachTasks()).toEqual([
      {
        soort: 'datalek',
        titel: `Datalek melden bij de Autoriteit Persoonsgegevens (binnen 72 uur na ontdekking): ${leakedList.omschrijving.slice(0, 80)}`,
        uiterlijk: '2028-01-03T22:30:00.000Z',
        teLaat: false,
        id: b.id,
      },
      {
        soort: 'datalek',
        titel: `Betrokkenen onverwijld informeren over het datalek (hoog risico, AVG art. 34): ${leakedList.omschrijving.slice(0, 80)}`,
        uiterlijk: null,
        teLaat: false,
        id: b.id,
      },
    ]);
    // On the dashboard: informing has no fixed term ("onverwijld"), so it stands today (1 January in
    // Amsterdam); the AP report on the day of its deadline.
    const moments = (await t.call('obligations.dashboard', {})).momenten.filter((m) => m.soort === 'datalek');
    expect(moments.map((m) => [m.datum, m.titel.slice(0, 40), m.toelichting])).toEqual([
      ['2028-01-01', 'Betrokkenen onverwijld informeren over h', null],
      ['2028-01-03', 'Datalek melden bij de Autoriteit Persoon', 'Uiterlijk 03-01-2028, 23:30.'],
    ]);

    // Exactly 72 hours after discovery the report is not late yet; a second later it is.
    t.setNow('2028-01-03T22:30:00.000Z');
    expect((await t.call('trust.breaches.get', { id: b.id })).apTeLaat).toBe(false);
    t.setNow('2028-01-03T22:30:01Z');
    expect((await t.call('trust.breaches.get', { id: b.id })).apTeLaat).toBe(true);

    // Reported to the AP (late): the AP task goes, informing the people affected stays open.
    t.setNow('2028-01-03T23:00:00Z');
    const reported = await t.call('trust.breaches.update', {
      ...leakedList,
      id: b.id,
      apGemeldOp: '2028-01-03T23:45:00+01:00',
      apKenmerk: 'AP-2028-000123',
    });
    expect(reported).toMatchObject({ apGemeldOp: '2028-01-03T22:45:00.000Z', apTeLaat: false, betrokkenenInformeren: true });
    expect((await breachTasks()).map((a) => a.titel.slice(0, 30))).toEqual(['Betrokkenen onverwijld informe']);
    // It cannot be closed while the people affected are not informed.
    expect(
      await fails('trust.breaches.update', { ...leakedList, id: b.id, apGemeldOp: '2028-01-03T22:45:00Z', afgeslotenOp: '2028-01-03' }),
    ).toMatchObject({
      field: 'afgeslotenOp',
      message: expect.stringMatching(/betrokkenen zijn geïnformeerd, of welke uitzondering van AVG art\. 34 lid 3 geldt/),
    });

    // Informed on Tuesday 4 January 2028: the task is done and the breach can be closed.
    t.setNow('2028-01-04T10:00:00Z');
    const informed = await t.call('trust.breaches.update', {
      ...leakedList,
      id: b.id,
      apGemeldOp: '2028-01-03T22:45:00Z',
      betrokkenenGeinformeerdOp: '2028-01-04',
      afgeslotenOp: '2028-01-04',
    });
    expect(informed).toMatchObject({ betrokkenenGeinformeerdOp: '2028-01-04', betrokkenenInformeren: false, afgeslotenOp: '2028-01-04' });
    expect(await breachTasks()).toEqual([]);
  });

  it('an exception of art. 34 lid 3 with its reason ends the task; without a reason, or without a high risk, it is refused', async () => {
    t = makeTrustCore({ now: '2027-12-31T23:00:00Z' });
    const b = await t.call('trust.breaches.create', leakedList);
    const before = await t.call('trust.breaches.get', { id: b.id });

    expect(await fails('trust.breaches.update', { ...leakedList, id: b.id, betrokkenenUitzondering: 'beveiligd' })).toMatchObject({
      field: 'betrokkenenUitzonderingReden',
    });
    expect(await fails('trust.breaches.update', { ...leakedList, id: b.id, betrokkenenUitzonderingReden: 'Versleuteld.' })).toMatchObject({
      field: 'betrokkenenUitzondering',
    });
    expect(
      await fails('trust.breaches.update', {
        ...leakedList,
        id: b.id,
        betrokkenenUitzondering: 'bestaat_niet',
        betrokkenenUitzonderingReden: 'x',
      }),
    ).toMatchObject({
      field: 'betrokkenenUitzondering',
      message: 'Kies een uitzondering uit AVG art. 34 lid 3.',
    });
    expect(
      await fails('trust.breaches.update', {
        ...leakedList,
        id: b.id,
        hoogRisico: false,
        betrokkenenUitzondering: 'beveiligd',
        betrokkenenUitzonderingReden: 'Versleuteld.',
      }),
    ).toMatchObject({ field: 'betrokkenenUitzondering' });
    expect(await fails('trust.breaches.update', { ...leakedList, id: b.id, risico: false })).toMatchObject({ field: 'hoogRisico' });
    // Informed before the breach was discovered, or in the future (29 February 2028 is a real date).
    expect(await fails('trust.breaches.update', { ...leakedList, id: b.id, betrokkenenGeinformeerdOp: '2027-12-30' })).toMatchObject({
      field: 'betrokkenenGeinformeerdOp',
    });
    expect(await fails('trust.breaches.update', { ...leakedList, id: b.id, betrokkenenGeinformeerdOp: '2028-02-29' })).toMatchObject({
      field: 'betrokkenenGeinformeerdOp',
      message: 'De datum waarop de betrokkenen zijn geïnformeerd ligt in de toekomst.',
    });
    // None of that changed anything.
    expect(await t.call('trust.breaches.get', { id: b.id })).toEqual(before);

    const excepted = await t.call('trust.breaches.update', {
      ...leakedList,
      id: b.id,
      betrokkenenUitzondering: 'onevenredig',
      betrokkenenUitzonderingReden: 'Adressen van 28 gezinnen onbekend; mededeling op de website en in de nieuwsbrief van 1 januari.',
    });
    expect(excepted).toMatchObject({
      betrokkenenUitzondering: 'onevenredig',
      betrokkenenInformeren: false,
      betrokkenenGeinformeerdOp: null,
    });
    expect((await breachTasks()).map((a) => a.titel.slice(0, 30))).toEqual(['Datalek melden bij de Autorite']);

    // The register on the command line shows the high risk and what became of informing.
    const plain = await t.call('trust.breaches.create', { ...leakedList, omschrijving: 'Tweede lek, nog niet geïnformeerd.' });
    t.core.close();
    const r = await cli('trust', 'breaches');
    expect(r.err).toBe('');
    expect(r.out).toMatch(/Betrokkenen geïnformeerd\n/);
    // (The AP column depends on the real clock the command line runs with, so it is not pinned here.)
    expect(r.out).toMatch(
      new RegExp(`^${b.id}\\s+31-12-2027\\s+Klassenlijst.*\\s+hoog\\s+.+\\s+niet nodig \\(art\\. 34 lid 3 sub c\\)$`, 'm'),
    );
    expect(r.out).toMatch(new RegExp(`^${plain.id}\\s+31-12-2027\\s+Tweede lek.*\\s+hoog\\s+.+\\s+NOG INFORMEREN$`, 'm'));
    t.core = Core.open({ dbPath: t.dbPath, key: t.key });
  });

  it('a breach with a risk that is not high asks only for the report to the AP', async () => {
    t = makeTrustCore({ now: '2028-02-29T08:00:00Z' });
    const b = await t.call('trust.breaches.create', { ...leakedList, ontdektOp: '2028-02-29T07:15:00Z', hoogRisico: false });
    expect(b).toMatchObject({ hoogRisico: false, betrokkenenInformeren: false, apUiterlijk: '2028-03-03T07:15:00.000Z' });
    expect((await breachTasks()).map((a) => a.uiterlijk)).toEqual(['2028-03-03T07:15:00.000Z']);
  });
});
