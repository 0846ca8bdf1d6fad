// Writing a file the core made (FileOut: base64 + name) to the path the user gave, for the
// report, calendar and export commands.
import fs from 'node:fs';
import path from 'node:path';
import type { FileOut } from '@shared/api/yearReports';
import { CliError } from '../context';

export function writeFileOut(file: FileOut, out: string, ext: string): string {
  const target = path.resolve(out);
  if (path.extname(target).toLowerCase() !== `.${ext}`)
    throw new CliError(`Geef een bestandsnaam die eindigt op .${ext} (bijvoorbeeld ${file.bestandsnaam}).`);
  if (!fs.existsSync(path.dirname(target))) throw new CliError(`De map ${path.dirname(target)} bestaat niet.`);
  fs.writeFileSync(target, Buffer.from(file.inhoudBase64, 'base64'));
  return target;
}
