// A version number per record that people edit together (docs/SERVER.md "Tegelijk bewerken"): a
// save names the version its form was loaded with; a save over a newer version is refused as a
// CONFLICT that carries the record as stored now, so nothing typed and nothing saved is lost. Who
// changed it and when come from the audit trail's last entry for the record.
import type Database from 'better-sqlite3-multiple-ciphers';
import { CoreError } from '../errors/errors';
import { TIME_ZONE, dutchLongDateOf, todayIn } from '@shared/dates';

export interface VersionCheck {
  /** The audit trail's entity name ('melding', 'maatregel', 'persoon'). */
  entity: string;
  entityId: number;
  /** The version in the database now. */
  stored: number;
  /** The version the form was loaded with; undefined (the CLI, an older caller) checks nothing. */
  given: number | undefined;
  /** The record in words, with its article: "deze melding". */
  what: string;
  /** The record as stored now, for the error. */
  current: () => unknown;
  now: Date;
}

const time = (iso: string) => new Date(iso).toLocaleTimeString('nl-NL', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit' });

/** "om 10:42 door Marianne Hoekstra" (today) or "op 3 december 2026 om 10:42 door …", from the last entry. */
function lastChange(db: Database.Database, entity: string, entityId: number, now: Date): string | null {
  const last = db
    .prepare('SELECT at, actor FROM audit_log WHERE entity = ? AND entity_id = ? ORDER BY id DESC LIMIT 1')
    .get(entity, String(entityId)) as { at: string; actor: string } | undefined;
  if (!last) return null;
  const when = todayIn(new Date(last.at)) === todayIn(now) ? `om ${time(last.at)}` : `op ${dutchLongDateOf(last.at)} om ${time(last.at)}`;
  // "Marianne Hoekstra (rector)" is named without the function: the sentence has its own brackets.
  return `${when} door ${last.actor.replace(/\s*\([^()]*\)$/, '') || last.actor}`;
}

/** Refuses a save made over a newer version of the record. */
export function assertVersion(db: Database.Database, v: VersionCheck): void {
  if (v.given === undefined || v.given === v.stored) return;
  const who = lastChange(db, v.entity, v.entityId, v.now);
  const message =
    `Iemand anders heeft ${v.what} intussen gewijzigd${who ? ` (${who})` : ''}. ` +
    'Uw wijzigingen zijn niet opgeslagen, maar staan nog in het formulier.';
  throw new CoreError('CONFLICT', message, undefined, undefined, v.current());
}
