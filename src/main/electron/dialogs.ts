// Dutch dialogs of the Electron door, as pure content (tested) plus the one place that shows them.
// When the database cannot be opened (wrong key, damaged, newer version) the user sees the core's
// Dutch message and the way out, never a blank window: open the data folder (to restore a
// backup or hand it to IT), try again, or close. Nothing is ever overwritten.
import type { MessageBoxOptions } from 'electron';

export const DB_ERROR_BUTTONS = ['Gegevensmap openen', 'Opnieuw proberen', 'Afsluiten'] as const;
export type DbErrorChoice = 'open-folder' | 'retry' | 'quit';

export function databaseErrorDialog(message: string, userData: string): MessageBoxOptions {
  return {
    type: 'error',
    title: 'Schoolprotocol – de gegevens kunnen niet worden geopend',
    message: 'De gegevens van Schoolprotocol kunnen niet worden geopend.',
    detail:
      `${message}\n\n` +
      'Wat u kunt doen:\n' +
      '• Zet de laatste goede reservekopie terug (Instellingen › Reservekopieën, of met de opdrachtregel: restore), of vraag uw ICT-beheerder dat te doen.\n' +
      '• Is de app bijgewerkt? Installeer dan de nieuwste versie.\n' +
      `• De gegevens staan in: ${userData}\n\n` +
      'Schoolprotocol heeft niets gewijzigd of overschreven.',
    buttons: [...DB_ERROR_BUTTONS],
    defaultId: 2,
    cancelId: 2,
    noLink: true,
  };
}

export const dbErrorChoice = (response: number): DbErrorChoice => (response === 0 ? 'open-folder' : response === 1 ? 'retry' : 'quit');

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
