// Figures for the school board (docs/BOARD.md): each school exports the de-identified figures of one
// school year as a signed file; the board's copy of the app checks and merges any number of them
// into one Word report and one Excel workbook. No pupil data leaves a school: only counts, with the
// small ones suppressed exactly as in the yearly report's version for outside the school.
import { z } from 'zod';
import type { FileOut } from './yearReports';
import { schooljaar } from './common';
import { read, writeInSteps } from './define';
import { CIJFERS, SCHOOLLEIDER } from './roles';

/** The file name ending of a school's figures for the board. */
export const BOARD_FILE_SUFFIX = '.spcijfers.json';
/** A figures file is some 30 kB; anything far larger is not one. */
export const MAX_BOARD_FILE_BYTES = 512 * 1024;
/** How many school files one merge takes. */
export const MAX_BOARD_FILES = 100;

/** The school's own signing key, as shown in the app so the board can compare it by phone. */
export interface BoardKey {
  /** Eight groups of four characters, e.g. "3F2A 9C01 …"; null until the first export made the key. */
  vingerafdruk: string | null;
  /** When the key was made (ISO timestamp), or null. */
  gemaaktOp: string | null;
}

export const boardFileInput = z.object({
  naam: z.string({ error: 'Kies een bestand.' }).min(1, { error: 'Kies een bestand.' }).max(255, { error: 'De bestandsnaam is te lang.' }),
  // Base64 of at most MAX_BOARD_FILE_BYTES.
  inhoudBase64: z
    .string({ error: 'Kies een bestand.' })
    .max(Math.ceil((MAX_BOARD_FILE_BYTES * 4) / 3) + 4, { error: 'Dit bestand is te groot voor een cijferbestand van een school.' }),
});

const files = z
  .array(boardFileInput, { error: 'Kies een of meer bestanden.' })
  .min(1, { error: 'Kies een of meer bestanden.' })
  .max(MAX_BOARD_FILES, { error: `Kies hoogstens ${MAX_BOARD_FILES} bestanden tegelijk.` });

/** What the check of one file found. */
export interface BoardFileCheck {
  bestandsnaam: string;
  /** True when the file can be merged (a changed key still needs the user's confirmation). */
  geldig: boolean;
  /** Why the file cannot be used, in Dutch; null when it can. */
  melding: string | null;
  school: string | null;
  brin: string | null;
  schooljaar: string | null;
  vingerafdruk: string | null;
  /** 'nieuw': first file of this BRIN here; 'bekend': the same key as before; 'anders': another key than before. */
  sleutel: 'nieuw' | 'bekend' | 'anders' | null;
  /** The fingerprint seen before for this BRIN, when it differs. */
  eerdereVingerafdruk: string | null;
}

export interface BoardMergeOut {
  docx: FileOut;
  xlsx: FileOut;
  scholen: number;
  schooljaar: string;
}

export const boardApi = {
  /** The fingerprint of the school's signing key (made at the first export). */
  'reports.boardKey': read<BoardKey>()(z.object({}), { rollen: CIJFERS }),
  /** The school's de-identified figures of one school year as a signed .spcijfers.json file. Audited. */
  'reports.boardFigures': read<FileOut>()(z.object({ schooljaar }), { rollen: SCHOOLLEIDER }),
  /** Checks school files before merging: signature, format, duplicates, the key seen before. Writes nothing. */
  'reports.boardCheck': read<BoardFileCheck[]>()(z.object({ bestanden: files }), { rollen: SCHOOLLEIDER }),
  /**
   * Merges school files into one .docx and one .xlsx. Every file must be valid; a school whose key
   * differs from the one seen before is refused unless its BRIN is in `nieuweSleutelBevestigd`.
   * Remembers each school's key fingerprint (settings) and records the merge in the audit trail.
   */
  'reports.boardMerge': writeInSteps<BoardMergeOut>()(
    z.object({
      bestanden: files,
      nieuweSleutelBevestigd: z.array(z.string().max(10)).max(MAX_BOARD_FILES).default([]),
    }),
    { rollen: SCHOOLLEIDER },
  ),
};
