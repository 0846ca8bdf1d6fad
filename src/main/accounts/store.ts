// The account table (migration 020) and the one way it is changed: saveAccount writes the change and
// its audit entry together, and the audit entry sees the account only through auditedAccount, which
// leaves the password hash and the TOTP secret out (as settings/settings.ts's `audited` does for a
// setting that holds a secret). What changed about them is noted by a word, never by a value.
import type { DB } from '../db/open';
import type { Ctx } from '../context/context';
import type { AccountOut } from '@shared/api/accounts';
import type { AccountRol } from '@shared/domain';
import { IEDEREEN_MET_NAMEN } from '@shared/api/roles';
import { displayName } from '../people/names';

export interface AccountRow {
  id: number;
  person_id: number | null;
  gebruikersnaam: string;
  rol: AccountRol;
  groepen: string | null;
  wachtwoord_hash: string;
  moet_wachtwoord_wijzigen: 0 | 1;
  totp_secret: string | null;
  totp_bevestigd: 0 | 1;
  totp_laatste_stap: number | null;
  mislukte_pogingen: number;
  blokkeringen: number;
  geblokkeerd_tot: string | null;
  laatst_ingelogd: string | null;
  actief: 0 | 1;
  created_at: string;
  updated_at: string;
  // From the roster (LEFT JOIN person): null when the account has no person.
  voornaam: string | null;
  roepnaam: string | null;
  tussenvoegsel: string | null;
  achternaam: string | null;
  uitgeschreven_op: string | null;
}

/** The columns saveAccount may change. */
export type AccountChange = Partial<
  Pick<
    AccountRow,
    | 'rol'
    | 'groepen'
    | 'wachtwoord_hash'
    | 'moet_wachtwoord_wijzigen'
    | 'totp_secret'
    | 'totp_bevestigd'
    | 'totp_laatste_stap'
    | 'mislukte_pogingen'
    | 'blokkeringen'
    | 'geblokkeerd_tot'
    | 'laatst_ingelogd'
    | 'actief'
  >
>;

const SELECT = `SELECT a.*, p.voornaam, p.roepnaam, p.tussenvoegsel, p.achternaam, p.uitgeschreven_op
  FROM account a LEFT JOIN person p ON p.id = a.person_id`;

export const readAccount = (db: DB, id: number): AccountRow | undefined =>
  db.prepare(`${SELECT} WHERE a.id = ?`).get(id) as AccountRow | undefined;

/** By user name, in any case (the column is NOCASE). */
export const accountByName = (db: DB, gebruikersnaam: string): AccountRow | undefined =>
  db.prepare(`${SELECT} WHERE a.gebruikersnaam = ?`).get(gebruikersnaam) as AccountRow | undefined;

export const allAccounts = (db: DB): AccountRow[] => db.prepare(`${SELECT} ORDER BY a.id`).all() as AccountRow[];

/** The roles that read dossiers: they must use the second login step. */
export const needsTotp = (rol: AccountRol): boolean => (IEDEREEN_MET_NAMEN as readonly AccountRol[]).includes(rol);

export const groepenOf = (row: Pick<AccountRow, 'groepen'>): string[] => {
  if (!row.groepen) return [];
  try {
    const v = JSON.parse(row.groepen) as unknown;
    return Array.isArray(v) ? v.filter((g): g is string => typeof g === 'string') : [];
  } catch {
    return [];
  }
};

/** The person's name from the roster, or the user name for an account without one. */
export const nameOf = (row: AccountRow): string =>
  row.achternaam !== null && row.voornaam !== null
    ? displayName({ voornaam: row.voornaam, roepnaam: row.roepnaam, tussenvoegsel: row.tussenvoegsel, achternaam: row.achternaam })
    : row.gebruikersnaam;

/** How a role is written after a name in the audit trail: "Marianne Hoekstra (zorgcoördinator)". */
export const ROLE_WORD: Record<AccountRol, string> = {
  schoolleider: 'schoolleider',
  teamleider: 'teamleider',
  mentor: 'mentor',
  zorg: 'zorgcoördinator',
  anti_pest: 'anti-pestcoördinator',
  medewerker: 'medewerker',
  beheerder: 'beheerder',
};

export const actorOf = (row: AccountRow): string => `${nameOf(row)} (${ROLE_WORD[row.rol]})`;

/** What a door or a screen may see of an account: never the hash or the secret. */
export function toOut(row: AccountRow): AccountOut {
  return {
    id: row.id,
    personId: row.person_id,
    naam: nameOf(row),
    gebruikersnaam: row.gebruikersnaam,
    rol: row.rol,
    groepen: groepenOf(row),
    actief: row.actief === 1,
    moetWachtwoordWijzigen: row.moet_wachtwoord_wijzigen === 1,
    totpIngesteld: row.totp_bevestigd === 1,
    totpVereist: needsTotp(row.rol),
    geblokkeerdTot: row.geblokkeerd_tot,
    laatstIngelogd: row.laatst_ingelogd,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** What the audit trail keeps of an account: everything but the password hash and the TOTP secret. */
export function auditedAccount(row: AccountRow): Record<string, unknown> {
  return {
    gebruikersnaam: row.gebruikersnaam,
    personId: row.person_id,
    rol: row.rol,
    groepen: groepenOf(row),
    actief: row.actief === 1,
    moetWachtwoordWijzigen: row.moet_wachtwoord_wijzigen === 1,
    totpIngesteld: row.totp_bevestigd === 1,
    misluktePogingen: row.mislukte_pogingen,
    blokkeringen: row.blokkeringen,
    geblokkeerdTot: row.geblokkeerd_tot,
    laatstIngelogd: row.laatst_ingelogd,
  };
}

/**
 * Of two audited views, the fields that differ; a new password or TOTP secret is named by a word
 * ("wachtwoord: gewijzigd"), never by its value.
 */
function changed(before: AccountRow, after: AccountRow): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const b = auditedAccount(before);
  const a = auditedAccount(after);
  const out = { before: {} as Record<string, unknown>, after: {} as Record<string, unknown> };
  for (const k of Object.keys(a)) {
    if (JSON.stringify(a[k]) === JSON.stringify(b[k])) continue;
    out.before[k] = b[k];
    out.after[k] = a[k];
  }
  if (before.wachtwoord_hash !== after.wachtwoord_hash) out.after.wachtwoord = 'gewijzigd';
  if (before.totp_secret !== after.totp_secret) out.after.totpGeheim = after.totp_secret ? 'nieuw' : 'verwijderd';
  return out;
}

/** Where a change is written and audited: a call's ctx, or the login (which has no ctx: authenticate.ts). */
export interface AccountWriter {
  db: DB;
  nowIso(): string;
  audit(entity: string, entityId: number, action: string, before?: unknown, after?: unknown): void;
}

export const writerOf = (ctx: Ctx): AccountWriter => ({ db: ctx.db, nowIso: () => ctx.nowIso(), audit: ctx.audit });

/** Audit entity name of accounts. */
export const ACCOUNT_ENTITY = 'account';

/**
 * Changes an account and records the change in the audit trail (only what changed, without secrets),
 * in the caller's transaction. Returns the account as it is now.
 */
export function saveAccount(w: AccountWriter, id: number, change: AccountChange, action: string): AccountRow {
  const before = readAccount(w.db, id);
  if (!before) throw new Error(`account ${id} missing`);
  const cols = Object.keys(change) as (keyof AccountChange)[];
  const now = w.nowIso();
  w.db
    .prepare(
      `UPDATE account SET ${cols.map((c) => `${c} = @${c}`).join(', ')}${cols.length ? ', ' : ''}updated_at = @updated_at WHERE id = @id`,
    )
    .run({ ...change, updated_at: now, id });
  const after = readAccount(w.db, id) as AccountRow;
  const diff = changed(before, after);
  w.audit(ACCOUNT_ENTITY, id, action, diff.before, diff.after);
  return after;
}

/** A new account with its audit entry (the audited view, without the hash). */
export function insertAccount(
  w: AccountWriter,
  f: { personId: number | null; gebruikersnaam: string; rol: AccountRol; groepen: string[]; wachtwoordHash: string },
): AccountRow {
  const now = w.nowIso();
  const id = Number(
    w.db
      .prepare(
        `INSERT INTO account (person_id, gebruikersnaam, rol, groepen, wachtwoord_hash, moet_wachtwoord_wijzigen, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, 1, ?, ?)`,
      )
      .run(f.personId, f.gebruikersnaam, f.rol, f.groepen.length ? JSON.stringify(f.groepen) : null, f.wachtwoordHash, now, now)
      .lastInsertRowid,
  );
  const row = readAccount(w.db, id) as AccountRow;
  w.audit(ACCOUNT_ENTITY, id, 'aangemaakt', null, auditedAccount(row));
  return row;
}
