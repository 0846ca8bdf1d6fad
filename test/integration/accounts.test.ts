// Accounts and logging in on the school server (accounts.*, accounts/authenticate.ts; docs/SERVER.md
// "Accounts en inloggen"), on a real encrypted database: an account is made from the staff roster
// with a one-time start password that must be changed; five wrong passwords lock the account for 15
// minutes (doubling on a repeat) and the lock lifts with the clock; an unknown name and a wrong
// password get the same answer; the second step works with codes computed by otpauth here and a used
// code is refused; the hash, the secret and the passwords never show in the audit trail or any output.
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { TOTP, Secret } from 'otpauth';
import { makeTestCore, type TestCore } from '../support/core';
import type { Caller } from '../../src/shared/api/caller';
import type { Input, MethodName, Output } from '../../src/shared/api';
import { authenticate, WRONG_LOGIN, TOTP_NEEDED, INACTIVE } from '../../src/main/accounts/authenticate';
import type { AuthResult } from '../../src/main/accounts/authenticate';
import { createFirstAccount } from '../../src/main/accounts/accounts';
import { parseHash, PASSWORD_SCRYPT, verifyPassword } from '../../src/main/accounts/password';

const START = '2026-11-16T09:00:00.000Z';
const NEW_PASSWORD = 'fietsen langs de Vecht in mei';

let t: TestCore;
let now: Date;
beforeEach(() => {
  t = makeTestCore({ now: START });
  now = new Date(START);
});
afterEach(() => t.cleanup());

/** Moves the clock of both the core and the logins. */
function at(iso: string | Date): Date {
  now = new Date(iso);
  t.setNow(now.toISOString());
  return now;
}
const later = (ms: number) => at(new Date(now.getTime() + ms));

async function as<M extends MethodName>(caller: Caller | undefined, method: M, input: Input<M>): Promise<Output<M>> {
  const r = await t.core.invoke(method, input, caller);
  if (!r.ok) throw new Error(`${method} failed: ${r.error.code} ${r.error.message} ${JSON.stringify(r.error.fields ?? {})}`);
  return r.value;
}
async function fails(caller: Caller | undefined, method: string, input: unknown) {
  const r = await t.core.invoke(method, input, caller);
  if (r.ok) throw new Error(`${method} should have failed`);
  return r.error;
}
const login = (gebruikersnaam: string, wachtwoord: string, totp?: string) =>
  authenticate(t.core.db, { gebruikersnaam, wachtwoord, totp }, now);
function callerOf(r: AuthResult): Caller {
  if (!r.ok) throw new Error(`login failed: ${r.reden}`);
  return { rol: r.account.rol, actor: r.account.actor, accountId: r.account.id, groepen: r.account.groepen };
}
const row = (id: number) => t.core.db.prepare('SELECT * FROM account WHERE id = ?').get(id) as Record<string, unknown>;
const auditText = () => JSON.stringify(t.core.db.prepare('SELECT * FROM audit_log ORDER BY id').all());
const auditOf = (id: number) =>
  t.core.db
    .prepare(`SELECT actor, action, before_json, after_json FROM audit_log WHERE entity = 'account' AND entity_id = ? ORDER BY id`)
    .all(String(id)) as {
    actor: string;
    action: string;
    before_json: string | null;
    after_json: string | null;
  }[];

async function staff(voornaam: string, achternaam: string, extra: Partial<Input<'people.create'>> = {}) {
  return t.call('people.create', { soort: 'medewerker', voornaam, achternaam, functie: 'leerkracht', ...extra });
}
async function pupil(voornaam: string, groep: string) {
  return t.call('people.create', { soort: 'leerling', voornaam, achternaam: 'Jansen', groep });
}

/** A logged-in admin of the school server (the single-PC app's caller is the school leader too). */
let admin: Caller;
async function setUp() {
  await pupil('Sara', '7B');
  await pupil('Noah', '8A');
  const leider = await staff('Marianne', 'Hoekstra', { functie: 'rector' });
  const made = await as(undefined, 'accounts.create', { personId: leider.id, rol: 'schoolleider' });
  admin = { rol: 'schoolleider', actor: 'Marianne Hoekstra (schoolleider)', accountId: made.account.id, groepen: null };
  return made;
}

/** Makes an account, logs in with its start password and chooses NEW_PASSWORD. */
async function ready(personId: number, rol: Input<'accounts.create'>['rol'], groepen: string[] = []) {
  const made = await as(admin, 'accounts.create', { personId, rol, groepen });
  const first = callerOf(await login(made.account.gebruikersnaam, made.startwachtwoord));
  await as(first, 'accounts.changePassword', { huidigWachtwoord: made.startwachtwoord, nieuwWachtwoord: NEW_PASSWORD });
  return { ...made, caller: first };
}

const totpOf = (secret: string) => new TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secret) });

describe('accounts from the staff roster', () => {
  it('makes an account for a medewerker with the roster name, a start password shown once, and the change audited', async () => {
    await setUp();
    const fleur = await staff('Fleur', 'Smit', { roepnaam: 'Fleur', tussenvoegsel: 'de' });
    const made = await as(admin, 'accounts.create', { personId: fleur.id, rol: 'mentor', groepen: ['7B'] });
    expect(made.account).toMatchObject({
      personId: fleur.id,
      naam: 'Fleur de Smit',
      gebruikersnaam: 'fdesmit',
      rol: 'mentor',
      groepen: ['7B'],
      actief: true,
      moetWachtwoordWijzigen: true,
      totpIngesteld: false,
      totpVereist: true,
    });
    expect(made.startwachtwoord).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    // Shown once: the list never shows it, nor anything of the hash.
    const list = await as(admin, 'accounts.list', {});
    expect(list.map((a) => a.gebruikersnaam)).toEqual(['mhoekstra', 'fdesmit']);
    expect(JSON.stringify(list)).not.toContain(made.startwachtwoord);
    expect(JSON.stringify(list)).not.toContain('scrypt');
    // The roster shows who has an account.
    const candidates = await as(admin, 'accounts.candidates', {});
    expect(candidates.find((c) => c.personId === fleur.id)).toMatchObject({ naam: 'Fleur de Smit', accountId: made.account.id });
    // Audited under the admin's name, with what matters and not the hash.
    const entries = auditOf(made.account.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actor: 'Marianne Hoekstra (schoolleider)', action: 'aangemaakt' });
    expect(JSON.parse(entries[0].after_json ?? '{}')).toMatchObject({
      gebruikersnaam: 'fdesmit',
      rol: 'mentor',
      groepen: ['7B'],
      personId: fleur.id,
    });
    expect(entries[0].after_json).not.toMatch(/scrypt|wachtwoord_hash/);
  });

  it('refuses a pupil, a second account, a name in use in another case, an unknown group and groups for a role without them', async () => {
    await setUp();
    const sara = t.core.db.prepare(`SELECT id FROM person WHERE voornaam = 'Sara'`).pluck().get() as number;
    expect(await fails(admin, 'accounts.create', { personId: sara, rol: 'medewerker' })).toMatchObject({
      code: 'VALIDATIE',
      field: 'personId',
      message: 'Alleen een medewerker uit het personeelsbestand kan een account krijgen.',
    });
    const fleur = await staff('Fleur', 'Smit');
    await as(admin, 'accounts.create', { personId: fleur.id, rol: 'medewerker', gebruikersnaam: 'fleur' });
    expect((await fails(admin, 'accounts.create', { personId: fleur.id, rol: 'medewerker' })).message).toMatch(/heeft al een account/);
    const ilse = await staff('Ilse', 'Vos');
    expect(await fails(admin, 'accounts.create', { personId: ilse.id, rol: 'medewerker', gebruikersnaam: 'FLEUR' })).toMatchObject({
      field: 'gebruikersnaam',
      message: 'Deze gebruikersnaam is al in gebruik; kies een andere.',
    });
    expect((await fails(admin, 'accounts.create', { personId: ilse.id, rol: 'mentor', groepen: ['7C'] })).message).toBe(
      'Groep 7C komt niet voor in de leerlingenlijst. Controleer de schrijfwijze (zoals in de leerlingenlijst).',
    );
    expect((await fails(admin, 'accounts.create', { personId: ilse.id, rol: 'mentor', groepen: [] })).field).toBe('groepen');
    expect((await fails(admin, 'accounts.create', { personId: ilse.id, rol: 'medewerker', groepen: ['7B'] })).field).toBe('groepen');
    expect((await fails(admin, 'accounts.create', { personId: ilse.id, rol: 'medewerker', gebruikersnaam: 'ilse vos' })).field).toBe(
      'gebruikersnaam',
    );
    const left = await staff('Kees', 'Bakker', { uitgeschrevenOp: '2026-07-31' });
    expect((await fails(admin, 'accounts.create', { personId: left.id, rol: 'medewerker' })).message).toMatch(/uit dienst/);
    expect(t.core.db.prepare('SELECT count(*) FROM account').pluck().get()).toBe(2);
  });

  it('stores scrypt with its own salt and parameters per account, and the hash checks only the right password', async () => {
    await setUp();
    const a = await staff('Ilse', 'Vos');
    const b = await staff('Kees', 'Bakker');
    const ra = await ready(a.id, 'medewerker');
    const rb = await ready(b.id, 'medewerker');
    const ha = row(ra.account.id).wachtwoord_hash as string;
    const hb = row(rb.account.id).wachtwoord_hash as string;
    // The parameters are part of the stored text: scrypt N = 2^15, r = 8, p = 3.
    expect(ha).toMatch(/^scrypt\$32768\$8\$3\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
    expect(parseHash(ha)?.params).toEqual(PASSWORD_SCRYPT);
    expect(PASSWORD_SCRYPT).toEqual({ N: 32768, r: 8, p: 3 });
    // The same password, two salts, two hashes.
    expect(parseHash(ha)?.salt.equals(parseHash(hb)!.salt)).toBe(false);
    expect(ha).not.toBe(hb);
    expect(await verifyPassword(NEW_PASSWORD, ha)).toBe(true);
    expect(await verifyPassword(`${NEW_PASSWORD}.`, ha)).toBe(false);
    expect(await verifyPassword(NEW_PASSWORD, 'scrypt$1099511627776$8$1$c2FsdA==$aGFzaA==')).toBe(false);
  });
});

describe('the one-time start password', () => {
  it('logs in once with it, must be changed by the rules, and is refused after the change', async () => {
    await setUp();
    const ilse = await staff('Ilse', 'Vos');
    const made = await as(admin, 'accounts.create', { personId: ilse.id, rol: 'medewerker' });
    const first = await login('IVOS', made.startwachtwoord);
    expect(first).toEqual({
      ok: true,
      account: {
        id: made.account.id,
        actor: 'Ilse Vos (medewerker)',
        rol: 'medewerker',
        groepen: null,
        gebruikersnaam: 'ivos',
        naam: 'Ilse Vos',
        moetWachtwoordWijzigen: true,
        totpVereist: false,
        totpIngesteld: false,
      },
    });
    const me = callerOf(first);
    const change = (nieuwWachtwoord: string, huidigWachtwoord = made.startwachtwoord) =>
      fails(me, 'accounts.changePassword', { huidigWachtwoord, nieuwWachtwoord });
    expect(await change('kort genoeg')).toMatchObject({ field: 'nieuwWachtwoord', message: 'Kies een wachtwoord van minstens 12 tekens.' });
    expect((await change('ivos')).message).toBe('Kies een wachtwoord van minstens 12 tekens.');
    // Not the user name (a long one here, so the length rule does not hide it).
    const long = await staff('Johanna', 'Verschuurenbergh');
    const madeLong = await as(admin, 'accounts.create', { personId: long.id, rol: 'medewerker' });
    const longMe = callerOf(await login(madeLong.account.gebruikersnaam, madeLong.startwachtwoord));
    expect(
      (await fails(longMe, 'accounts.changePassword', { huidigWachtwoord: madeLong.startwachtwoord, nieuwWachtwoord: 'JVerschuurenbergh' }))
        .message,
    ).toBe('Uw wachtwoord mag niet gelijk zijn aan uw gebruikersnaam.');
    for (const common of ['Wachtwoord2026!', 'welkom123456', '123456789012', 'aaaaaaaaaaaaaa', 'abcabcabcabc'])
      expect((await change(common)).message, common).toMatch(/te makkelijk te raden/);
    expect(await change(NEW_PASSWORD, 'niet het startwachtwoord')).toMatchObject({
      field: 'huidigWachtwoord',
      message: 'Het huidige wachtwoord klopt niet.',
    });
    const changed = await as(me, 'accounts.changePassword', { huidigWachtwoord: made.startwachtwoord, nieuwWachtwoord: NEW_PASSWORD });
    expect(changed.moetWachtwoordWijzigen).toBe(false);
    expect(await login('ivos', made.startwachtwoord)).toEqual({ ok: false, reden: WRONG_LOGIN });
    const again = await login('ivos', NEW_PASSWORD);
    expect(again.ok && again.account.moetWachtwoordWijzigen).toBe(false);
    expect(auditOf(made.account.id).map((e) => e.action)).toEqual([
      'aangemaakt',
      'ingelogd',
      'inloggen_mislukt', // the wrong current password counts as a failed attempt
      'wachtwoord_gewijzigd',
      'inloggen_mislukt',
      'ingelogd',
    ]);
  });

  it('a new start password from the admin lifts a lockout and must be changed again', async () => {
    await setUp();
    const ilse = await staff('Ilse', 'Vos');
    const r = await ready(ilse.id, 'medewerker');
    for (let i = 0; i < 5; i++) await login('ivos', 'verkeerd wachtwoord');
    expect(row(r.account.id).geblokkeerd_tot).not.toBeNull();
    const reset = await as(admin, 'accounts.resetPassword', { id: r.account.id });
    expect(reset.account).toMatchObject({ moetWachtwoordWijzigen: true, geblokkeerdTot: null });
    expect(reset.startwachtwoord).not.toBe(r.startwachtwoord);
    expect(await login('ivos', NEW_PASSWORD)).toEqual({ ok: false, reden: WRONG_LOGIN });
    const ok = await login('ivos', reset.startwachtwoord);
    expect(ok.ok && ok.account.moetWachtwoordWijzigen).toBe(true);
  });
});

describe('lockout', () => {
  it('locks after 5 wrong passwords for 15 minutes, recorded and audited, and lifts with the clock; a repeat locks for 30', async () => {
    await setUp();
    const ilse = await staff('Ilse', 'Vos');
    const r = await ready(ilse.id, 'medewerker');
    for (let i = 1; i <= 4; i++) {
      expect(await login('ivos', `verkeerd ${i}`)).toEqual({ ok: false, reden: WRONG_LOGIN });
      expect(row(r.account.id).mislukte_pogingen).toBe(i);
    }
    // 09:00 UTC is 10:00 in Amsterdam: locked until 10:15.
    const locked = { ok: false, reden: 'Te veel mislukte pogingen. Inloggen met deze gebruikersnaam kan weer vanaf 10:15.' };
    expect(await login('ivos', 'verkeerd 5')).toEqual(locked);
    expect(row(r.account.id)).toMatchObject({ geblokkeerd_tot: '2026-11-16T09:15:00.000Z', blokkeringen: 1, mislukte_pogingen: 0 });
    const lockEntry = auditOf(r.account.id).at(-1)!;
    expect(lockEntry).toMatchObject({ actor: 'inlogpoging', action: 'geblokkeerd' });
    expect(JSON.parse(lockEntry.after_json!)).toMatchObject({ geblokkeerdTot: '2026-11-16T09:15:00.000Z', blokkeringen: 1 });
    // Even the right password is refused while locked, and does not end the lock.
    later(14 * 60_000);
    expect(await login('ivos', NEW_PASSWORD)).toEqual(locked);
    later(60_000);
    const ok = await login('ivos', NEW_PASSWORD);
    expect(ok.ok).toBe(true);

    // A success ends the series: the next lock is 15 minutes again; without one in between it doubles.
    for (let i = 0; i < 5; i++) await login('ivos', 'fout');
    expect(row(r.account.id).geblokkeerd_tot).toBe('2026-11-16T09:30:00.000Z');
    at('2026-11-16T09:30:01.000Z');
    for (let i = 0; i < 4; i++) expect((await login('ivos', 'fout')).ok).toBe(false);
    expect(await login('ivos', 'fout')).toEqual({
      ok: false,
      reden: 'Te veel mislukte pogingen. Inloggen met deze gebruikersnaam kan weer vanaf 11:00.',
    });
    expect(row(r.account.id)).toMatchObject({ geblokkeerd_tot: '2026-11-16T10:00:01.000Z', blokkeringen: 2 });
  });

  it('an unknown name and a wrong password get the same answers, locks included, after about the same time', async () => {
    await setUp();
    const ilse = await staff('Ilse', 'Vos');
    await ready(ilse.id, 'medewerker');
    const known: AuthResult[] = [];
    const unknown: AuthResult[] = [];
    const tKnown: number[] = [];
    const tUnknown: number[] = [];
    for (let i = 0; i < 6; i++) {
      let s = performance.now();
      known.push(await login('ivos', `geraden ${i}`));
      tKnown.push(performance.now() - s);
      s = performance.now();
      unknown.push(await login('jvos', `geraden ${i}`));
      tUnknown.push(performance.now() - s);
    }
    expect(unknown).toEqual(known);
    expect(known[0]).toEqual({ ok: false, reden: WRONG_LOGIN });
    expect(known[4].ok === false && known[4].reden).toMatch(/^Te veel mislukte pogingen/);
    // The first four of each did the same scrypt work (the locked ones answer at once, both).
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const ratio = median(tUnknown.slice(0, 4)) / median(tKnown.slice(0, 4));
    // Loose bounds for a busy machine; without the dummy check an unknown name answers ~100 times faster.
    expect(ratio).toBeGreaterThan(0.33);
    expect(ratio).toBeLessThan(3);
    // Parallel guesses are counted one by one: never more than 5 checked before the lock.
    at('2026-11-16T12:00:00.000Z');
    const kees = await staff('Kees', 'Bakker');
    const rk = await ready(kees.id, 'medewerker');
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => login('kbakker', `parallel ${i}`)));
    expect(results.filter((x) => !x.ok && x.reden === WRONG_LOGIN)).toHaveLength(4);
    expect(auditOf(rk.account.id).filter((e) => e.action === 'inloggen_mislukt')).toHaveLength(4);
    expect(auditOf(rk.account.id).filter((e) => e.action === 'geblokkeerd')).toHaveLength(1);
  });
});

describe('the second step (TOTP)', () => {
  it('is required for a role that reads dossiers; set up with begin and a valid code; ±1 step accepted; a used code refused', async () => {
    await setUp();
    const fleur = await staff('Fleur', 'Smit');
    const r = await ready(fleur.id, 'zorg', ['7B', '8A']);
    const first = await login('fsmit', NEW_PASSWORD);
    expect(first.ok && first.account).toMatchObject({
      totpVereist: true,
      totpIngesteld: false,
      groepen: ['7B', '8A'],
      actor: 'Fleur Smit (zorgcoördinator)',
    });
    const me = callerOf(first);

    const setup = await as(me, 'accounts.totp.begin', {});
    expect(setup.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(setup.uri).toMatch(/^otpauth:\/\/totp\/Schoolprotocol:fsmit\?/);
    expect(new URL(setup.uri).searchParams.get('secret')).toBe(setup.secret);
    expect(new URL(setup.uri).searchParams.get('issuer')).toBe('Schoolprotocol');
    // Not in use before it is confirmed: logging in asks no code yet.
    expect((await login('fsmit', NEW_PASSWORD)).ok).toBe(true);

    const totp = totpOf(setup.secret);
    const codeAt = (d: Date) => totp.generate({ timestamp: d.getTime() });
    const wrong = String((Number(codeAt(now)) + 1) % 1_000_000).padStart(6, '0');
    expect(await fails(me, 'accounts.totp.confirm', { code: wrong })).toMatchObject({ code: 'VALIDATIE', field: 'code' });
    expect((await fails(me, 'accounts.totp.confirm', { code: '12345' })).message).toBe('De code bestaat uit 6 cijfers.');
    const confirmCode = codeAt(now);
    const confirmed = await as(me, 'accounts.totp.confirm', { code: `${confirmCode.slice(0, 3)} ${confirmCode.slice(3)}` });
    expect(confirmed.totpIngesteld).toBe(true);
    expect((await fails(me, 'accounts.totp.begin', {})).message).toMatch(/al ingesteld/);

    // From now on a code is asked; without one the answer says so and counts no failure.
    expect(await login('fsmit', NEW_PASSWORD)).toEqual({ ok: false, reden: TOTP_NEEDED, totpNodig: true });
    expect(row(r.account.id).mislukte_pogingen).toBe(0);
    // The code used to confirm, within its own 30 seconds: refused (replay).
    later(5_000);
    const replay = await login('fsmit', NEW_PASSWORD, confirmCode);
    expect(replay.ok).toBe(false);
    expect(!replay.ok && replay.reden).toMatch(/al gebruikt/);
    // The next step's code, a phone running a little ahead: accepted; then refused a second time.
    const ahead = codeAt(new Date(now.getTime() + 30_000));
    const ok = await login('fsmit', NEW_PASSWORD, ahead);
    expect(ok.ok && ok.account.totpIngesteld).toBe(true);
    expect((await login('fsmit', NEW_PASSWORD, ahead)).ok).toBe(false);
    // Two steps later, the previous step's code (a phone a little behind) is accepted.
    later(90_000);
    expect((await login('fsmit', NEW_PASSWORD, codeAt(new Date(now.getTime() - 30_000)))).ok).toBe(true);
    // A code two steps off is not.
    later(60_000);
    expect((await login('fsmit', NEW_PASSWORD, codeAt(new Date(now.getTime() + 60_000)))).ok).toBe(false);
    expect((await login('fsmit', 'een verkeerd wachtwoord', codeAt(now))).ok).toBe(false);
    expect((await login('fsmit', NEW_PASSWORD, codeAt(now))).ok).toBe(true);

    // A lost phone: the school leader clears it; the next login asks no code and may set it up again.
    const cleared = await as(admin, 'accounts.resetTotp', { id: r.account.id });
    expect(cleared.totpIngesteld).toBe(false);
    const after = await login('fsmit', NEW_PASSWORD);
    expect(after.ok && after.account).toMatchObject({ totpVereist: true, totpIngesteld: false });

    // The secret, the hash and the passwords appear in no audit entry and no output but begin's.
    const hash = row(r.account.id).wachtwoord_hash as string;
    const parsed = parseHash(hash)!;
    const audit = auditText();
    for (const secretThing of [
      setup.secret,
      hash,
      parsed.salt.toString('base64'),
      parsed.hash.toString('base64'),
      NEW_PASSWORD,
      r.startwachtwoord,
    ])
      expect(audit).not.toContain(secretThing);
    const outputs = JSON.stringify([
      await as(admin, 'accounts.list', {}),
      await as(admin, 'accounts.candidates', {}),
      await as(me, 'accounts.me', {}),
      await as(admin, 'accounts.update', { id: r.account.id, groepen: ['7B'] }),
      confirmed,
      first,
      ok,
    ]);
    for (const secretThing of [setup.secret, hash, parsed.salt.toString('base64'), NEW_PASSWORD])
      expect(outputs).not.toContain(secretThing);
    expect(outputs).not.toMatch(/wachtwoord_hash|totp_secret/);
    // What the audit does keep: the steps, by name.
    expect(auditOf(r.account.id).map((e) => e.action)).toContain('tweestaps_ingesteld');
    expect(auditOf(r.account.id).find((e) => e.action === 'tweestaps_begonnen')?.after_json).toBe('{"totpGeheim":"nieuw"}');
  });
});

describe('who manages accounts', () => {
  it('a beheerder manages accounts without pupil data; only the school leader gives or resets one with it', async () => {
    await setUp();
    const bert = await staff('Bert', 'Kok', { functie: 'ICT-beheerder' });
    const beheer = await ready(bert.id, 'beheerder');
    const ilse = await staff('Ilse', 'Vos');
    const fleur = await staff('Fleur', 'Smit');
    const mentor = await ready(fleur.id, 'mentor', ['7B']);

    expect(await fails(beheer.caller, 'accounts.create', { personId: ilse.id, rol: 'mentor', groepen: ['7B'] })).toMatchObject({
      code: 'GEEN_TOEGANG',
      message:
        'Alleen de schoolleider geeft of wijzigt een account met de rol schoolleider, teamleider, mentor of zorgcoördinator: die rollen zien leerlinggegevens.',
    });
    const made = await as(beheer.caller, 'accounts.create', { personId: ilse.id, rol: 'medewerker' });
    expect((await fails(beheer.caller, 'accounts.update', { id: made.account.id, rol: 'schoolleider' })).code).toBe('GEEN_TOEGANG');
    expect((await fails(beheer.caller, 'accounts.update', { id: beheer.account.id, rol: 'schoolleider' })).code).toBe('REGEL');
    expect((await fails(beheer.caller, 'accounts.resetPassword', { id: mentor.account.id })).code).toBe('GEEN_TOEGANG');
    expect((await fails(beheer.caller, 'accounts.resetTotp', { id: mentor.account.id })).code).toBe('GEEN_TOEGANG');
    // Switching a mentor off (someone left) is less access: the beheerder may, also once the group is gone.
    t.core.db.prepare(`UPDATE person SET groep = '7C' WHERE groep = '7B'`).run();
    expect((await as(beheer.caller, 'accounts.update', { id: mentor.account.id, actief: false })).actief).toBe(false);
    expect(await login('fsmit', NEW_PASSWORD)).toEqual({ ok: false, reden: INACTIVE });
    expect(await login('fsmit', 'niet het wachtwoord')).toEqual({ ok: false, reden: WRONG_LOGIN });
    // The school leader may give the role.
    expect((await as(admin, 'accounts.update', { id: made.account.id, rol: 'teamleider', groepen: ['8A'] })).groepen).toEqual(['8A']);
    // Roles without account management are refused by the core's role check.
    expect((await fails(mentor.caller, 'accounts.list', {})).code).toBe('GEEN_TOEGANG');
  });

  it('keeps at least one active schoolleider or beheerder, and nobody switches off their own account', async () => {
    await setUp();
    expect((await fails(admin, 'accounts.update', { id: admin.accountId!, actief: false })).code).toBe('REGEL');
    // Through the single-PC app (no account), the last admin account is still kept.
    expect(await fails(undefined, 'accounts.update', { id: admin.accountId!, actief: false })).toMatchObject({
      code: 'REGEL',
      message: 'Er moet minstens één actief account van een schoolleider of beheerder blijven; anders kan niemand de accounts nog beheren.',
    });
    expect(row(admin.accountId!).actief).toBe(1);
  });

  it('the own-account methods need a login on the school server; the single-PC app has none', async () => {
    expect(await fails(undefined, 'accounts.me', {})).toMatchObject({
      code: 'GEEN_TOEGANG',
      message: 'Dit kan alleen wie met een account op de schoolserver is ingelogd.',
    });
  });

  it('the first account at server set-up needs no roster person, and only while there are none', async () => {
    const first = await createFirstAccount(t.core.ctx, { gebruikersnaam: 'beheer', rol: 'beheerder' });
    expect(first.account).toMatchObject({ personId: null, naam: 'beheer', rol: 'beheerder', moetWachtwoordWijzigen: true });
    const r = await login('beheer', first.startwachtwoord);
    expect(r.ok && r.account.actor).toBe('beheer (beheerder)');
    await expect(createFirstAccount(t.core.ctx, { gebruikersnaam: 'tweede', rol: 'schoolleider' })).rejects.toThrow(/al accounts/);
    // Its changes are audited under the account's own name.
    await as(callerOf(r), 'accounts.changePassword', { huidigWachtwoord: first.startwachtwoord, nieuwWachtwoord: NEW_PASSWORD });
    expect(auditOf(first.account.id).at(-1)).toMatchObject({ actor: 'beheer (beheerder)', action: 'wachtwoord_gewijzigd' });
    // A server set up by a beheerder: he makes the school leader's account while there is none, and no other.
    const beheer = callerOf(r);
    const leider = await staff('Marianne', 'Hoekstra');
    const ilse = await staff('Ilse', 'Vos');
    expect((await as(beheer, 'accounts.create', { personId: leider.id, rol: 'schoolleider' })).account.rol).toBe('schoolleider');
    expect((await fails(beheer, 'accounts.create', { personId: ilse.id, rol: 'schoolleider' })).code).toBe('GEEN_TOEGANG');
  });

  it('an account whose staff member is destroyed can no longer log in', async () => {
    await setUp();
    const ilse = await staff('Ilse', 'Vos');
    const r = await ready(ilse.id, 'medewerker');
    t.core.db.prepare('DELETE FROM person WHERE id = ?').run(ilse.id);
    expect(row(r.account.id)).toMatchObject({ person_id: null, actief: 0, gebruikersnaam: `verwijderd-${r.account.id}` });
    expect(await login('ivos', NEW_PASSWORD)).toEqual({ ok: false, reden: WRONG_LOGIN });
    expect(await login(`verwijderd-${r.account.id}`, NEW_PASSWORD)).toEqual({ ok: false, reden: INACTIVE });
  });
});
