// How the school server asks the accounts whether a login is right: one function, so the door
// does not know how passwords, TOTP and lockout work (that is src/main/accounts/, docs/SERVER.md
// "Accounts en inloggen"). The answer is what the login page needs.
import type { SessionAccount } from './sessions';

export interface LoginInput {
  gebruikersnaam: string;
  wachtwoord: string;
  /** The six digits from the authenticator app; absent on the first step when none is asked yet. */
  totp?: string;
}

export type LoginOutcome =
  | {
      status: 'ingelogd';
      account: SessionAccount;
      /** Still to do before anything else is allowed: a start password to change, the authenticator app to set up. */
      openstaand: Openstaand;
    }
  | { status: 'geweigerd'; message: string };

export interface Openstaand {
  wachtwoord: boolean;
  totp: boolean;
}

export type Authenticator = (input: LoginInput, now: Date) => LoginOutcome | Promise<LoginOutcome>;
