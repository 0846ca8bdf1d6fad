// Dutch dialogs of the Electron door, as pure content (tested) plus the one place that shows them.
// When the database cannot be opened (wrong key, damaged, newer version, not ours) the user sees
// what is wrong in Dutch and the way out, never a blank window: put the last good backup back (or
// pick one), open the data folder (to hand it to IT), try again, or close. Nothing is overwritten.
import type { MessageBoxOptions } from 'electron';
import type { Diagnosis, DiagnosisBackup } from '../app/diagnose';

export const DB_ERROR_BUTTONS = ['Gegevensmap openen', 'Opnieuw proberen', 'Afsluiten'] as const;
export const RESTORE_BUTTON = 'Reservekopie terugzetten';
export const CHOOSE_BACKUP_BUTTON = 'Andere reservekopie kiezen…';
export type DbErrorChoice = 'restore' | 'choose-backup' | 'open-folder' | 'retry' | 'quit';

/** The newest backup that opened with this key and passed its check: the one to offer. */
export const restorableBackup = (diagnosis: Diagnosis | null): DiagnosisBackup | null =>
  diagnosis?.backups.find((b) => b.bruikbaar) ?? null;

function dbErrorChoices(diagnosis: Diagnosis | null): { label: string; choice: DbErrorChoice }[] {
  const base: { label: string; choice: DbErrorChoice }[] = [
    { label: DB_ERROR_BUTTONS[0], choice: 'open-folder' },
    { label: DB_ERROR_BUTTONS[1], choice: 'retry' },
    { label: DB_ERROR_BUTTONS[2], choice: 'quit' },
  ];
  if (!diagnosis) return base;
  // With a diagnosis the way out is offered right here: the last good backup, or one the user picks.
  const restore = restorableBackup(diagnosis) ? [{ label: RESTORE_BUTTON, choice: 'restore' as const }] : [];
  return [...restore, { label: CHOOSE_BACKUP_BUTTON, choice: 'choose-backup' }, ...base];
}

/**
 * The window shown when the database does not open. With the diagnosis (app/diagnose.ts) it says
 * what is wrong and lists the steps, and offers to put the last good backup back; without it (the
 * diagnosis itself failed), the core's message and the general way out.
 */
export function databaseErrorDialog(message: string, userData: string, diagnosis: Diagnosis | null = null): MessageBoxOptions {
  const choices = dbErrorChoices(diagnosis);
  const quit = choices.findIndex((c) => c.choice === 'quit');
  const steps = diagnosis
    ? diagnosis.steps
    : [
        'Zet de laatste goede reservekopie terug (met de opdrachtregel: restore), of vraag uw ICT-beheerder dat te doen.',
        'Is de app bijgewerkt? Installeer dan de nieuwste versie.',
      ];
  const good = restorableBackup(diagnosis);
  return {
    type: 'error',
    title: 'Schoolprotocol – de gegevens kunnen niet worden geopend',
    message: diagnosis ? diagnosis.title : 'De gegevens van Schoolprotocol kunnen niet worden geopend.',
    detail:
      `${diagnosis ? diagnosis.explanation : message}\n\n` +
      'Wat u kunt doen:\n' +
      steps.map((s) => `• ${s}\n`).join('') +
      `• De gegevens staan in: ${userData}\n\n` +
      'Schoolprotocol heeft niets gewijzigd of overschreven.',
    buttons: choices.map((c) => c.label),
    defaultId: good ? 0 : quit,
    cancelId: quit,
    noLink: true,
  };
}

export const dbErrorChoice = (response: number, diagnosis: Diagnosis | null = null): DbErrorChoice =>
  dbErrorChoices(diagnosis)[response]?.choice ?? 'quit';

/** Confirms putting a backup back; the current file is kept aside, never overwritten. */
export function restoreConfirmDialog(backup: { pad: string; gemaaktOp: string | null }, when: string | null): MessageBoxOptions {
  return {
    type: 'question',
    title: 'Reservekopie terugzetten',
    message: when ? `De reservekopie van ${when} terugzetten?` : 'Deze reservekopie terugzetten?',
    detail:
      `${backup.pad}\n\n` +
      'Schoolprotocol controleert de reservekopie eerst. Het huidige databasebestand wordt niet overschreven maar met datum en tijd opzij gezet. ' +
      'Wat na het maken van de reservekopie is ingevoerd, moet u daarna opnieuw invoeren.',
    buttons: ['Terugzetten', 'Annuleren'],
    defaultId: 0,
    cancelId: 1,
    noLink: true,
  };
}

export function restoreResultDialog(r: { ok: boolean; message: string }): MessageBoxOptions {
  return {
    type: r.ok ? 'info' : 'error',
    title: 'Reservekopie terugzetten',
    message: r.ok ? 'De reservekopie is teruggezet.' : 'De reservekopie is niet teruggezet.',
    detail: r.message,
    buttons: ['OK'],
    noLink: true,
  };
}

export function keyStoreErrorDialog(message: string): MessageBoxOptions {
  return {
    type: 'error',
    title: 'Schoolprotocol – sleutel niet beschikbaar',
    message: 'Schoolprotocol kan niet starten.',
    detail: message,
    buttons: ['Afsluiten'],
    noLink: true,
  };
}

export function aboutDialog(version: string): MessageBoxOptions {
  return {
    type: 'info',
    title: 'Over Schoolprotocol',
    message: `Schoolprotocol ${version}`,
    detail:
      'Registratie van overtredingen van het social-mediaprotocol, maatregelen, wettelijke plichten, brieven en jaarverslagen.\n\n' +
      'Alle gegevens blijven op deze computer, versleuteld opgeslagen.',
    buttons: ['Sluiten'],
    noLink: true,
  };
}

/** Asked when the window closes while a form has unsaved changes (the renderer's beforeunload). */
export function unsavedChangesDialog(): MessageBoxOptions {
  return {
    type: 'question',
    title: 'Niet opgeslagen wijzigingen',
    message: 'U hebt wijzigingen die nog niet zijn opgeslagen.',
    detail: 'Als u nu sluit, gaan deze wijzigingen verloren.',
    buttons: ['Blijven', 'Sluiten zonder opslaan'],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  };
}

/** True when the user chose to leave without saving. */
export const leaveWithoutSaving = (response: number): boolean => response === 1;
