// Managing accounts (docs/SERVER.md, "Accounts en inloggen"): the school leader or the beheerder
// makes an account for a staff member from the roster, changes its role or groups, switches it off,
// and gives a new start password or clears the second step when someone lost theirs; the logged-in
// person changes their own password and sets up the second step.
//
// Who may give what: a role that reads pupil data (schoolleider, teamleider, mentor, zorg) is given,
// and such an account's password or second step is reset, only by the school leader. Otherwise a
// beheerder, who may see no pupil data, could give himself that access through an account whose
// start password he knows. The one exception: while no active schoolleider account exists (a server
// set up by a beheerder), the beheerder makes the school leader's. Nobody changes their own role or
// switches off their own account, and at least one active schoolleider or beheerder account always
// remains.
import type { Ctx } from '../context/context';
import type { DB } from '../db/open';
import { CoreError, fieldError, notFound } from '../errors/errors';
import type { AccountCandidate, AccountOut, AccountStart, TotpSetup } from '@shared/api/accounts';
import { gebruikersnaam as userNameSchema, ROLLEN_MET_GROEPEN } from '@shared/api/accounts';
import type { AccountRol } from '@shared/domain';
import { displayName, fold } from '../people/names';
import { hashPassword, passwordProblem, startPassword, verifyPassword } from './password';
import { acceptTotp, newTotpSecret, totpUri } from './totp';
import { allAccounts, groepenOf, insertAccount, needsTotp, readAccount, saveAccount, toOut, writerOf } from './store';
import type { AccountRow } from './store';
import { registerFailure } from './lockout';

const ONLY_SCHOOLLEIDER_GIVES =
  'Alleen de schoolleider geeft of wijzigt een account met de rol schoolleider, teamleider, mentor of zorgcoördinator: die rollen zien leerlinggegevens.';
const ONLY_SCHOOLLEIDER_RESETS =
  'Alleen de schoolleider kan het wachtwoord of de tweestapsverificatie herstellen van een account dat leerlinggegevens mag zien.';
const LAST_ADMIN =
  'Er moet minstens één actief account van een schoolleider of beheerder blijven; anders kan niemand de accounts nog beheren.';
const SERVER_ONLY = 'Dit kan alleen wie met een account op de schoolserver is ingelogd.';

interface Person {
  id: number;
  soort: string;
  voornaam: string;
  roepnaam: string | null;
  tussenvoegsel: string | null;
  achternaam: string;
  functie: string | null;
  uitgeschreven_op: string | null;
}

function account(db: DB, id: number): AccountRow {
  const row = readAccount(db, id);
  if (!row) throw notFound('Dit account');
  return row;
}

/** A role that reads pupil data may only be given (or its account reset) by the school leader. */
const givesPupilData = (rol: AccountRol) => needsTotp(rol);

/**
 * For a new account. One exception: while there is no active schoolleider account (a server set up
 * by a beheerder, docs/SERVER.md), the beheerder makes the school leader's.
 */
function requireMayGive(ctx: Ctx, rol: AccountRol): void {
  if (!givesPupilData(rol) || ctx.caller.rol === 'schoolleider') return;
  const noLeader = !ctx.db.prepare(`SELECT 1 FROM account WHERE rol = 'schoolleider' AND actief = 1`).get();
  if (rol === 'schoolleider' && noLeader) return;
  throw new CoreError('GEEN_TOEGANG', ONLY_SCHOOLLEIDER_GIVES);
}

/** The groups of a role: required for teamleider, mentor and zorg, none for the others, each one known. */
function checkGroepen(db: DB, rol: AccountRol, groepen: string[]): string[] {
  const unique = [...new Set(groepen.map((g) => g.trim()))];
  if (!ROLLEN_MET_GROEPEN.includes(rol)) {
    if (unique.length)
      throw fieldError('groepen', 'Alleen een teamleider, mentor of zorgcoördinator werkt met groepen; laat de groepen leeg.');
    return [];
  }
  if (!unique.length) throw fieldError('groepen', 'Kies minstens één groep: deze rol ziet alleen de leerlingen van zijn groepen.');
  const known = new Set(
    db.prepare(`SELECT DISTINCT groep FROM person WHERE soort = 'leerling' AND groep IS NOT NULL`).pluck().all() as string[],
  );
  const missing = unique.filter((g) => !known.has(g));
  if (missing.length)
    throw fieldError(
      'groepen',
      `Groep ${missing[0]} komt niet voor in de leerlingenlijst. Controleer de schrijfwijze (zoals in de leerlingenlijst).`,
    );
  return unique.sort((a, b) => a.localeCompare(b, 'nl'));
}

/** At least one active schoolleider or beheerder account remains (checked after the change, in its transaction). */
function requireAdminLeft(db: DB): void {
  const n = db.prepare(`SELECT count(*) FROM account WHERE actief = 1 AND rol IN ('schoolleider', 'beheerder')`).pluck().get() as number;
  if (n === 0) throw new CoreError('REGEL', LAST_ADMIN);
}

const nameTaken = (db: DB, name: string) => !!db.prepare('SELECT 1 FROM account WHERE gebruikersnaam = ?').get(name);

/** "mhoekstra" from Marianne Hoekstra: first letter and surname, ASCII; a digit added while taken. */
export function suggestUserName(db: DB, p: Pick<Person, 'voornaam' | 'roepnaam' | 'tussenvoegsel' | 'achternaam'>): string {
  const ascii = (s: string) => fold(s).replace(/[^a-z0-9]/g, '');
  const base =
    `${ascii(p.roepnaam || p.voornaam).slice(0, 1)}${ascii(p.tussenvoegsel ?? '')}${ascii(p.achternaam)}`.slice(0, 60) || 'medewerker';
  const name = base.length >= 3 ? base : `${base}${'medewerker'}`.slice(0, 60);
  if (!nameTaken(db, name)) return name;
  for (let i = 2; ; i++) if (!nameTaken(db, `${name}${i}`)) return `${name}${i}`;
}

export const listAccounts = (db: DB): AccountOut[] => allAccounts(db).map(toOut);

/** Staff members in the roster who have not left, with the account each has. */
export function accountCandidates(db: DB, today: string): AccountCandidate[] {
  const rows = db
    .prepare(
      `SELECT p.id, p.voornaam, p.roepnaam, p.tussenvoegsel, p.achternaam, p.functie, a.id AS account_id
       FROM person p LEFT JOIN account a ON a.person_id = p.id
       WHERE p.soort = 'medewerker' AND (p.uitgeschreven_op IS NULL OR p.uitgeschreven_op > ?)
       ORDER BY p.achternaam, p.voornaam, p.id`,
    )
    .all(today) as (Person & { account_id: number | null })[];
  return rows.map((r) => ({ personId: r.id, naam: displayName(r), functie: r.functie, accountId: r.account_id }));
}

/** A new account for a staff member from the roster, with a start password shown this once. */
export async function createAccount(
  ctx: Ctx,
  input: { personId: number; gebruikersnaam?: string; rol: AccountRol; groepen: string[] },
): Promise<AccountStart> {
  const check = () => {
    requireMayGive(ctx, input.rol);
    const p = ctx.db.prepare('SELECT * FROM person WHERE id = ?').get(input.personId) as Person | undefined;
    if (!p) throw fieldError('personId', 'Deze persoon bestaat niet (meer).');
    if (p.soort !== 'medewerker') throw fieldError('personId', 'Alleen een medewerker uit het personeelsbestand kan een account krijgen.');
    if (p.uitgeschreven_op && p.uitgeschreven_op <= ctx.today())
      throw fieldError('personId', 'Deze medewerker is uit dienst; een account is niet meer mogelijk.');
    if (ctx.db.prepare('SELECT 1 FROM account WHERE person_id = ?').get(p.id))
      throw fieldError('personId', 'Deze medewerker heeft al een account. Pas dat account aan of geef het een nieuw startwachtwoord.');
    const groepen = checkGroepen(ctx.db, input.rol, input.groepen);
    const naam = input.gebruikersnaam ?? suggestUserName(ctx.db, p);
    if (nameTaken(ctx.db, naam)) throw fieldError('gebruikersnaam', 'Deze gebruikersnaam is al in gebruik; kies een andere.');
    return { groepen, naam };
  };
  check();
  const start = startPassword();
  const hash = await hashPassword(start);
  // Checked again in the transaction: the roster or the accounts may have changed while hashing.
  const row = ctx.tx(() => {
    const { groepen, naam } = check();
    return insertAccount(writerOf(ctx), { personId: input.personId, gebruikersnaam: naam, rol: input.rol, groepen, wachtwoordHash: hash });
  });
  return { account: toOut(row), startwachtwoord: start };
}

/**
 * The first account, made when the school server is set up (docs/SERVER.md): a schoolleider or
 * beheerder, with or without a person from the roster. Refused once any account exists.
 */
export async function createFirstAccount(
  ctx: Ctx,
  input: { gebruikersnaam: string; rol: 'schoolleider' | 'beheerder'; personId?: number | null },
): Promise<AccountStart> {
  const name = userNameSchema.safeParse(input.gebruikersnaam);
  if (!name.success) throw fieldError('gebruikersnaam', name.error.issues[0].message);
  const start = startPassword();
  const hash = await hashPassword(start);
  const row = ctx.tx(() => {
    if (ctx.db.prepare('SELECT 1 FROM account LIMIT 1').get())
      throw new CoreError('REGEL', 'Er bestaan al accounts; een nieuw account maakt de schoolleider of de beheerder in de app.');
    if (input.personId != null) {
      const p = ctx.db.prepare(`SELECT soort FROM person WHERE id = ?`).get(input.personId) as { soort: string } | undefined;
      if (p?.soort !== 'medewerker')
        throw fieldError('personId', 'Alleen een medewerker uit het personeelsbestand kan een account krijgen.');
    }
    return insertAccount(writerOf(ctx), {
      personId: input.personId ?? null,
      gebruikersnaam: name.data,
      rol: input.rol,
      groepen: [],
      wachtwoordHash: hash,
    });
  });
  return { account: toOut(row), startwachtwoord: start };
}

/** Changes the role, the groups or whether the account is active. */
export function updateAccount(ctx: Ctx, input: { id: number; rol?: AccountRol; groepen?: string[]; actief?: boolean }): AccountOut {
  const row = account(ctx.db, input.id);
  const rol = input.rol ?? row.rol;
  const own = ctx.caller.accountId === row.id;
  if (own && (rol !== row.rol || (input.actief !== undefined && input.actief !== (row.actief === 1))))
    throw new CoreError(
      'REGEL',
      'U kunt uw eigen rol niet wijzigen en uw eigen account niet uitschakelen; vraag de schoolleider of een andere beheerder.',
    );
  // Giving, changing or taking a role that reads pupil data is the school leader's; switching such an
  // account off is not (less access, e.g. someone who left).
  const switchingOffOnly = input.actief === false && rol === row.rol && input.groepen === undefined;
  if (!switchingOffOnly && (givesPupilData(row.rol) || givesPupilData(rol)) && ctx.caller.rol !== 'schoolleider')
    throw new CoreError('GEEN_TOEGANG', ONLY_SCHOOLLEIDER_GIVES);
  // Groups are checked when they or the role change (a group gone from the roster does not stop switching off).
  const groepen =
    input.groepen === undefined && rol === row.rol
      ? groepenOf(row)
      : checkGroepen(ctx.db, rol, input.groepen ?? (ROLLEN_MET_GROEPEN.includes(rol) ? groepenOf(row) : []));
  const change = {
    rol,
    groepen: groepen.length ? JSON.stringify(groepen) : null,
    actief: input.actief === undefined ? row.actief : input.actief ? (1 as const) : (0 as const),
  };
  const after = saveAccount(writerOf(ctx), row.id, change, 'gewijzigd');
  requireAdminLeft(ctx.db);
  return toOut(after);
}

/** A new start password for an account (shown this once); lifts a lockout too. */
export async function resetPassword(ctx: Ctx, input: { id: number }): Promise<AccountStart> {
  const row = account(ctx.db, input.id);
  if (givesPupilData(row.rol) && ctx.caller.rol !== 'schoolleider') throw new CoreError('GEEN_TOEGANG', ONLY_SCHOOLLEIDER_RESETS);
  const start = startPassword();
  const hash = await hashPassword(start);
  const after = ctx.tx(() => {
    const now = account(ctx.db, input.id);
    if (givesPupilData(now.rol) && ctx.caller.rol !== 'schoolleider') throw new CoreError('GEEN_TOEGANG', ONLY_SCHOOLLEIDER_RESETS);
    return saveAccount(
      writerOf(ctx),
      now.id,
      { wachtwoord_hash: hash, moet_wachtwoord_wijzigen: 1, mislukte_pogingen: 0, blokkeringen: 0, geblokkeerd_tot: null },
      'startwachtwoord_gegeven',
    );
  });
  return { account: toOut(after), startwachtwoord: start };
}

/** Clears the second step (a lost phone): the person sets it up again at the next login. */
export function resetTotp(ctx: Ctx, input: { id: number }): AccountOut {
  const row = account(ctx.db, input.id);
  if (givesPupilData(row.rol) && ctx.caller.rol !== 'schoolleider') throw new CoreError('GEEN_TOEGANG', ONLY_SCHOOLLEIDER_RESETS);
  const after = saveAccount(writerOf(ctx), row.id, { totp_secret: null, totp_bevestigd: 0, totp_laatste_stap: null }, 'tweestaps_gewist');
  return toOut(after);
}

/** The logged-in caller's own account; refused on the single-PC app, which has no accounts. */
function own(ctx: Ctx): AccountRow {
  const id = ctx.caller.accountId;
  if (id === null) throw new CoreError('GEEN_TOEGANG', SERVER_ONLY);
  const row = readAccount(ctx.db, id);
  if (!row || row.actief === 0)
    throw new CoreError('GEEN_TOEGANG', 'Dit account is niet (meer) actief. Vraag de beheerder of de schoolleider.');
  return row;
}

export const myAccount = (ctx: Ctx): AccountOut => toOut(own(ctx));

/** The logged-in person chooses a new password; the current one is asked again (a wrong one counts as a failed login). */
export async function changePassword(ctx: Ctx, input: { huidigWachtwoord: string; nieuwWachtwoord: string }): Promise<AccountOut> {
  const row = own(ctx);
  const problem = passwordProblem(input.nieuwWachtwoord, row.gebruikersnaam);
  if (problem) throw fieldError('nieuwWachtwoord', problem);
  if (input.nieuwWachtwoord === input.huidigWachtwoord) throw fieldError('nieuwWachtwoord', 'Kies een ander wachtwoord dan het huidige.');
  const [right, hash] = await Promise.all([
    verifyPassword(input.huidigWachtwoord, row.wachtwoord_hash),
    hashPassword(input.nieuwWachtwoord),
  ]);
  if (!right) {
    ctx.tx(() => registerFailure(writerOf(ctx), row.id, ctx.now()));
    throw fieldError('huidigWachtwoord', 'Het huidige wachtwoord klopt niet.');
  }
  const after = ctx.tx(() => {
    const now = own(ctx);
    // Changed meanwhile (another tab, a reset): the password checked is no longer the current one.
    if (now.wachtwoord_hash !== row.wachtwoord_hash) throw fieldError('huidigWachtwoord', 'Het huidige wachtwoord klopt niet.');
    return saveAccount(
      writerOf(ctx),
      now.id,
      { wachtwoord_hash: hash, moet_wachtwoord_wijzigen: 0, mislukte_pogingen: 0 },
      'wachtwoord_gewijzigd',
    );
  });
  return toOut(after);
}

/** A new secret for the second step, kept unconfirmed until a code from the app confirms it. */
export function beginTotp(ctx: Ctx): TotpSetup {
  const row = own(ctx);
  if (row.totp_bevestigd === 1)
    throw new CoreError(
      'REGEL',
      'De tweestapsverificatie is al ingesteld. Nieuwe telefoon of app kwijt? Vraag de schoolleider of de beheerder om die te wissen; daarna stelt u hem opnieuw in.',
    );
  const secret = newTotpSecret();
  saveAccount(writerOf(ctx), row.id, { totp_secret: secret, totp_bevestigd: 0, totp_laatste_stap: null }, 'tweestaps_begonnen');
  return { secret, uri: totpUri(secret, row.gebruikersnaam) };
}

/** A valid code from the app confirms the secret; the code's step is used up. */
export function confirmTotp(ctx: Ctx, input: { code: string }): AccountOut {
  const row = own(ctx);
  if (row.totp_bevestigd === 1) throw new CoreError('REGEL', 'De tweestapsverificatie is al ingesteld.');
  if (!row.totp_secret) throw new CoreError('REGEL', 'Begin eerst met het instellen van de tweestapsverificatie.');
  const step = acceptTotp(row.totp_secret, input.code, ctx.now(), row.totp_laatste_stap);
  if (step === null)
    throw fieldError(
      'code',
      'Deze code klopt niet. Controleer of de klok van uw telefoon goed staat en vul de code in die de app nu toont.',
    );
  return toOut(saveAccount(writerOf(ctx), row.id, { totp_bevestigd: 1, totp_laatste_stap: step }, 'tweestaps_ingesteld'));
}
