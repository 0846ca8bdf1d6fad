// Precision and recall of the protocol importer against labelled answer keys
// (test/fixtures/imports/keys/*.json, one per protocol in test/fixtures/imports/protocols):
//   npm run protocol:precision            a table in Markdown (docs/PROTOCOL-IMPORT.md)
//   npm run protocol:precision -- --json  the same figures as JSON
// A key lists the line (paragraph, for .docx) where each real rule starts, twice when two rules
// share a line, and the lines that are headings, titles or version/date lines. A proposed rule is
// right when it starts on a rule line and has no heading or version line glued to its start or end.
// A section title is right when each of its parts is the text of a heading line.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractLines } from '../src/main/imports/protocol/extract';
import { isMetaLine, norm, toBlocks } from '../src/main/imports/protocol/blocks';
import { parseProtocol } from '../src/main/imports/protocol/parse';

export interface Key {
  bestand: string;
  regels: number[];
  koppen: number[];
}

export interface Score {
  bestand: string;
  voorgesteld: number;
  juist: number;
  echteRegels: number;
  gevonden: number;
  secties: number;
  kopJuist: number;
}

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const FIX = path.join(ROOT, 'test/fixtures/imports');

/** Heading text as a title would show it: no trailing colon, one space. */
const kopTekst = (s: string) => norm(s).replace(/:$/, '').toLowerCase();

export async function score(key: Key): Promise<Score> {
  const bytes = fs.readFileSync(path.join(FIX, 'protocols', key.bestand));
  const ext = key.bestand.split('.').pop()!.toLowerCase();
  const { lines } = await extractLines({ naam: key.bestand, ext, bytes, sha256: '' });
  const parsed = parseProtocol(toBlocks(lines));
  const text = (regel: number) => norm(lines.find((l) => l.regel === regel)?.text ?? '');
  const koppen = key.koppen.map(text).filter((t) => t.length >= 3);
  const open = [...key.regels];
  let juist = 0;
  const rules = parsed.secties.flatMap((s) => s.regels);
  for (const r of rules) {
    const i = open.indexOf(r.regel);
    if (i < 0) continue;
    open.splice(i, 1);
    const t = norm(r.tekst);
    const glued = koppen.some((k) => t !== k && (t.startsWith(k) || t.endsWith(k)));
    if (!glued) juist++;
  }
  // A heading counts with and without its number ("1.2. Uitgangspunten", "Artikel 2 Regels").
  // A heading wrapped onto the next line (two heading lines in a row, the second no version line).
  const wrapped = key.koppen.filter((k) => key.koppen.includes(k + 1) && !isMetaLine(text(k + 1))).map((k) => `${text(k)} ${text(k + 1)}`);
  const kopNamen = new Set(
    [...koppen, ...wrapped].flatMap((k) => [
      kopTekst(k),
      kopTekst(k.replace(/^(?:artikel\s+)?[0-9A-Z]{1,4}(?:\.[0-9]{1,2})*[.)]?\s+/i, '')),
    ]),
  );
  const kopJuist = parsed.secties.filter((s) =>
    s.titel
      .split(' — ')
      .map((p) => kopTekst(p.replace(/ \(vervolg\)$/, '')))
      .every((p) => kopNamen.has(p)),
  ).length;
  return {
    bestand: key.bestand,
    voorgesteld: rules.length,
    juist,
    echteRegels: key.regels.length,
    gevonden: key.regels.length - open.length,
    secties: parsed.secties.length,
    kopJuist,
  };
}

export function readKeys(): Key[] {
  const dir = path.join(FIX, 'keys');
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as Key);
}

const pct = (a: number, b: number) => (b === 0 ? '–' : `${Math.round((100 * a) / b)}%`);

async function main() {
  const scores = await Promise.all(readKeys().map(score));
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(scores, null, 2));
    return;
  }
  const total = scores.reduce(
    (t, s) => ({
      voorgesteld: t.voorgesteld + s.voorgesteld,
      juist: t.juist + s.juist,
      echteRegels: t.echteRegels + s.echteRegels,
      gevonden: t.gevonden + s.gevonden,
      secties: t.secties + s.secties,
      kopJuist: t.kopJuist + s.kopJuist,
    }),
    { voorgesteld: 0, juist: 0, echteRegels: 0, gevonden: 0, secties: 0, kopJuist: 0 },
  );
  console.log('| protocol | voorgesteld | juist | precisie | echte regels | gevonden | recall | kopjes juist |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const s of [...scores, { bestand: '**totaal**', ...total }]) {
    console.log(
      `| ${s.bestand} | ${s.voorgesteld} | ${s.juist} | ${pct(s.juist, s.voorgesteld)} | ${s.echteRegels} | ${s.gevonden} | ${pct(s.gevonden, s.echteRegels)} | ${s.kopJuist}/${s.secties} |`,
    );
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
