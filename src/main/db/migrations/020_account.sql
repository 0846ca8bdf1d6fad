-- Accounts on the school server (accounts/accounts.ts, docs/SERVER.md "Accounts en inloggen"): one
-- per staff member from the roster, with a role. The password is kept only as an scrypt hash whose
-- salt and parameters are part of the stored text; the TOTP secret is kept as base32 (the whole
-- database is encrypted). Neither ever goes into the audit trail.
CREATE TABLE account (
  id INTEGER PRIMARY KEY,
  -- The staff member (person.soort 'medewerker'); NULL only for the first account made when the
  -- server is set up, and for an account whose person was destroyed (then it is made inactive).
  person_id INTEGER REFERENCES person(id) ON DELETE SET NULL,
  -- ASCII only (the contract checks it), so NOCASE makes it unique regardless of case.
  gebruikersnaam TEXT NOT NULL COLLATE NOCASE,
  rol TEXT NOT NULL CHECK (rol IN ('schoolleider','teamleider','mentor','zorg','anti_pest','medewerker','beheerder')),
  -- JSON list of class names for teamleider, mentor and zorg; NULL for the other roles.
  groepen TEXT,
  -- "scrypt$N$r$p$salt$hash" (salt and hash base64).
  wachtwoord_hash TEXT NOT NULL,
  -- 1 while the password is a one-time start password: the first login must change it.
  moet_wachtwoord_wijzigen INTEGER NOT NULL DEFAULT 1 CHECK (moet_wachtwoord_wijzigen IN (0, 1)),
  totp_secret TEXT,
  totp_bevestigd INTEGER NOT NULL DEFAULT 0 CHECK (totp_bevestigd IN (0, 1)),
  -- The last TOTP time step accepted: a code of that step or an earlier one is refused (replay).
  totp_laatste_stap INTEGER,
  mislukte_pogingen INTEGER NOT NULL DEFAULT 0,
  -- Lockouts since the last successful login: each one lasts twice as long as the one before.
  blokkeringen INTEGER NOT NULL DEFAULT 0,
  geblokkeerd_tot TEXT,
  laatst_ingelogd TEXT,
  actief INTEGER NOT NULL DEFAULT 1 CHECK (actief IN (0, 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (totp_bevestigd = 0 OR totp_secret IS NOT NULL)
);
CREATE UNIQUE INDEX account_gebruikersnaam ON account(gebruikersnaam);
CREATE UNIQUE INDEX account_person ON account(person_id) WHERE person_id IS NOT NULL;

-- The staff member's record is destroyed (retention): the account can no longer log in, and its
-- user name, made from the person's name, goes too.
CREATE TRIGGER account_person_gone AFTER UPDATE OF person_id ON account
WHEN OLD.person_id IS NOT NULL AND NEW.person_id IS NULL
BEGIN
  UPDATE account SET actief = 0, gebruikersnaam = 'verwijderd-' || NEW.id WHERE id = NEW.id;
END;
