// The CLI's backup, restore and trust commands, in-process (runCli, the code main.ts runs).
import { describe, it, expect, afterEach } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { makeTrustCore, tempDir } from './trustSupport';
import type { TestCore } from '../support/core';
import { runCli } from '../../src/main/cli/program';
import type { CliIo } from '../../src/main/cli/context';
import { Core } from '../../src/main/app/core';
import { keyId } from '../../src/main/security/keyWrap';
import { BACKUP_ROOT } from '../../src/main/backup/backup';

let t: TestCore;
let dirs: string[] = [];
afterEach(() => {
  try {
    t?.cleanup();
  } catch {
    fs.rmSync(t.dir, { recursive: true, force: true });
  }
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  dirs = [];
});

/** Runs the CLI in-process, the database key on stdin (--key-stdin). */
const cli = (...args: string[]) => run(['--key-stdin', ...args], { readStdin: () => t.key });

/** On a terminal: `answer` answers the hidden prompts (database key, recovery key) by their question. */
const onTerminal = (answer: (question: string) => string, ...args: string[]) =>
  run(args, { stdinIsTTY: true, promptSecret: async (q) => answer(q) });

async function run(args: string[], io: Omit<CliIo, 'out' | 'err'>): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(['node', 'schoolprotocol', '--db', t.dbPath, ...args], {
    out: (s) => (out += s),
    err: (s) => (err += s),
    ...io,
  });
  return { code, out, err };
}
const sha = (f: string) => createHash('sha256').update(fs.readFileSync(f)).digest('hex');
const names = () => Core.open({ dbPath: t.dbPath, key: t.key }) as Core & { db: { prepare(s: string): { all(): unknown[] } } };

async function setup() {
  t = makeTrustCore({ now: '2026-11-16T09:00:00Z' });
  await t.call('school.save', { naam: 'De Linde', sector: 'VO', regio: 'midden' });
  await t.call('people.create', { soort: 'leerling', voornaam: 'Mila', achternaam: 'de Groot' });
  t.core.close();
  const folder = tempDir('sp-cli-backup-');
  dirs.push(folder);
  return folder;
}

describe('backup and restore on the command line', () => {
  it('backs up, checks, and restores with the current database kept aside', async () => {
    const folder = await setup();
    const b = await cli('backup', '--to', folder);
    expect(b.code, b.err).toBe(0);
    expect(b.out).toMatch(/^Reservekopie gemaakt: .*reservekopie-\d{8}T\d{6}Z\n/);
    const backupDir = b.out.split('\n')[0].replace('Reservekopie gemaakt: ', '');
    const manifest = JSON.parse(fs.readFileSync(path.join(backupDir, 'manifest.json'), 'utf8'));
    expect(manifest.sleutelId).toBe(keyId(t.key));

    // A change after the backup.
    const c = Core.open({ dbPath: t.dbPath, key: t.key });
    await c.invoke('people.create', { soort: 'leerling', voornaam: 'Later', achternaam: 'Erbij' });
    c.close();

    const check = await cli('restore', backupDir, '--controleer');
    expect(check.code, check.err).toBe(0);
    // The CLI runs on the real clock.
    expect(check.out).toMatch(
      /^De reservekopie is in orde: De Linde, gemaakt \d{1,2} [a-z]+ \d{4} \d\d:\d\d, schemaversie \d+\.\n {2}1 personen, 0 meldingen/,
    );

    const r = await cli('restore', path.join(backupDir, 'schoolprotocol.db'));
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/Teruggezet: de reservekopie van \d{1,2} [a-z]+ \d{4} \d\d:\d\d \(De Linde, 1 personen, 0 meldingen\)\./);
    expect(r.out).toMatch(/De vorige database staat opzij als .*\.voor-terugzetten-\d{8}T\d{6}Z/);
    const after = names();
    expect(after.db.prepare('SELECT achternaam FROM person').all()).toEqual([{ achternaam: 'de Groot' }]);
    after.close();
    t.core = Core.open({ dbPath: t.dbPath, key: t.key });
  });

  it('refuses a file that is not ours with a Dutch message and exit code 1, changing nothing', async () => {
    const folder = await setup();
    const junk = path.join(folder, 'iets.db');
    fs.writeFileSync(junk, Buffer.alloc(8192, 7));
    const before = sha(t.dbPath);
    const r = await cli('restore', junk);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^Fout: Deze reservekopie kan niet worden geopend: .* Er is niets gewijzigd\./);
    expect(sha(t.dbPath)).toBe(before);
    expect((await cli('restore', t.dbPath)).err).toMatch(/niet de database zelf/);
    // The recovery key is never taken from an argument; asked on the terminal, a bad one is refused.
    for (const args of [['--sleutel', 'ab'.repeat(32)], ['--sleutel']]) {
      const r = await cli('restore', junk, ...args);
      expect(r.code).toBe(1);
      expect(r.err).toBe(
        'Fout: Geef de herstelsleutel niet mee op de opdrachtregel: daar kunnen andere gebruikers van deze computer hem zien ' +
          '(bijvoorbeeld met ps) en npm schrijft hem in zijn debuglog. Geef --sleutel-stdin: op een terminal vraagt de opdrachtregel ' +
          'er dan om zonder hem te tonen, anders leest hij hem van stdin. Of zet hem in de omgevingsvariabele SCHOOLPROTOCOL_HERSTELSLEUTEL. ' +
          'Er is niets gedaan.\n',
      );
    }
    const answers = (q: string) => (/^Herstelsleutel/.test(q) ? 'abc' : t.key);
    expect((await onTerminal(answers, 'restore', junk, '--sleutel-stdin')).err).toMatch(/64 tekens/);
    process.env.SCHOOLPROTOCOL_HERSTELSLEUTEL = 'abc';
    try {
      expect((await cli('restore', junk)).err).toMatch(/64 tekens/);
    } finally {
      delete process.env.SCHOOLPROTOCOL_HERSTELSLEUTEL;
    }
    // Two keys cannot both come through one pipe.
    const both = await cli('restore', junk, '--sleutel-stdin');
    expect(both.code).toBe(1);
    expect(both.err).toMatch(/^Fout: Via stdin komt al een sleutel/);
    expect(sha(t.dbPath)).toBe(before);
    t.core = Core.open({ dbPath: t.dbPath, key: t.key });
  });

  it('restores a backup made with another key, with the recovery key asked on the terminal', async () => {
    await setup();
    const other = makeTrustCore({ now: '2026-11-16T09:00:00Z' });
    const folder = tempDir('sp-cli-other-');
    dirs.push(folder, other.dir);
    await other.call('school.save', { naam: 'Het Baken', sector: 'VO', regio: 'noord' });
    const made = await other.call('trust.backup.now', { naar: folder });
    other.core.close();

    // Without the recovery key: the backup is someone else's, and nothing changes.
    const before = sha(t.dbPath);
    const refused = await cli('restore', made.backup.pad);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('(opdrachtregel: restore BESTAND --sleutel-stdin)');
    expect(sha(t.dbPath)).toBe(before);

    const asked: string[] = [];
    const r = await onTerminal(
      (q) => (asked.push(q), /^Herstelsleutel/.test(q) ? other.key : t.key),
      'restore',
      made.backup.pad,
      '--sleutel-stdin',
    );
    expect(r.code, r.err).toBe(0);
    expect(asked).toEqual(['Databasesleutel (wordt niet getoond): ', 'Herstelsleutel van de reservekopie (wordt niet getoond): ']);
    expect(r.out).toMatch(/Teruggezet: de reservekopie van .* \(Het Baken, 0 personen, 0 meldingen\)\./);
    expect(r.out + r.err).not.toContain(other.key);
    // Re-keyed to this installation's key.
    t.core = Core.open({ dbPath: t.dbPath, key: t.key });
    expect(t.core.db.prepare('SELECT naam FROM school').get()).toEqual({ naam: 'Het Baken' });
  });

  it('trust diagnose explains a damaged database and lists the backups; trust backups and attention', async () => {
    const folder = await setup();
    const c = Core.open({ dbPath: t.dbPath, key: t.key });
    await c.invoke('trust.settings.save', { backupMap: folder });
    c.close();
    expect((await cli('backup')).code).toBe(0);
    const list = await cli('trust', 'backups');
    expect(list.out).toContain(`Map: ${fs.realpathSync(folder)} (dagelijks automatisch)`);
    expect(list.out).toMatch(/reservekopie-20\d{6}T\d{6}Z\s+\d\d-\d\d-\d{4}\s+handmatig/);
    const att = await cli('trust', 'attention', '--json');
    expect(att.code).toBe(0);
    expect(JSON.parse(att.out)).toEqual([]);
    expect((await cli('trust', 'diagnose')).out).toMatch(/^De database lijkt in orde/);

    const bytes = fs.readFileSync(t.dbPath);
    bytes[Math.floor(bytes.length / 2)] ^= 0xff;
    fs.writeFileSync(t.dbPath, bytes);
    const d = await cli('trust', 'diagnose');
    expect(d.code).toBe(1);
    expect(d.out).toMatch(/^De database is beschadigd\n/);
    expect(d.out).toContain('Wat u kunt doen:\n  1. Zet de laatste goede reservekopie terug');
    expect(d.out).toMatch(/Gevonden reservekopieën \(nieuwste eerst\):\n {2}reservekopie-\d{8}T\d{6}Z {2}opent met deze sleutel/);
    expect(fs.readdirSync(path.join(folder, BACKUP_ROOT)).filter((n) => n.startsWith('reservekopie-'))).toHaveLength(1);
    fs.rmSync(t.dbPath);
    t.core = Core.open({ dbPath: t.dbPath, key: t.key, create: true });
  });

  it('trust breaches, requests and retention print the registers and exit 1 when something is late', async () => {
    await setup();
    const c = Core.open({ dbPath: t.dbPath, key: t.key, now: () => new Date('2026-11-20T09:00:00Z') });
    await c.invoke('trust.breaches.create', {
      omschrijving: 'Export kwijt op USB-stick.',
      ontdektOp: '2026-11-16T08:00:00Z',
      betrokkenen: 'Mila de Groot',
      risico: true,
    });
    c.close();
    const b = await cli('trust', 'breaches');
    expect(b.code).toBe(1);
    expect(b.out).toMatch(/1\s+16-11-2026\s+Export kwijt op USB-stick\.\s+ja\s+TE LAAT/);
    expect((await cli('trust', 'requests')).out).toBe('Geen inzageverzoeken.\n');
    expect((await cli('trust', 'retention')).out).toBe('Niemand is over de bewaartermijn.\n');
    t.core = Core.open({ dbPath: t.dbPath, key: t.key });
  });
});
