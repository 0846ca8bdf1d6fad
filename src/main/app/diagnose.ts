// When the database will not open: what is wrong, in plain Dutch, and the way out (restore from
// the last good backup, listing the backups found). A pure function for the doors' error window and
// the CLI. It only reads: the database is opened read-only, backups are attached to a throw-away
// in-memory connection, and nothing is ever written, moved or overwritten.
import fs from 'node:fs';
import path from 'node:path';
import { applyKey, connect, scratchConnection, KEY_RE } from '../db/open';
import type { DB } from '../db/open';
import { latestSchemaVersion } from '../db/migrate';
import { dutchLongDateOf } from '@shared/dates';
import { listBackups, withAttached } from '../backup/backup';
import type { BackupInfo } from '../backup/backup';
import { readBackupPointer } from '../backup/backupService';
import { keyId } from '../security/keyWrap';
import { stagingDir } from '../backup/restore';

export type DiagnosisKind =
  | 'ontbreekt'
  | 'geen_schrijfrechten'
  | 'sleutel'
  | 'beschadigd'
  | 'sleutel_of_beschadigd'
  | 'nieuwere_versie'
  | 'niet_van_ons'
  | 'geen_probleem_gevonden';

export interface DiagnosisBackup {
  naam: string;
  pad: string;
  gemaaktOp: string;
  schemaversie: number;
  /** Made with this key (from the backup's manifest), null when the manifest does not say. */
  sleutelPast: boolean | null;
  /** Opened with this key and passed quick_check (only checked for the newest candidates). */
  bruikbaar: boolean | null;
}

export interface Diagnosis {
  soort: DiagnosisKind;
  title: string;
  explanation: string;
  steps: string[];
  backups: DiagnosisBackup[];
}

function probeBackup(b: BackupInfo, key: string): boolean {
  const conn = scratchConnection();
  try {
    return withAttached(conn, `${b.pad}/schoolprotocol.db`, (s) => conn.pragma(`${s}.quick_check`, { simple: true }) === 'ok', key);
  } catch {
    return false;
  } finally {
    conn.close();
  }
}

function findBackups(dbPath: string, key: string, backupDir?: string): DiagnosisBackup[] {
  const folder = backupDir ?? readBackupPointer(dbPath);
  if (!folder || !fs.existsSync(folder)) return [];
  const id = KEY_RE.test(key) ? keyId(key) : null;
  let probed = 0;
  return listBackups(folder).map((b) => {
    const sleutelPast = b.sleutelId && id ? b.sleutelId === id : null;
    // Open at most three, newest first: enough to point at the last good one without a long wait
    // on a slow network drive.
    let bruikbaar: boolean | null = null;
    if (sleutelPast !== false && probed < 3 && KEY_RE.test(key)) {
      probed++;
      bruikbaar = probeBackup(b, key);
    }
    return { naam: b.naam, pad: b.pad, gemaaktOp: b.gemaaktOp, schemaversie: b.schemaversie, sleutelPast, bruikbaar };
  });
}

function restoreSteps(backups: DiagnosisBackup[], cause: string): string[] {
  const good = backups.find((b) => b.bruikbaar) ?? backups.find((b) => b.sleutelPast);
  const steps: string[] = [];
  if (good) {
    steps.push(`Zet de laatste goede reservekopie terug: die van ${dutchLongDateOf(good.gemaaktOp)} (${good.pad}).`);
    steps.push(`Dat kan in dit venster met "Reservekopie terugzetten", of via de opdrachtregel: npm run cli -- restore "${good.pad}"`);
    steps.push(`Wat na ${dutchLongDateOf(good.gemaaktOp)} is ingevoerd, moet u daarna opnieuw invoeren.`);
  } else if (backups.length) {
    steps.push(
      'Er zijn reservekopieën gevonden, maar geen die met deze sleutel te openen is. Kies een reservekopie en vul de herstelsleutel in die erbij hoort.',
    );
  } else {
    steps.push(
      'Er is geen reservekopie gevonden. Kies de map met reservekopieën (bijvoorbeeld op de netwerkschijf) om er een terug te zetten.',
    );
  }
  steps.push(`Het huidige bestand wordt niet overschreven: bij terugzetten wordt het met datum en tijd opzij gezet. ${cause}`);
  return steps;
}

/** Explains why the database at dbPath does not open with key, and how to get the data back. */
export function diagnoseOpenFailure(dbPath: string, key: string, backupDir?: string): Diagnosis {
  const backups = findBackups(dbPath, key, backupDir);
  const out = (soort: DiagnosisKind, title: string, explanation: string, steps: string[]): Diagnosis => ({
    soort,
    title,
    explanation,
    steps,
    backups,
  });
  const support = 'Vraag zo nodig de ICT-beheerder van de school om hulp; noem deze melding.';

  if (!fs.existsSync(dbPath)) {
    const staged = fs.existsSync(stagingDir(dbPath));
    return out(
      'ontbreekt',
      'Het databasebestand is niet gevonden',
      `Schoolprotocol verwacht de gegevens in ${dbPath}, maar daar staat geen bestand. Misschien is het verplaatst, verwijderd of is de schijf niet bereikbaar.` +
        (staged ? ' Er staat wel een voorbereide terugzetting klaar; start de app opnieuw om die af te ronden.' : ''),
      [
        ...restoreSteps(backups, ''),
        'Staat de gegevensmap op een netwerkschijf of USB-schijf? Controleer dan of die is aangesloten.',
        support,
      ],
    );
  }
  // SQLite needs to write beside the database (its WAL files) even to read it; without that right
  // it fails as if the key were wrong.
  const folder = path.dirname(path.resolve(dbPath));
  if (!canWrite(folder) || !canWrite(dbPath)) {
    return out(
      'geen_schrijfrechten',
      `Geen schrijfrechten in ${folder}`,
      `Schoolprotocol mag in ${folder} niets schrijven, en heeft dat nodig om de database te openen. Dat gebeurt bij een map die alleen-lezen is gedeeld, een USB-stick met schrijfbeveiliging, of een map van een andere gebruiker. De gegevens zelf zijn niet aangetast.`,
      [
        'Vraag de ICT-beheerder om u schrijfrechten te geven op deze map en op de bestanden erin, en start de app opnieuw.',
        'Staat de map op een USB-stick of geheugenkaart? Zet dan het schuifje voor schrijfbeveiliging uit.',
        support,
      ],
    );
  }
  const size = fs.statSync(dbPath).size;
  const head = Buffer.alloc(16);
  if (size) {
    const fd = fs.openSync(dbPath, 'r');
    fs.readSync(fd, head, 0, 16, 0);
    fs.closeSync(fd);
  }
  if (size === 0) {
    return out(
      'beschadigd',
      'Het databasebestand is leeg',
      'Het bestand bestaat, maar bevat niets (bijvoorbeeld na een volle schijf of een afgebroken kopie). Schoolprotocol begint er geen nieuwe, lege school in, zodat u uw gegevens kunt terugzetten.',
      [
        ...restoreSteps(backups, ''),
        'Was dit de eerste start van de app en is er nog nooit iets ingevoerd? Dan kan de ICT-beheerder het lege bestand verwijderen; de app richt daarna een nieuwe school in.',
        support,
      ],
    );
  }
  if (head.toString('latin1').startsWith('SQLite format 3')) {
    return out(
      'niet_van_ons',
      'Dit is geen database van Schoolprotocol',
      'Het bestand is een onversleutelde database. Schoolprotocol versleutelt zijn gegevens altijd, dus dit bestand is ergens anders vandaan gekomen of vervangen.',
      [...restoreSteps(backups, ''), support],
    );
  }
  if (!KEY_RE.test(key)) {
    return out(
      'sleutel',
      'De sleutel van de database ontbreekt of is ongeldig',
      'Zonder de juiste sleutel is de versleutelde database niet te lezen. Er is geen achterdeur.',
      ['Vul de herstelsleutel in die u bij het inrichten hebt bewaard.', ...restoreSteps(backups, ''), support],
    );
  }

  let db: DB | null = null;
  try {
    db = connect(dbPath, { readonly: true, fileMustExist: true });
    applyKey(db, key);
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (e) {
    db?.close();
    const code = (e as { code?: string }).code ?? '';
    if (code.startsWith('SQLITE_CORRUPT')) return damaged(out, backups, support);
    // The key cannot be told from damage by the file alone; the backups can: if one opens with
    // this key, the key is right and the file is damaged.
    if (backups.some((b) => b.bruikbaar)) return damaged(out, backups, support);
    if (backups.length && backups.every((b) => b.sleutelPast === false)) return wrongKey(out, support);
    return out(
      'sleutel_of_beschadigd',
      'De database kan niet worden geopend',
      'De sleutel past niet bij het databasebestand, of het bestand is beschadigd. Dat kan gebeuren als de gegevensmap van een andere computer of gebruiker komt, of na een storing.',
      [
        'Log in als de gebruiker die Schoolprotocol op deze computer heeft ingericht, en open de app opnieuw.',
        'Of vul de herstelsleutel in die u bij het inrichten hebt bewaard.',
        ...restoreSteps(backups, ''),
        support,
      ],
    );
  }
  try {
    let ok: boolean;
    try {
      const rows = db.pragma('integrity_check') as { integrity_check: string }[];
      ok = rows.length === 1 && rows[0].integrity_check === 'ok';
    } catch {
      ok = false;
    }
    if (!ok) return damaged(out, backups, support);
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > latestSchemaVersion()) {
      return out(
        'nieuwere_versie',
        'Deze database is gemaakt met een nieuwere versie van Schoolprotocol',
        `De database heeft schemaversie ${version}; deze app kent versies tot ${latestSchemaVersion()}. Om niets te beschadigen opent deze app het bestand niet.`,
        [
          'Installeer de nieuwste versie van Schoolprotocol (vraag de ICT-beheerder); daarna opent de database gewoon.',
          'Alleen als dat niet kan: zet een reservekopie terug die met deze versie is gemaakt. Wat daarna is ingevoerd, gaat dan verloren.',
          support,
        ],
      );
    }
    const tables = new Set(
      (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]).map((r) => r.name),
    );
    if (version < 1 || !tables.has('school') || !tables.has('person') || !tables.has('audit_log')) {
      return out(
        'niet_van_ons',
        'Dit is geen database van Schoolprotocol',
        'Het bestand opent met de sleutel, maar bevat niet de gegevens van Schoolprotocol.',
        [...restoreSteps(backups, ''), support],
      );
    }
    return out(
      'geen_probleem_gevonden',
      'De database lijkt in orde',
      'Het bestand opent met de sleutel en is onbeschadigd. Mogelijk was het tijdelijk in gebruik door een ander programma of een tweede venster van de app.',
      [
        'Sluit alle vensters van Schoolprotocol en start de app opnieuw.',
        'Start de computer opnieuw als het daarna nog niet lukt.',
        support,
      ],
    );
  } finally {
    db.close();
  }
}

function damaged(
  out: (s: DiagnosisKind, t: string, e: string, st: string[]) => Diagnosis,
  backups: DiagnosisBackup[],
  support: string,
): Diagnosis {
  return out(
    'beschadigd',
    'De database is beschadigd',
    'Het databasebestand is beschadigd, bijvoorbeeld door een stroomstoring, een volle schijf of een fout op een netwerkschijf. Schoolprotocol opent het niet, zodat er niets verder beschadigd raakt.',
    [...restoreSteps(backups, 'Zo blijft het beschadigde bestand bewaard, voor als de ICT-beheerder er nog iets uit wil halen.'), support],
  );
}

function wrongKey(out: (s: DiagnosisKind, t: string, e: string, st: string[]) => Diagnosis, support: string): Diagnosis {
  return out(
    'sleutel',
    'De sleutel past niet bij deze database',
    'De database en de reservekopieën zijn met een andere sleutel versleuteld dan de sleutel die de app nu heeft. Meestal komt de gegevensmap van een andere computer of gebruiker. Zonder de juiste sleutel zijn de gegevens niet te lezen: er is geen achterdeur.',
    [
      'Log in als de gebruiker die Schoolprotocol heeft ingericht, op de computer waar dat gebeurde.',
      'Of vul de herstelsleutel in die u bij het inrichten hebt bewaard (Instellingen → Beveiliging → Herstelsleutel).',
      support,
    ],
  );
}

function canWrite(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}
