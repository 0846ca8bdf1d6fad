// Trust: passphrase and lock, backups and restore, retention with legal holds, access requests and
// the data-breach register.
import { z } from 'zod';
import type { PersoonSoort } from '../domain';
import { id, isoDate, line, requiredLine, optional, text } from './common';
import type { Page } from './common';
import { read, write, writeInSteps } from './define';
import { BEHEER, IEDEREEN, SCHOOLLEIDER } from './roles';
import type { DossierExportResult } from './letters';

const noControl = (s: string) => !/[\u0000-\u001F\u007F]/.test(s);

/** A strict object with Dutch messages for unknown fields and for input that is not an object. */
const obj = <S extends z.ZodRawShape>(shape: S) =>
  z.strictObject(shape, {
    error: (iss) => (iss.code === 'unrecognized_keys' ? `Onbekend veld: ${iss.keys.join(', ').slice(0, 100)}` : 'Ongeldige invoer.'),
  });
const bool = (message = 'Kies ja of nee.') => z.boolean({ error: message });
const wholeNumber = (message: string) => z.number({ error: message }).int({ error: 'Gebruik een heel getal.' });
/** Paging with Dutch messages (common.ts's paging has none for wrong types). */
const pagingNl = {
  offset: wholeNumber('Ongeldige positie in de lijst.')
    .min(0, { error: 'Ongeldige positie in de lijst.' })
    .max(100_000_000, { error: 'Ongeldige positie in de lijst.' })
    .default(0),
  limit: wholeNumber('Ongeldig aantal regels.')
    .min(1, { error: 'Vraag minstens 1 regel.' })
    .max(500, { error: 'Vraag hoogstens 500 regels tegelijk.' })
    .default(100),
};

/**
 * A folder or file chosen by the user (backup folder, backup to restore): absolute (/…, C:\…, or
 * \\server\share), no "..", no control characters. Existence and rights are checked by the core.
 */
export const userPath = z
  .string({ error: 'Kies een map of bestand.' })
  .trim()
  .min(1, { error: 'Kies een map of bestand.' })
  .max(1000, { error: 'Dit pad is te lang (hoogstens 1000 tekens).' })
  .refine(noControl, { error: 'Dit pad bevat ongeldige tekens.' })
  .refine((s) => /^(\/|[A-Za-z]:[\\/]|\\\\[^\\/]+[\\/])/.test(s), {
    error: 'Gebruik een volledig pad (bijvoorbeeld D:\\Reservekopieën of \\\\server\\map).',
  })
  .refine((s) => !s.split(/[\\/]+/).includes('..'), { error: 'Een pad met ".." is niet toegestaan; kies de map zelf.' });

/** A passphrase as typed: checked for length and characters by the core (Dutch messages there). */
const passphrase = z.string({ error: 'Vul het wachtwoord in.' }).max(200, { error: 'Gebruik hoogstens 200 tekens.' });

// ---- lock and passphrase ---------------------------------------------------------------------

/** The answer to every call but the lock methods (and app.status) while the app is locked. */
export const LOCKED_MESSAGE = 'De app is vergrendeld. Ontgrendel de app om verder te gaan.';

export interface LockStatus {
  vergrendeld: boolean;
  /** An app passphrase is set: unlocking needs it. */
  wachtwoordIngesteld: boolean;
  /** This door keeps a key file, so a passphrase can be set (not in the browser preview). */
  wachtwoordMogelijk: boolean;
  vergrendelNaMinuten: number;
}

// ---- settings --------------------------------------------------------------------------------

export interface TrustSettingsView {
  vergrendelNaMinuten: number;
  backupMap: string | null;
  automatischeBackup: boolean;
  /** Pupils and staff: the compliance settings' terms (obligations.settings), shown here read-only. */
  bewaartermijnLeerlingJaren: number;
  bewaartermijnMedewerkerJaren: number;
  bewaartermijnOverigJaren: number;
}

export const trustSettingsInput = obj({
  vergrendelNaMinuten: wholeNumber('Vul een aantal minuten in.')
    .min(1, { error: 'Kies minstens 1 minuut.' })
    .max(480, { error: 'Kies hoogstens 480 minuten (8 uur).' })
    .optional(),
  backupMap: userPath.nullable().optional(),
  automatischeBackup: bool().optional(),
  bewaartermijnOverigJaren: wholeNumber('Vul een aantal jaren in.')
    .min(1, { error: 'Kies minstens 1 jaar.' })
    .max(20, { error: 'Kies hoogstens 20 jaar.' })
    .optional(),
});

// ---- backups ---------------------------------------------------------------------------------

export type BackupSoort = 'automatisch' | 'handmatig' | 'voor_terugzetten';

export interface BackupItem {
  naam: string;
  pad: string;
  gemaaktOp: string;
  soort: BackupSoort;
  schemaversie: number;
  grootte: number;
  bestanden: number;
  /** Made by this installation (same file key): rotation and restore apply directly. */
  vanDezeInstallatie: boolean;
}

export interface BackupRun {
  id: number;
  gestartOp: string;
  soort: BackupSoort;
  map: string;
  naam: string | null;
  gelukt: boolean;
  fout: string | null;
  grootte: number | null;
  bestanden: number | null;
  opgeruimd: number;
}

export interface BackupOverview {
  map: string | null;
  automatischeBackup: boolean;
  backups: BackupItem[];
  laatsteGelukt: BackupRun | null;
  laatsteMislukt: BackupRun | null;
  /** The last successful backup is older than two days (or there is none) while a folder is set. */
  achterstand: boolean;
  /** A backup being made right now (in the background), and how many more wait their turn. */
  bezig: { soort: BackupSoort; sinds: string; wachtend: number } | null;
}

export interface RestoreCheck {
  bron: string;
  gemaaktOp: string | null;
  schemaversie: number;
  schoolNaam: string | null;
  personen: number;
  meldingen: number;
  bestanden: number;
  andereSleutel: boolean;
  /** Evidence files and letters that cannot be restored (damaged or missing), each with its record, in Dutch. */
  beschadigd: string[];
}

// ---- retention -------------------------------------------------------------------------------

export type HoldSoort = 'bezwaar' | 'rechtszaak' | 'aangifte' | 'anders';
export const HOLD_SOORT = ['bezwaar', 'rechtszaak', 'aangifte', 'anders'] as const;

export interface HoldReason {
  /** 'handmatig': a hold the school set; 'aangifte': a police report in one of the incidents; 'verplichting': an open obligation. */
  bron: 'handmatig' | 'aangifte' | 'verplichting';
  omschrijving: string;
  holdId?: number;
  externalReportId?: number;
}

export interface RetentionCandidate {
  personId: number;
  naam: string;
  soort: PersoonSoort;
  /** The date the term runs from (uitgeschreven, or the last incident for parents and externals). */
  peildatum: string;
  /** The first day the records may be destroyed. */
  vernietigbaarVanaf: string;
  meldingen: number;
  maatregelen: number;
  brieven: number;
  bewijsstukken: number;
  holds: HoldReason[];
}

export interface LegalHold {
  id: number;
  personId: number;
  naam: string;
  soort: HoldSoort;
  reden: string;
  vanaf: string;
  opgehevenOp: string | null;
  opgehevenReden: string | null;
}

export interface DestroyResult {
  personen: number;
  meldingen: number;
  maatregelen: number;
  brieven: number;
  bestanden: number;
  /** Audit entries whose personal data was redacted (the chain stays verifiable). */
  auditGeredigeerd: number;
}

export interface DestroyedCount {
  schooljaar: string;
  soort: 'melding' | 'maatregel';
  categorie: string;
  maatregel: string;
  persoonSoort: string;
  aantal: number;
}

// ---- access requests -------------------------------------------------------------------------

export const AANVRAGER_SOORT = ['betrokkene', 'ouder', 'gemachtigde'] as const;
export type AanvragerSoort = (typeof AANVRAGER_SOORT)[number];
export const INZAGE_STATUS = ['open', 'beantwoord', 'afgewezen', 'ingetrokken'] as const;
export type InzageStatus = (typeof INZAGE_STATUS)[number];

export interface AccessRequest {
  id: number;
  personId: number;
  naam: string;
  aanvragerSoort: AanvragerSoort;
  aanvragerId: number | null;
  aanvragerNaam: string;
  ontvangenOp: string;
  uiterlijkOp: string;
  verlengdTot: string | null;
  verlengingReden: string | null;
  /** The date that counts now: the extended date if extended. */
  termijn: string;
  telaat: boolean;
  status: InzageStatus;
  exportGemaaktOp: string | null;
  beantwoordOp: string | null;
  antwoord: string | null;
  notities: string | null;
  /** Warnings about who asked (age 16 rule, parental authority); shown, not blocking. */
  waarschuwingen: string[];
}

/** What the school leader checks before an access-request export is final. */
export interface AccessReview {
  /** Names of other people still in the text (they share a name with the person or their family). */
  namen: string[];
  /** Capitalised words inside a sentence: perhaps a name the app does not know. */
  woorden: string[];
  vervangenNamen: number;
  /** Final letters that go into the answer as files (sent to the person or to the parent who asked). */
  brieven: AccessBundleLetter[];
  /** Evidence files of the person's incidents: sent only when ticked one by one. */
  bewijs: AccessBundleEvidence[];
}

export interface AccessBundleLetter {
  id: number;
  kenmerk: string;
  titel: string;
  /** The addressee as printed on the letter. */
  aan: string;
  datum: string;
}

export interface AccessBundleEvidence {
  id: number;
  /** The incident's number. */
  melding: string;
  bestandsnaam: string;
  omschrijving: string | null;
  beveiligdOp: string;
  grootte: number | null;
}

export const accessRequestInput = obj({
  personId: id,
  aanvragerSoort: z.enum(AANVRAGER_SOORT, { error: 'Kies wie het verzoek doet.' }),
  aanvragerId: id.nullable().optional(),
  aanvragerNaam: optional(line(150)),
  ontvangenOp: isoDate,
  notities: optional(text(5000)),
});

// ---- data breaches ---------------------------------------------------------------------------

/**
 * Why the people affected by a high-risk breach need not be informed (AVG art. 34 lid 3): a) the
 * data were unintelligible to others (e.g. encrypted), b) measures taken afterwards removed the high
 * risk, c) it would take disproportionate effort (then a public announcement instead).
 */
export const BETROKKENEN_UITZONDERING = ['beveiligd', 'risico_weggenomen', 'onevenredig'] as const;
export type BetrokkenenUitzondering = (typeof BETROKKENEN_UITZONDERING)[number];
/** The letter of art. 34 lid 3 each exception stands for. */
export const UITZONDERING_SUB: Record<BetrokkenenUitzondering, 'a' | 'b' | 'c'> = {
  beveiligd: 'a',
  risico_weggenomen: 'b',
  onevenredig: 'c',
};

export interface DataBreach {
  id: number;
  omschrijving: string;
  ontdektOp: string;
  voorgevallenOp: string | null;
  betrokkenen: string;
  aantalBetrokkenen: number | null;
  soortGegevens: string | null;
  /** A risk for the people affected: report to the AP within 72 hours (AVG art. 33). */
  risico: boolean;
  /** A high risk: also inform the people affected without undue delay (AVG art. 34); implies risico. */
  hoogRisico: boolean;
  risicoToelichting: string | null;
  maatregelen: string | null;
  apGemeldOp: string | null;
  apKenmerk: string | null;
  betrokkenenGeinformeerdOp: string | null;
  /** The art. 34 lid 3 exception that makes informing them unnecessary, with the reason. */
  betrokkenenUitzondering: BetrokkenenUitzondering | null;
  betrokkenenUitzonderingReden: string | null;
  afgeslotenOp: string | null;
  /** ontdektOp + 72 hours, when there is a risk. */
  apUiterlijk: string | null;
  /** Risk, not reported, and the 72 hours have passed. */
  apTeLaat: boolean;
  /** High risk, the people affected not informed yet and no exception recorded: an open task. */
  betrokkenenInformeren: boolean;
}

const isoTimestamp = z
  .string({ error: 'Vul datum en tijd in.' })
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/, {
    error: 'Gebruik datum en tijd als JJJJ-MM-DDTUU:MM met tijdzone.',
  })
  .refine((s) => !Number.isNaN(Date.parse(s)), { error: 'Deze datum of tijd bestaat niet.' });

export const breachInput = obj({
  omschrijving: text(5000).refine((s) => s.trim().length > 0, {
    error: 'Beschrijf wat er gebeurde (bijvoorbeeld: een export op een USB-stick is kwijt).',
  }),
  ontdektOp: isoTimestamp,
  voorgevallenOp: optional(isoDate),
  betrokkenen: requiredLine(500),
  aantalBetrokkenen: wholeNumber('Vul een aantal in.')
    .min(0, { error: 'Een aantal kan niet negatief zijn.' })
    .max(1_000_000, { error: 'Dit aantal is te groot.' })
    .nullable()
    .optional(),
  soortGegevens: optional(line(500)),
  risico: z.boolean({ error: 'Geef aan of er een risico is voor de betrokkenen.' }),
  hoogRisico: bool('Geef aan of het risico voor de betrokkenen hoog is.').optional(),
  risicoToelichting: optional(text(5000)),
  maatregelen: optional(text(5000)),
  apGemeldOp: isoTimestamp.nullable().optional(),
  apKenmerk: optional(line(100)),
  betrokkenenGeinformeerdOp: optional(isoDate),
  betrokkenenUitzondering: optional(z.enum(BETROKKENEN_UITZONDERING, { error: 'Kies een uitzondering uit AVG art. 34 lid 3.' })),
  betrokkenenUitzonderingReden: optional(text(5000)),
  afgeslotenOp: optional(isoDate),
});

// ---- privacy ---------------------------------------------------------------------------------

export interface PrivacyInfo {
  databaseBestand: string;
  bestandenMap: string;
  versleuteld: true;
  wachtwoordIngesteld: boolean;
  backupMap: string | null;
  laatsteBackup: string | null;
  bewaartermijnen: { leerling: number; medewerker: number; overig: number };
  aantallen: { personen: number; meldingen: number; maatregelen: number; auditRegels: number };
}

export interface TrustAttention {
  soort: 'datalek' | 'inzageverzoek' | 'reservekopie' | 'bewaartermijn';
  titel: string;
  uiterlijk: string | null;
  teLaat: boolean;
  id: number | null;
}

export const trustApi = {
  'trust.lockStatus': read<LockStatus>()(obj({}), { rollen: IEDEREEN }),
  'trust.lock': writeInSteps<LockStatus>()(obj({}), { rollen: BEHEER }),
  /** Without a passphrase a simple confirm; with one, it must match the wrapped key. */
  'trust.unlock': writeInSteps<LockStatus>()(obj({ wachtwoord: passphrase.optional() }), { rollen: BEHEER }),
  /** Sets (huidig empty) or changes the passphrase; re-wraps the key, never rewrites the database. */
  /** A forgotten passphrase: the recovery key unlocks and removes the passphrase (set a new one after). */
  'trust.unlockWithRecoveryKey': writeInSteps<LockStatus>()(
    obj({ herstelsleutel: z.string({ error: 'Vul de herstelsleutel in.' }).max(200, { error: 'Gebruik hoogstens 200 tekens.' }) }),
    { rollen: BEHEER },
  ),
  'trust.passphrase.set': writeInSteps<LockStatus>()(obj({ huidig: passphrase.optional(), nieuw: passphrase, herhaling: passphrase }), { rollen: BEHEER }),
  'trust.passphrase.remove': writeInSteps<LockStatus>()(obj({ huidig: passphrase }), { rollen: BEHEER }),
  /** Shows the database key once, to store in a safe place: without it a lost PC means lost data. */
  'trust.recoveryKey': writeInSteps<{ sleutel: string; sleutelId: string }>()(obj({ wachtwoord: passphrase.optional() }), { rollen: BEHEER }),

  'trust.settings.get': read<TrustSettingsView>()(obj({}), { rollen: BEHEER }),
  'trust.settings.save': write<TrustSettingsView>()(trustSettingsInput, { rollen: BEHEER }),

  'trust.backup.overview': read<BackupOverview>()(obj({}), { rollen: BEHEER }),
  /** A backup now, to the configured folder or to `naar` (one-off). */
  'trust.backup.now': writeInSteps<{ backup: BackupItem; opgeruimd: string[] }>()(obj({ naar: userPath.optional() }), { rollen: BEHEER }),
  /** The doors call this at start and every hour: a backup when the last one is not from today. */
  'trust.backupIfDue': writeInSteps<{ gemaakt: boolean; reden: string; backup: BackupItem | null }>()(obj({}), { rollen: BEHEER }),
  'trust.restore.check': read<RestoreCheck>()(obj({ bron: userPath }), { rollen: BEHEER }),
  /** Checks and stages a backup; the door restarts the core, which puts it in place (herstartNodig). */
  'trust.restore': writeInSteps<RestoreCheck & { herstartNodig: true; veiligheidskopie: string | null }>()(
    obj({ bron: userPath, bevestigd: z.literal(true, { error: 'Bevestig dat u de huidige gegevens wilt vervangen.' }) }),
    { rollen: BEHEER },
  ),

  'trust.retention.list': read<RetentionCandidate[]>()(obj({ ookNietVerlopen: bool().default(false) }), { rollen: SCHOOLLEIDER }),
  'trust.retention.destroy': writeInSteps<DestroyResult>()(
    obj({
      personIds: z
        .array(id, { error: 'Kies wie vernietigd moet worden.' })
        .min(1, { error: 'Kies wie vernietigd moet worden.' })
        .max(500, { error: 'Kies hoogstens 500 personen tegelijk.' }),
      bevestigdDoor: requiredLine(150),
    }),
    { rollen: SCHOOLLEIDER },
  ),
  'trust.retention.counts': read<DestroyedCount[]>()(
    obj({
      schooljaar: optional(
        z
          .string({ error: 'Gebruik een schooljaar als 2025-2026.' })
          .regex(/^\d{4}-\d{4}$/, { error: 'Gebruik een schooljaar als 2025-2026.' }),
      ),
    }),
    { rollen: BEHEER },
  ),
  'trust.holds.list': read<LegalHold[]>()(obj({ personId: id.optional(), ookOpgeheven: bool().default(false) }), { rollen: SCHOOLLEIDER }),
  'trust.holds.create': write<LegalHold>()(
    obj({ personId: id, soort: z.enum(HOLD_SOORT, { error: 'Kies de soort blokkade.' }), reden: requiredLine(500), vanaf: isoDate }),
    { rollen: SCHOOLLEIDER },
  ),
  'trust.holds.release': write<LegalHold>()(obj({ id, reden: requiredLine(500) }), { rollen: SCHOOLLEIDER }),
  /** Records that the case of an aangifte is over, so it no longer blocks destruction. */
  'trust.holds.aangifteAfgerond': write<{ externalReportId: number }>()(obj({ externalReportId: id, reden: requiredLine(500) }), { rollen: SCHOOLLEIDER }),

  'trust.accessRequests.list': read<Page<AccessRequest>>()(
    obj({
      ...pagingNl,
      status: z
        .array(z.enum(INZAGE_STATUS, { error: 'Kies een geldige status.' }), { error: 'Kies een of meer statussen.' })
        .max(4, { error: 'Kies hoogstens 4 statussen.' })
        .optional(),
      personId: id.optional(),
    }),
    { rollen: SCHOOLLEIDER },
  ),
  'trust.accessRequests.get': read<AccessRequest>()(obj({ id }), { rollen: SCHOOLLEIDER }),
  'trust.accessRequests.create': write<AccessRequest>()(accessRequestInput, { rollen: SCHOOLLEIDER }),
  'trust.accessRequests.extend': write<AccessRequest>()(obj({ id, reden: requiredLine(1000) }), { rollen: SCHOOLLEIDER }),
  'trust.accessRequests.answer': write<AccessRequest>()(
    obj({
      id,
      status: z.enum(['beantwoord', 'afgewezen', 'ingetrokken'], { error: 'Kies hoe het verzoek is afgehandeld.' }),
      datum: isoDate,
      antwoord: optional(text(5000)),
    }),
    { rollen: SCHOOLLEIDER },
  ),

  /**
   * The answer as one .zip: the dossier export with the letters' full text, the letters sent to the
   * person or the asking parent, and the evidence files ticked one by one (bewijsIds); recorded on it.
   */
  'trust.accessRequests.export': writeInSteps<DossierExportResult & { verzoek: AccessRequest }>()(
    obj({
      id,
      namenBevestigd: bool().optional(),
      bewijsIds: z.array(id, { error: 'Kies de bewijsstukken uit de lijst.' }).max(500, { error: 'Kies hoogstens 500 bewijsstukken.' }).optional(),
    }),
    { rollen: SCHOOLLEIDER },
  ),
  /** What remains after other people were replaced (names shared with the subject, capitalised words): checked before the export. */
  'trust.accessRequests.review': read<AccessReview>()(obj({ id }), { rollen: SCHOOLLEIDER }),

  'trust.breaches.list': read<Page<DataBreach>>()(obj({ ...pagingNl, open: bool().optional() }), { rollen: BEHEER }),
  'trust.breaches.get': read<DataBreach>()(obj({ id }), { rollen: BEHEER }),
  'trust.breaches.create': write<DataBreach>()(breachInput, { rollen: BEHEER }),
  'trust.breaches.update': write<DataBreach>()(breachInput.extend({ id }), { rollen: BEHEER }),

  'trust.privacy': read<PrivacyInfo>()(obj({}), { rollen: BEHEER }),
  /** What needs attention (breach deadlines, overdue access requests, backups): for the dashboard. */
  'trust.attention': read<TrustAttention[]>()(obj({}), { rollen: SCHOOLLEIDER }),
};
