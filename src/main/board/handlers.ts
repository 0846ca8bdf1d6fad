// Handlers for the board's figures (src/shared/api/board.ts, docs/BOARD.md): the school's signed
// export, the check of school files and their merge into one .docx and .xlsx. A merge is all or
// nothing: any file that is not valid refuses the whole merge before anything is written.
import type { Ctx, Handlers } from '../context/context';
import type { boardApi, BoardFileCheck, BoardMergeOut } from '@shared/api/board';
import { BOARD_FILE_SUFFIX, MAX_BOARD_FILE_BYTES } from '@shared/api/board';
import type { FileOut } from '@shared/api/yearReports';
import { CoreError } from '../errors/errors';
import { boardFigures } from './figures';
import type { BoardFigures } from './figures';
import { signedFile, verifyFile } from './file';
import type { Verified } from './file';
import { fingerprint, ownKeyPair, readOwnKey, readPins, savePins } from './keys';
import type { Pins } from './keys';
import { mergeFigures } from './merge';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** "Basisschool De Linde" → "basisschool-de-linde". */
const slug = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60) || 'school';

function exportFigures(ctx: Ctx, schooljaar: string): FileOut {
  const content = boardFigures(ctx.db, schooljaar, ctx.today());
  const bestandsnaam = `${slug(content.school.naam)}-cijfers-${schooljaar}${BOARD_FILE_SUFFIX}`;
  // The key is made at the first export, in the same step as the audit entry of the export.
  const bytes = ctx.tx(() => {
    const key = ownKeyPair(ctx);
    const file = signedFile({ ...content, publiekeSleutel: key.publiek.toString('base64') }, key.prive);
    ctx.audit('bestuurscijfers', schooljaar, 'gemaakt', null, { bestandsnaam, vingerafdruk: fingerprint(key.publiek) });
    return file;
  });
  return { bestandsnaam, mime: 'application/json', inhoudBase64: bytes.toString('base64') };
}

interface Checked {
  check: BoardFileCheck;
  content: BoardFigures | null;
}

function decode(b64: string): Buffer | null {
  const bytes = Buffer.from(b64, 'base64');
  return bytes.length > MAX_BOARD_FILE_BYTES ? null : bytes;
}

/** Every file checked on its own, then against the others (duplicates, one school year) and the keys seen before. */
function checkFiles(ctx: Ctx, files: { naam: string; inhoudBase64: string }[]): Checked[] {
  const pins = readPins(ctx.db);
  const out: Checked[] = files.map((f) => {
    const bytes = decode(f.inhoudBase64);
    const v: Verified = bytes
      ? verifyFile(f.naam, bytes)
      : { ok: false, melding: `Het bestand "${f.naam}" is te groot voor een cijferbestand van een school.` };
    const base: BoardFileCheck = {
      bestandsnaam: f.naam,
      geldig: v.ok,
      melding: v.ok ? null : v.melding,
      school: v.ok ? v.content.school.naam : (v.school ?? null),
      brin: v.ok ? v.content.school.brin : (v.brin ?? null),
      schooljaar: v.ok ? v.content.schooljaar : (v.schooljaar ?? null),
      vingerafdruk: v.ok ? v.vingerafdruk : (v.vingerafdruk ?? null),
      sleutel: null,
      eerdereVingerafdruk: null,
    };
    return { check: base, content: v.ok ? v.content : null };
  });
  const valid = out.filter((c) => c.content);
  const year = valid[0]?.content?.schooljaar;
  const seen = new Map<string, string>();
  for (const c of valid) {
    const k = c.check;
    if (k.schooljaar !== year) {
      k.geldig = false;
      k.melding = `Het bestand "${k.bestandsnaam}" gaat over schooljaar ${k.schooljaar}, de andere over ${year}. Voeg alleen bestanden van hetzelfde schooljaar samen.`;
      continue;
    }
    const first = seen.get(k.brin as string);
    if (first !== undefined) {
      k.geldig = false;
      k.melding = `Het bestand "${k.bestandsnaam}" gaat over dezelfde school (${k.school}, ${k.brin}) en hetzelfde schooljaar als "${first}". Kies er één.`;
      continue;
    }
    seen.set(k.brin as string, k.bestandsnaam);
    const pin = pins[k.brin as string];
    k.sleutel = !pin ? 'nieuw' : pin.vingerafdruk === k.vingerafdruk ? 'bekend' : 'anders';
    k.eerdereVingerafdruk = k.sleutel === 'anders' ? pin.vingerafdruk : null;
  }
  return out;
}

async function merge(ctx: Ctx, files: { naam: string; inhoudBase64: string }[], confirmed: string[]): Promise<BoardMergeOut> {
  const checked = checkFiles(ctx, files);
  const bad = checked.find((c) => !c.check.geldig);
  if (bad) throw new CoreError('VALIDATIE', `${bad.check.melding} Er is niets samengevoegd.`);
  const changed = checked.find((c) => c.check.sleutel === 'anders' && !confirmed.includes(c.check.brin as string));
  if (changed) {
    const k = changed.check;
    throw new CoreError(
      'CONFLICT',
      `Het bestand "${k.bestandsnaam}" van ${k.school} (${k.brin}) is ondertekend met een andere sleutel dan de vorige keer ` +
        `(eerder ${k.eerdereVingerafdruk}, nu ${k.vingerafdruk}). Bel de school en vergelijk de vingerafdruk die de school ziet bij Rapportages → Bestuur. ` +
        'Klopt die, bevestig dan de nieuwe sleutel en voeg opnieuw samen. Er is niets samengevoegd.',
    );
  }
  const report = mergeFigures(
    checked.map((c) => ({
      content: c.content as BoardFigures,
      bestandsnaam: c.check.bestandsnaam,
      vingerafdruk: c.check.vingerafdruk as string,
    })),
    ctx.today(),
  );
  const [{ boardDocx }, { boardXlsx }] = await Promise.all([import('./docx'), import('./xlsx')]);
  const docx = await boardDocx(report);
  const xlsx = await boardXlsx(report, ctx.now());
  const base = `bestuursrapportage-socialemediaprotocol-${report.schooljaar}`;
  ctx.tx(() => {
    const pins: Pins = { ...readPins(ctx.db) };
    let changedPins = false;
    for (const c of checked) {
      const k = c.check;
      if (k.sleutel === 'bekend') continue;
      pins[k.brin as string] = { vingerafdruk: k.vingerafdruk as string, school: k.school as string, sinds: ctx.nowIso() };
      changedPins = true;
    }
    if (changedPins) savePins(ctx, pins);
    ctx.audit('bestuursrapportage', report.schooljaar, 'gemaakt', null, {
      scholen: report.scholen.map((s) => ({ brin: s.brin, vingerafdruk: s.vingerafdruk })),
      nieuweSleutelBevestigd: checked.filter((c) => c.check.sleutel === 'anders').map((c) => c.check.brin),
    });
  });
  return {
    docx: { bestandsnaam: `${base}.docx`, mime: DOCX, inhoudBase64: docx.toString('base64') },
    xlsx: { bestandsnaam: `${base}.xlsx`, mime: XLSX, inhoudBase64: xlsx.toString('base64') },
    scholen: report.scholen.length,
    schooljaar: report.schooljaar,
  };
}

export const boardHandlers: Handlers<keyof typeof boardApi> = {
  'reports.boardKey': (_input, ctx) => {
    const k = readOwnKey(ctx.db);
    return { vingerafdruk: k?.vingerafdruk ?? null, gemaaktOp: k?.gemaaktOp ?? null };
  },
  'reports.boardFigures': ({ schooljaar }, ctx) => exportFigures(ctx, schooljaar),
  'reports.boardCheck': ({ bestanden }, ctx) => checkFiles(ctx, bestanden).map((c) => c.check),
  'reports.boardMerge': async ({ bestanden, nieuweSleutelBevestigd }, ctx) => merge(ctx, bestanden, nieuweSleutelBevestigd),
};
