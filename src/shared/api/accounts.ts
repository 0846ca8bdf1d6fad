// Accounts on the school server (docs/SERVER.md, "Accounts en inloggen"): the school leader or the
// beheerder makes one for a staff member from the roster, with a role; the staff member logs in with
// a one-time start password, chooses their own, and (for the roles that read dossiers) sets up a
// second step with an authenticator app. No method ever answers with a password hash or a TOTP secret,
// except totp.begin, which shows the new secret once to the person setting it up.
import { z } from 'zod';
import { ACCOUNT_ROL } from '../domain';
import type { AccountRol } from '../domain';
import { id } from './common';
import { read, write, writeInSteps } from './define';
import { BEHEER, IEDEREEN } from './roles';

/** A password is at least this long (docs/SERVER.md). */
export const MIN_WACHTWOORD = 12;
/** And at most this long: a longer one is a paste gone wrong, and scrypt need not read megabytes. */
export const MAX_WACHTWOORD = 200;
/** At most this many groups on one account. */
export const MAX_GROEPEN = 40;

/** The roles whose accounts work for groups (classes): their reads are limited to them. */
export const ROLLEN_MET_GROEPEN: readonly AccountRol[] = ['teamleider', 'mentor', 'zorg'];

/** Letters, digits, dot, dash, underscore and @ only, so the name is the same in every case and font. */
export const gebruikersnaam = z
  .string({ error: 'Vul een gebruikersnaam in.' })
  .trim()
  .min(3, { error: 'Een gebruikersnaam heeft minstens 3 tekens.' })
  .max(64, { error: 'Een gebruikersnaam heeft hoogstens 64 tekens.' })
  .regex(/^[A-Za-z0-9][A-Za-z0-9._@-]*$/, {
    error: 'Gebruik in een gebruikersnaam alleen letters zonder accenten, cijfers, punt, streepje, liggend streepje of @.',
  });

const wachtwoord = z
  .string({ error: 'Vul een wachtwoord in.' })
  .min(1, { error: 'Vul een wachtwoord in.' })
  .max(MAX_WACHTWOORD, { error: `Kies een wachtwoord van hoogstens ${MAX_WACHTWOORD} tekens.` });

const groep = z
  .string({ error: 'Vul een groep in.' })
  .trim()
  .min(1, { error: 'Vul een groep in.' })
  .max(20, { error: 'Een groepsnaam heeft hoogstens 20 tekens.' });
const groepen = z.array(groep).max(MAX_GROEPEN, { error: `Kies hoogstens ${MAX_GROEPEN} groepen.` });

const rol = z.enum(ACCOUNT_ROL.codes, { error: 'Kies een rol.' });

/** A TOTP code as the app shows it: six digits, spaces allowed ("123 456"). */
export const totpCode = z
  .string({ error: 'Vul de code uit de app in.' })
  .transform((s) => s.replace(/\s+/g, ''))
  .pipe(z.string().regex(/^\d{6}$/, { error: 'De code bestaat uit 6 cijfers.' }));

/** An account as the beheerder sees it: never the password hash or the TOTP secret. */
export interface AccountOut {
  id: number;
  /** The staff member in the roster; null for the first account made at set-up. */
  personId: number | null;
  /** The staff member's name from the roster, or the user name when there is none. */
  naam: string;
  gebruikersnaam: string;
  rol: AccountRol;
  /** Classes for teamleider, mentor and zorg; [] for the other roles. */
  groepen: string[];
  actief: boolean;
  /** The password is still a start password that must be changed at the next login. */
  moetWachtwoordWijzigen: boolean;
  /** The second step (authenticator app) is set up and confirmed. */
  totpIngesteld: boolean;
  /** The role must use the second step (it reads dossiers). */
  totpVereist: boolean;
  /** Locked after too many failed logins until this moment (ISO), or null. */
  geblokkeerdTot: string | null;
  laatstIngelogd: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A new account or a reset password: the start password is shown this once and kept nowhere. */
export interface AccountStart {
  account: AccountOut;
  startwachtwoord: string;
}

/** A staff member in the roster who may get an account. */
export interface AccountCandidate {
  personId: number;
  naam: string;
  functie: string | null;
  /** The account the person already has, or null. */
  accountId: number | null;
}

/** The second step being set up: show the URI as a QR code, the secret for typing in by hand. */
export interface TotpSetup {
  /** Base32; shown once, to the person setting it up. */
  secret: string;
  /** otpauth://totp/… for the QR code. */
  uri: string;
}

export const accountsApi = {
  /** Every account, newest last. */
  'accounts.list': read<AccountOut[]>()(z.object({}).strict(), { rollen: BEHEER }),
  /** The staff members of the roster (not left) with the account each has. */
  'accounts.candidates': read<AccountCandidate[]>()(z.object({}).strict(), { rollen: BEHEER }),
  /**
   * An account for a staff member from the roster, with a one-time start password (shown once; the
   * first login must change it). Only the school leader gives a role that reads pupil data.
   */
  'accounts.create': writeInSteps<AccountStart>()(
    z.object({
      personId: id,
      /** Left out: made from the name ("mhoekstra", "mhoekstra2", …). */
      gebruikersnaam: gebruikersnaam.optional(),
      rol,
      groepen: groepen.default([]),
    }),
    { rollen: BEHEER },
  ),
  /** Changes the role, the groups or whether the account may log in. */
  'accounts.update': write<AccountOut>()(
    z.object({ id, rol: rol.optional(), groepen: groepen.optional(), actief: z.boolean().optional() }),
    { rollen: BEHEER },
  ),
  /** A new one-time start password (shown once); also lifts a lockout. */
  'accounts.resetPassword': writeInSteps<AccountStart>()(z.object({ id }), { rollen: BEHEER }),
  /** Removes the second step (a lost phone): the person sets it up again at the next login. */
  'accounts.resetTotp': write<AccountOut>()(z.object({ id }), { rollen: BEHEER }),

  /** The logged-in person's own account. */
  'accounts.me': read<AccountOut>()(z.object({}).strict(), { rollen: IEDEREEN }),
  /** The logged-in person chooses a new password (required after a start password). */
  'accounts.changePassword': writeInSteps<AccountOut>()(z.object({ huidigWachtwoord: wachtwoord, nieuwWachtwoord: wachtwoord }), {
    rollen: IEDEREEN,
  }),
  /** Starts setting up the second step: a new secret, not yet in use until confirmed. */
  'accounts.totp.begin': write<TotpSetup>()(z.object({}).strict(), { rollen: IEDEREEN }),
  /** A valid code from the app confirms the second step; from then on every login asks for one. */
  'accounts.totp.confirm': write<AccountOut>()(z.object({ code: totpCode }), { rollen: IEDEREEN }),
};
