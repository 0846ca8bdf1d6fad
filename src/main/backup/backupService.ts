// Backups and restore as API methods: the school's folder from the settings, one backup at a time
// (made in a worker thread, backupThread.ts, so the core keeps answering), the run log (backup_run)
// with audit entries, the daily automatic backup the doors ask for, and the first, in-core half of
// a restore (check and stage; the door completes it before reopening the core).
import fs from 'node:fs';
import path from 'node:path';
import type { Ctx } from '../context/context';
import type { DB } from '../db/open';
import { CoreError } from '../errors/errors';
import type { BackupItem, BackupOverview, BackupRun, BackupSoort, RestoreCheck } from '@shared/api/trust';
import { todayIn } from '@shared/dates';
import { listBackups, makeBackup } from './backup';
import type { BackupInfo } from './backup';
import { ensureFileKey, readFileKey } from './backupFiles';
import { writeAtomic } from '../files/atomic';
import { BackupWorkerUnavailable, jobFileKey, runBackupInWorker } from './backupThread';
import { checkFolder, isInside } from './paths';
import { inspectBackup, stageRestore } from './restore';
import { readTrustSettings } from '../settings/trust';
import { keyIdOf, vaultOf } from '../security/vault';

interface RunRow {
  id: number;
  gestart_op: string;
  soort: BackupSoort;
  map: string;
  naam: string | null;
  gelukt: number;
  fout: string | null;
  grootte: number | null;
  bestanden: number | null;
  opgeruimd: number;
}

const toRun = (r: RunRow): BackupRun => ({
  id: r.id,
  gestartOp: r.gestart_op,
  soort: r.soort,
  map: r.map,
  naam: r.naam,
  gelukt: !!r.gelukt,
  fout: r.fout,
  grootte: r.grootte,
  bestanden: r.bestanden,
  opgeruimd: r.opgeruimd,
});

const toItem = (b: BackupInfo, ownId: string | null): BackupItem => ({
  naam: b.naam,
  pad: b.pad,
  gemaaktOp: b.gemaaktOp,
  soort: b.soort,
  schemaversie: b.schemaversie,
  grootte: b.grootte,
  bestanden: b.bestanden,
  vanDezeInstallatie: !!ownId && b.bestandssleutelId === ownId,
});

/** The small note beside the database saying where the backups are, for when it will not open. */
export const backupPointerFile = (dbPath: string) => `${dbPath}.reservekopieen.json`;

export function writeBackupPointer(dbPath: string, folder: string | null): void {
  try {
    if (folder) writeAtomic(backupPointerFile(dbPath), JSON.stringify({ map: folder }));
    else fs.rmSync(backupPointerFile(dbPath), { force: true });
  } catch {
    // Only a convenience for diagnose.ts; the backup itself succeeded.
  }
}

export function readBackupPointer(dbPath: string): string | null {
  try {
    const v = JSON.parse(fs.readFileSync(backupPointerFile(dbPath), 'utf8')) as { map?: unknown };
    return typeof v.map === 'string' ? v.map : null;
  } catch {
    return null;
  }
}

/** Folders a backup may not go into: the app's own data folder and the database's folder. */
export const appFolders = (ctx: Ctx) => [ctx.files.root, path.dirname(ctx.db.name)];

async function currentKeyId(db: DB): Promise<string | null> {
  const vault = vaultOf(db);
  if (!vault) return keyIdOf(db);
  try {
    return (await vault.load()).sleutelId;
  } catch {
    return null;
  }
}

// One backup at a time per core. A request while another runs waits its turn and then makes its own
// backup (its folder, its kind, the data as they are when it starts). The school leader keeps
// working meanwhile (the copy is made in a worker thread, backupThread.ts), so waiting costs them
// nothing, whereas a refusal would make them come back and press the button again; the overview
// says a backup is being made. The automatic daily backup decides whether it is due only when its
// turn comes, so a manual backup made just before it makes it unnecessary.
interface Turns {
  tail: Promise<unknown>;
  bezig: { soort: BackupSoort; sinds: string } | null;
  wachtend: number;
}
const turns = new WeakMap<DB, Turns>();

function inTurn<T>(ctx: Ctx, soort: BackupSoort, fn: () => Promise<T>): Promise<T> {
  const t = turns.get(ctx.db) ?? { tail: Promise.resolve(), bezig: null, wachtend: 0 };
  turns.set(ctx.db, t);
  t.wachtend++;
  const mine = t.tail.then(async () => {
    t.wachtend--;
    t.bezig = { soort, sinds: ctx.nowIso() };
    try {
      return await fn();
    } finally {
      t.bezig = null;
    }
  });
  // The next request waits for this one whether it succeeds or fails.
  t.tail = mine.catch(() => undefined);
  return mine;
}

/** The backup being made for this core right now, if any (for the overview). */
export function backupInProgress(db: DB): BackupOverview['bezig'] {
  const t = turns.get(db);
  return t?.bezig ? { ...t.bezig, wachtend: t.wachtend } : null;
}

function chosenFolder(ctx: Ctx, naar: string | undefined): string {
  const chosen = naar ?? readTrustSettings(ctx.db).backupMap;
  if (!chosen) {
    throw new CoreError('VALIDATIE', 'Kies eerst een map voor de reservekopieën (Instellingen → Beveiliging).', 'naar', {
      naar: 'Kies een map.',
    });
  }
  return checkFolder(chosen, 'naar', { notInside: appFolders(ctx) });
}

export async function backupNow(
  ctx: Ctx,
  input: { naar?: string },
  soort: BackupSoort = 'handmatig',
): Promise<{ backup: BackupItem; opgeruimd: string[] }> {
  // A wrong folder is answered at once, not after waiting for another backup.
  const folder = chosenFolder(ctx, input.naar);
  return inTurn(ctx, soort, () => makeOne(ctx, folder, soort));
}

/** One backup, in its turn: the copy in the worker, the run and its audit entry on the core's connection. */
async function makeOne(ctx: Ctx, folder: string, soort: BackupSoort): Promise<{ backup: BackupItem; opgeruimd: string[] }> {
  if (!ctx.db.open) throw new CoreError('DATABASE', 'De database is gesloten; er is geen reservekopie gemaakt.');
  const fileKey = ctx.tx(() => ensureFileKey(ctx.db, ctx.nowIso()));
  const sleutelId = await currentKeyId(ctx.db);
  const startedAt = ctx.nowIso();
  try {
    const now = ctx.now();
    const r = await runBackupInWorker(
      ctx.db,
      { dbPath: ctx.db.name, key: ctx.dbKey(), dataDir: ctx.files.root },
      { folder, soort, now: now.toISOString(), sleutelId, fileKeyHex: jobFileKey(fileKey) },
    ).catch((e: unknown) => {
      if (!(e instanceof BackupWorkerUnavailable) || !ctx.db.open) throw e;
      ctx.internalError('reservekopie in de achtergrond', e);
      // The worker could not start or died (a packaged app that cannot load it, memory): the backup
      // is made on the core's own thread, as before the worker. The app waits for it, but the
      // school has its backup; what the worker left carries only a temporary name.
      return makeBackup(ctx.db, ctx.files, { folder, soort, now, sleutelId, fileKey });
    });
    // A changed or missing file is recorded with the run (the overview shows it as its "fout"),
    // so the school hears of it at once rather than at the restore.
    const problemen = r.problemen.length ? problemsText(r.problemen) : null;
    ctx.tx(() => {
      const id = ctx.db
        .prepare(
          'INSERT INTO backup_run (gestart_op, soort, map, naam, gelukt, fout, grootte, bestanden, opgeruimd) VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?)',
        )
        .run(startedAt, soort, folder, r.backup.naam, problemen, r.backup.grootte, r.backup.bestanden, r.opgeruimd.length).lastInsertRowid;
      ctx.audit('reservekopie', Number(id), 'gemaakt', null, {
        soort,
        map: folder,
        naam: r.backup.naam,
        opgeruimd: r.opgeruimd,
        ...(problemen ? { problemen: r.problemen } : {}),
      });
    });
    writeBackupPointer(ctx.db.name, readTrustSettings(ctx.db).backupMap ?? folder);
    return { backup: toItem(r.backup, fileKey.id), opgeruimd: r.opgeruimd };
  } catch (e) {
    // Closed while the worker ran (a restore, quitting): nothing left to record it in.
    if (!ctx.db.open) throw e;
    const message = e instanceof CoreError ? e.message : (e as Error).message;
    ctx.tx(() => {
      const id = ctx.db
        .prepare('INSERT INTO backup_run (gestart_op, soort, map, gelukt, fout) VALUES (?, ?, ?, 0, ?)')
        .run(startedAt, soort, folder, message.slice(0, 1000)).lastInsertRowid;
      ctx.audit('reservekopie', Number(id), 'mislukt', null, { soort, map: folder, fout: message.slice(0, 1000) });
    });
    throw e;
  }
}

/** The Dutch warning for files that could not be backed up as stored (at most 4000 characters). */
function problemsText(problemen: string[]): string {
  const head =
    `Reservekopie gemaakt, maar ${problemen.length === 1 ? 'één bestand klopt' : `${problemen.length} bestanden kloppen`} niet met de database. ` +
    'Controleer deze records; de laatste volledige reservekopie wordt bewaard: ';
  return (head + problemen.join(' ')).slice(0, 4000);
}

const lastRun = (db: DB, ok: boolean) =>
  db.prepare('SELECT * FROM backup_run WHERE gelukt = ? ORDER BY gestart_op DESC, id DESC LIMIT 1').get(ok ? 1 : 0) as RunRow | undefined;

/** The automatic daily backup: made when a folder is set, automation is on and none succeeded today. */
export async function backupIfDue(ctx: Ctx): Promise<{ gemaakt: boolean; reden: string; backup: BackupItem | null }> {
  const notDue = (): string | null => {
    const s = readTrustSettings(ctx.db);
    if (!s.backupMap) return 'Er is nog geen map voor reservekopieën gekozen.';
    if (!s.automatischeBackup) return 'Automatische reservekopieën staan uit.';
    const last = lastRun(ctx.db, true);
    if (last && todayIn(new Date(last.gestart_op)) === ctx.today()) return 'Vandaag is al een reservekopie gemaakt.';
    return null;
  };
  // Asked before waiting (nothing to wait for when none is due) and again in its turn.
  const reden = notDue();
  if (reden) return { gemaakt: false, reden, backup: null };
  return inTurn(ctx, 'automatisch', async () => {
    const stillNot = notDue();
    if (stillNot) return { gemaakt: false, reden: stillNot, backup: null };
    const r = await makeOne(ctx, chosenFolder(ctx, undefined), 'automatisch');
    return { gemaakt: true, reden: 'De dagelijkse reservekopie is gemaakt.', backup: r.backup };
  });
}

export function backupOverview(ctx: Ctx): BackupOverview {
  const s = readTrustSettings(ctx.db);
  const ok = lastRun(ctx.db, true);
  const failed = lastRun(ctx.db, false);
  let backups: BackupItem[] = [];
  if (s.backupMap && fs.existsSync(s.backupMap)) {
    const own = readFileKey(ctx.db)?.id ?? null;
    backups = listBackups(s.backupMap).map((b) => toItem(b, own));
  }
  const twoDays = 2 * 24 * 3600 * 1000;
  return {
    map: s.backupMap,
    automatischeBackup: s.automatischeBackup,
    backups,
    laatsteGelukt: ok ? toRun(ok) : null,
    laatsteMislukt: failed && (!ok || failed.gestart_op > ok.gestart_op) ? toRun(failed) : null,
    achterstand: !!s.backupMap && (!ok || ctx.now().getTime() - Date.parse(ok.gestart_op) > twoDays),
    bezig: backupInProgress(ctx.db),
  };
}

const strip = <T extends { resolved?: unknown }>({ resolved: _r, ...rest }: T): Omit<T, 'resolved'> => rest;

/** A restore source must not be the app's own files (the live database, its folder). */
function checkSourceOutsideApp(ctx: Ctx, bron: string): void {
  // Through symlinks too: a link outside that points at the live database is still the live database.
  const real = (p: string) => {
    try {
      return fs.realpathSync(p);
    } catch {
      return path.resolve(p);
    }
  };
  const p = real(bron);
  if (appFolders(ctx).some((f) => isInside(p, real(f)))) {
    throw new CoreError(
      'VALIDATIE',
      'Kies een reservekopie buiten de eigen map van de app (bijvoorbeeld in de map met reservekopieën).',
      'bron',
      {
        bron: 'Kies een reservekopie buiten de map van de app.',
      },
    );
  }
}

export async function checkRestore(ctx: Ctx, input: { bron: string }): Promise<RestoreCheck> {
  checkSourceOutsideApp(ctx, input.bron);
  return strip(inspectBackup(ctx.db, input.bron, { currentKeyId: await currentKeyId(ctx.db) }));
}

/**
 * Checks and stages a backup beside the database, after a safety backup of the current data when
 * a backup folder is set. The door then restarts the core; applyStagedRestore puts it in place.
 */
export async function restore(
  ctx: Ctx,
  input: { bron: string },
): Promise<RestoreCheck & { herstartNodig: true; veiligheidskopie: string | null }> {
  checkSourceOutsideApp(ctx, input.bron);
  const keyId = await currentKeyId(ctx.db);
  const first = inspectBackup(ctx.db, input.bron, { currentKeyId: keyId });
  if (first.andereSleutel) {
    throw new CoreError(
      'VALIDATIE',
      'Deze reservekopie is gemaakt met een andere sleutel. Zet hem terug via de opdrachtregel met de herstelsleutel van die installatie (restore BESTAND --sleutel-stdin). Er is niets gewijzigd.',
      'bron',
    );
  }
  let veiligheidskopie: string | null = null;
  if (readTrustSettings(ctx.db).backupMap) veiligheidskopie = (await backupNow(ctx, {}, 'voor_terugzetten')).backup.naam;
  const check = stageRestore(ctx.db, ctx.db.name, input.bron, { currentKeyId: keyId, veiligheidskopie: !!veiligheidskopie });
  ctx.tx(() =>
    ctx.audit('reservekopie', null, 'terugzetten_voorbereid', null, {
      bron: path.basename(check.bron),
      gemaaktOp: check.gemaaktOp,
      veiligheidskopie,
    }),
  );
  return { ...check, herstartNodig: true, veiligheidskopie };
}
