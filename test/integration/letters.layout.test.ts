// The window envelope: every letter kind (both text variants, with and without a logo, concept and
// final, the longest vermelding) is rendered to PDF by LibreOffice in one batch, and the address is
// measured with pdftotext -bbox. The first address line must sit at the same place in every letter
// (±0.5 pt) and the whole address inside the window; page 1 carries "Pagina 1 van N".
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { Resvg } from '@resvg/resvg-js';
import { makeTestCore } from '../support/core';
import type { TestCore } from '../support/core';
import type { LetterKind, LetterModel, LetterRequest } from '../../src/shared/api/letters';
import { LETTER_KINDS } from '../../src/shared/api/letters';
import { letterDocx } from '../../src/main/letters/letterDocx';
import { ADDRESS_FIELD } from '../../src/main/letters/docxBase';
import type { Letterhead } from '../../src/main/letters/docxBase';
import { KINDS } from '../../src/main/letters/kinds';
import { seed, schorsing } from './letters.fixture';

const PT_PER_MM = 72 / 25.4;
/** The window this layout promises (DIN 676 form B / DIN 680 window, see docxBase): mm from the page's top-left. */
const WINDOW = { left: 20, right: 105, top: 45, bottom: 90 };

const has = (cmd: string) => {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
// CI has LibreOffice and poppler-utils (see scripts/render-letters.ts); elsewhere the test is skipped.
const tools = has('soffice') && has('pdftotext');
if (!tools && process.env.CI) throw new Error('LibreOffice (soffice) en pdftotext (poppler-utils) zijn nodig voor deze test.');

interface Word {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

function pageOneWords(pdf: string): Word[] {
  const html = execFileSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', pdf, '-'], { encoding: 'utf8' });
  const unescape = (s: string) =>
    s
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'");
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    xMin: +m[1],
    yMin: +m[2],
    xMax: +m[3],
    yMax: +m[4],
    text: unescape(m[5]),
  }));
}

/** The words of one line of text, found as a run of consecutive words on page 1 (top-most match). */
function findLine(words: Word[], line: string): Word[] | null {
  const want = line.split(/\s+/).filter(Boolean);
  for (let i = 0; i + want.length <= words.length; i++) {
    if (want.every((w, j) => words[i + j].text === w)) return words.slice(i, i + want.length);
  }
  return null;
}

function pngLogo(w: number, h: number): Buffer {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}"><rect width="${w}" height="${h}" fill="#2f7d4f"/></svg>`;
  return Buffer.from(new Resvg(svg).render().asPng());
}

let t: TestCore;
const docs: { name: string; model: LetterModel }[] = [];
let outDir = '';

beforeAll(async () => {
  if (!tools) return;
  t = makeTestCore({ now: '2026-11-16T09:00:00Z' });
  const s = await seed(t);
  // A tall logo: the tallest the letterhead takes (22 mm), so a taller letterhead cannot push the field.
  const logoBytes = pngLogo(200, 400);
  await t.call('letters.settings.save', { logoBase64: logoBytes.toString('base64') });
  const m = async (input: Parameters<TestCore['call']>[1] & object) => (await t.call('measures.create', input as never)).id;
  const daan = { incidentId: s.incidentId, personId: s.daanId, besluitDatum: '2026-11-16' };
  const voornemen = await m({ ...daan, soort: 'voornemen_verwijdering', status: 'voorgenomen', beoogdBesluit: '2026-12-07' });
  const verwijdering = await m({ ...daan, soort: 'verwijdering', status: 'voorgenomen', startdatum: '2026-12-01' });
  for (const [gehoord, personId] of [
    ['leerling', s.daanId],
    ['ouders', s.annaId],
    ['docent', s.docentId],
  ] as const) {
    await t.call('obligations.hearings.add', { measureId: verwijdering, gehoord, personId, datum: '2026-11-12', door: 'M. de Boer' });
  }
  const smit = { incidentId: s.incidentId, personId: s.docentId, besluitDatum: '2026-11-16' };
  const staffSchorsing = await m({
    ...smit,
    soort: 'schorsing',
    status: 'besloten',
    startdatum: '2026-11-23',
    einddatum: '2026-12-04',
    toelichting: 'Uw zienswijze verandert het besluit niet.',
  });
  await t.call('obligations.hearings.add', {
    measureId: staffSchorsing,
    gehoord: 'medewerker',
    personId: s.docentId,
    datum: '2026-11-13',
    door: 'M. de Boer',
  });
  const report = async (instantie: 'vertrouwensinspecteur' | 'politie') =>
    (
      await t.call('externalReports.create', {
        incidentId: s.incidentId,
        personId: s.daanId,
        instantie,
        soort: instantie === 'politie' ? 'aangifte' : 'consultatie',
        datum: '2026-11-13',
        door: 'M. de Boer',
      })
    ).id;
  const afspraak = { datum: '2026-11-18', tijd: '15:30' };
  const requests: Record<LetterKind, LetterRequest> = {
    uitnodiging_gesprek: {
      soort: 'uitnodiging_gesprek',
      measureId: await m({ ...daan, soort: 'gesprek', status: 'voorgenomen' }),
      afspraak,
    },
    uitnodiging_hoorgesprek: { soort: 'uitnodiging_hoorgesprek', measureId: voornemen, afspraak },
    waarschuwing: { soort: 'waarschuwing', measureId: await m({ ...daan, soort: 'waarschuwing' }) },
    bevestiging_maatregel: {
      soort: 'bevestiging_maatregel',
      measureId: await m({ ...daan, soort: 'inname_telefoon', startdatum: '2026-11-16' }),
      bijlagen: ['Uittreksel socialemediaprotocol'],
    },
    schorsing: { soort: 'schorsing', measureId: await schorsing(t, s) },
    voornemen_verwijdering: { soort: 'voornemen_verwijdering', measureId: voornemen },
    besluit_verwijdering: { soort: 'besluit_verwijdering', measureId: verwijdering },
    toegangsverbod: {
      soort: 'toegangsverbod',
      measureId: await m({ personId: s.ouderId, soort: 'toegangsverbod', besluitDatum: '2026-11-16', startdatum: '2026-11-17' }),
    },
    personeel_uitnodiging: {
      soort: 'personeel_uitnodiging',
      measureId: await m({ ...smit, soort: 'gesprek', status: 'voorgenomen' }),
      afspraak,
    },
    personeel_waarschuwing: { soort: 'personeel_waarschuwing', measureId: await m({ ...smit, soort: 'waarschuwing' }) },
    personeel_voornemen: {
      soort: 'personeel_voornemen',
      measureId: await m({ ...smit, soort: 'schriftelijke_berisping', status: 'voorgenomen' }),
    },
    personeel_besluit: { soort: 'personeel_besluit', measureId: staffSchorsing },
    vastlegging_vertrouwensinspecteur: { soort: 'vastlegging_vertrouwensinspecteur', reportId: await report('vertrouwensinspecteur') },
    vastlegging_aangifte: { soort: 'vastlegging_aangifte', reportId: await report('politie') },
  };
  const logo: Letterhead['logo'] = { data: logoBytes, type: 'png', breedteMm: 0, hoogteMm: 0 };
  outDir = path.join(t.dir, 'pdf');
  fs.mkdirSync(outDir);
  let n = 0;
  for (const soort of LETTER_KINDS) {
    const preview = await t.call('letters.preview', requests[soort]);
    for (const [i, model] of preview.brieven.entries()) {
      // Concept and final alternate: the CONCEPT mark must not move the field.
      const final = { ...model, kenmerk: i % 2 ? null : `2026-${String(++n).padStart(4, '0')}` };
      const withLogo = { ...logo, ...model.briefhoofd.logo! };
      docs.push({ name: `${soort}-${i}-logo`, model: final });
      fs.writeFileSync(path.join(t.dir, `${soort}-${i}-logo.docx`), await letterDocx(final, withLogo));
      if (i === 0) {
        const plain = { ...final, briefhoofd: { ...final.briefhoofd, logo: null } };
        docs.push({ name: `${soort}-${i}-tekst`, model: plain });
        fs.writeFileSync(path.join(t.dir, `${soort}-${i}-tekst.docx`), await letterDocx(plain, null));
      }
    }
  }
  // The longest vermelding of any kind, on a letter that had none, and a correction (extra reference line).
  const longest = Object.values(KINDS).reduce((a, k) => (k.vermelding.length > a.length ? [...k.vermelding] : a), [] as string[]);
  const base = docs[0].model;
  const extra = { ...base, vermelding: longest, correctieVan: '2026-0001', kenmerk: null };
  docs.push({ name: 'langste-vermelding', model: extra });
  fs.writeFileSync(path.join(t.dir, 'langste-vermelding.docx'), await letterDocx(extra, { ...logo, ...base.briefhoofd.logo! }));

  // One LibreOffice run for all documents, with a profile of its own.
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=file://${path.join(t.dir, 'lo-profile')}`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      outDir,
      ...docs.map((d) => path.join(t.dir, `${d.name}.docx`)),
    ],
    {
      stdio: 'pipe',
      timeout: 240_000,
    },
  );
}, 300_000);
afterAll(() => t?.cleanup());

describe.skipIf(!tools)('the address field in the window envelope', () => {
  it('renders every kind, both variants, with and without logo', () => {
    expect(docs.length).toBeGreaterThanOrEqual(LETTER_KINDS.length * 2);
    const kinds = new Set(docs.map((d) => d.model.soort));
    expect([...kinds].sort()).toEqual([...LETTER_KINDS].sort());
    const variants = new Set(docs.map((d) => `${d.model.soort}:${d.model.variant}`));
    // The adult "u" texts go to the same pupil's address as "persoon" (letters.truth.test.ts makes them).
    for (const k of LETTER_KINDS) for (const v of KINDS[k].varianten.filter((x) => x !== 'volwassene')) expect(variants.has(`${k}:${v}`), `${k} ${v}`).toBe(true);
    for (const d of docs) expect(fs.existsSync(path.join(outDir, `${d.name}.pdf`)), d.name).toBe(true);
  });

  it('puts the first address line at the same place in every letter, inside the window, with the vermelding above it', () => {
    const firstLines: { name: string; x: number; y: number }[] = [];
    for (const d of docs) {
      const words = pageOneWords(path.join(outDir, `${d.name}.pdf`));
      const lines = d.model.geadresseerde.regels.map((r) => findLine(words, r));
      lines.forEach((l, i) => expect(l, `${d.name}: adresregel "${d.model.geadresseerde.regels[i]}"`).not.toBeNull());
      const all = lines.flat() as Word[];
      const first = lines[0]!;
      firstLines.push({ name: d.name, x: first[0].xMin, y: Math.min(...first.map((w) => w.yMin)) });
      // The whole address inside the window, a few millimetres from its edges.
      expect(Math.min(...all.map((w) => w.xMin)), d.name).toBeGreaterThanOrEqual((WINDOW.left + 3) * PT_PER_MM);
      expect(Math.max(...all.map((w) => w.xMax)), d.name).toBeLessThanOrEqual((WINDOW.right - 3) * PT_PER_MM);
      expect(Math.min(...all.map((w) => w.yMin)), d.name).toBeGreaterThanOrEqual((WINDOW.top + 3) * PT_PER_MM);
      expect(Math.max(...all.map((w) => w.yMax)), d.name).toBeLessThanOrEqual((WINDOW.bottom - 3) * PT_PER_MM);
      // Each line below the previous one: nothing overlaps or is cut off.
      for (let i = 1; i < lines.length; i++) expect(lines[i]![0].yMin, d.name).toBeGreaterThan(lines[i - 1]![0].yMin);
      // "Aangetekend" / "Persoonlijk en vertrouwelijk" inside the field, above the address.
      for (const v of d.model.vermelding) {
        const line = findLine(words, v);
        expect(line, `${d.name}: ${v}`).not.toBeNull();
        expect(line![0].yMin, d.name).toBeGreaterThanOrEqual(ADDRESS_FIELD.top * PT_PER_MM - 0.5);
        expect(line![0].yMax, d.name).toBeLessThanOrEqual(first[0].yMin + 0.5);
        expect(Math.abs(line![0].xMin - first[0].xMin), d.name).toBeLessThanOrEqual(0.5);
      }
    }
    const ref = firstLines[0];
    for (const f of firstLines) {
      expect(Math.abs(f.x - ref.x), `${f.name} links`).toBeLessThanOrEqual(0.5);
      expect(Math.abs(f.y - ref.y), `${f.name} boven`).toBeLessThanOrEqual(0.5);
    }
    // Where the layout says: 25 mm from the left, the address from 58 mm down (its first line's ink just below).
    expect(ref.x / PT_PER_MM).toBeCloseTo(ADDRESS_FIELD.left, 0);
    expect(ref.y / PT_PER_MM).toBeGreaterThanOrEqual(ADDRESS_FIELD.adresTop - 0.5);
    expect(ref.y / PT_PER_MM).toBeLessThan(ADDRESS_FIELD.adresTop + 2);
  });

  it('numbers page 1 too: "Pagina 1 van N"', () => {
    for (const d of docs) {
      const words = pageOneWords(path.join(outDir, `${d.name}.pdf`));
      const i = words.findIndex((w, j) => w.text === 'Pagina' && words[j + 1]?.text === '1' && words[j + 2]?.text === 'van');
      expect(i, d.name).toBeGreaterThanOrEqual(0);
      expect(Number(words[i + 3].text), d.name).toBeGreaterThanOrEqual(1);
      // At the foot of the page.
      expect(words[i].yMin, d.name).toBeGreaterThan(270 * PT_PER_MM);
    }
  });

  it('signs decisions on behalf of the bevoegd gezag, and only decisions', () => {
    for (const d of docs) {
      const namens = d.model.ondertekening.namens;
      if (KINDS[d.model.soort].namens)
        expect(namens, d.name).toBe('Namens het bevoegd gezag van Stichting Voortgezet Onderwijs Rivierenland');
      else expect(namens, d.name).toBeNull();
    }
  });
});
