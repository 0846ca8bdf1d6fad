// Folder and file paths that come from the user (the backup folder, a backup to restore). They
// are checked before anything touches the disk: absolute, no "..", no control characters, not too
// long, not inside the app's own data folder, and of the right kind (folder or file).
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { CoreError } from '../errors/errors';

export const MAX_PATH = 1000;

/** The zod schema for a path field: the shape only; existence is checked by checkFolder/checkFile. */
export const pathField = z
  .string({ error: 'Kies een map of bestand.' })
  .trim()
  .min(1, { error: 'Kies een map of bestand.' })
  .max(MAX_PATH, { error: `Dit pad is te lang (hoogstens ${MAX_PATH} tekens).` })
  .refine((s) => !/[\u0000-\u001F\u007F]/.test(s), { error: 'Dit pad bevat ongeldige tekens.' })
  .refine((s) => path.isAbsolute(s) || path.win32.isAbsolute(s), {
    error: 'Gebruik een volledig pad (bijvoorbeeld D:\\Reservekopieën of \\\\server\\map).',
  })
  .refine((s) => !s.split(/[\\/]+/).includes('..'), { error: 'Een pad met ".." is niet toegestaan; kies de map zelf.' });

function shape(p: string, field: string): string {
  const r = pathField.safeParse(p);
  if (!r.success) throw new CoreError('VALIDATIE', r.error.issues[0].message, field, { [field]: r.error.issues[0].message });
  return path.resolve(r.data);
}

const inside = (child: string, parent: string) => {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
};

/** An existing, writable folder outside the app's data folder (where backups go). */
export function checkFolder(p: string, field: string, opts: { notInside?: string[] } = {}): string {
  const dir = shape(p, field);
  let real: string;
  try {
    real = fs.realpathSync(dir);
  } catch {
    throw new CoreError('VALIDATIE', `De map bestaat niet of is niet bereikbaar: ${dir}`, field, {
      [field]: 'De map bestaat niet of is niet bereikbaar.',
    });
  }
  if (!fs.statSync(real).isDirectory())
    throw new CoreError('VALIDATIE', 'Dit is een bestand, geen map. Kies een map.', field, { [field]: 'Kies een map.' });
  // The root of a Unix system is never a backup folder (a drive root such as D:\ on Windows is fine).
  if (path.sep === '/' && real === '/') {
    throw new CoreError('VALIDATIE', 'Kies een map, niet de hoofdmap van het systeem.', field, {
      [field]: 'Kies een map, niet de hoofdmap.',
    });
  }
  for (const forbidden of opts.notInside ?? []) {
    let f = path.resolve(forbidden);
    try {
      f = fs.realpathSync(f);
    } catch {
      // not created yet: compare the plain path
    }
    if (inside(real, f)) {
      throw new CoreError(
        'VALIDATIE',
        'Kies een map buiten de eigen map van de app; anders gaat een kopie samen met het origineel verloren.',
        field,
        {
          [field]: 'Kies een map buiten de map van de app.',
        },
      );
    }
  }
  try {
    fs.accessSync(real, fs.constants.W_OK);
  } catch {
    throw new CoreError(
      'VALIDATIE',
      'In deze map mag de app niet schrijven. Kies een andere map of vraag de beheerder om schrijfrechten.',
      field,
      {
        [field]: 'Geen schrijfrechten in deze map.',
      },
    );
  }
  return real;
}

/** An existing file or folder to read from (a backup to restore). */
export function checkSource(p: string, field: string): string {
  const src = shape(p, field);
  try {
    return fs.realpathSync(src);
  } catch {
    throw new CoreError('VALIDATIE', `Dit bestand of deze map bestaat niet: ${src}`, field, { [field]: 'Bestaat niet.' });
  }
}

export { inside as isInside };
