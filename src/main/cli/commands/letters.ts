// `letter` and `dossier`: a letter for a measure (or a report) made final — or with --concept only
// drafted — and written to a .docx of the user's choice; a person's whole dossier as one .docx
// (other pupils' names replaced, the export audited). An --out that is a folder, has the wrong
// extension or cannot be written is refused in Dutch before anything is recorded.
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { CliContext } from '../context';
import { CliError, describeError } from '../context';
import { LETTER_KINDS } from '@shared/api/letters';
import type { LetterKind, LetterRequest } from '@shared/api/letters';

/** Checks an output path before any work is done; returns it absolute. */
export function checkOutPath(out: string): string {
  const abs = path.resolve(out);
  if (fs.existsSync(abs) && fs.statSync(abs).isDirectory()) throw new CliError(`${abs} is een map. Geef een bestandsnaam op, bijvoorbeeld ${path.join(abs, 'brief.docx')}.`);
  if (!/\.docx$/i.test(abs)) throw new CliError('Geef een bestandsnaam op die eindigt op .docx.');
  const dir = path.dirname(abs);
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new CliError(`De map ${dir} bestaat niet.`);
  try {
    fs.accessSync(dir, fs.constants.W_OK);
    if (fs.existsSync(abs)) fs.accessSync(abs, fs.constants.W_OK);
  } catch {
    throw new CliError(`Naar ${abs} kan niet worden geschreven: controleer de rechten op de map en het bestand.`);
  }
  return abs;
}

/** FILE.docx for the first letter, FILE-2.docx, FILE-3.docx … for the next addressees. */
const nth = (abs: string, i: number) => (i === 0 ? abs : abs.replace(/\.docx$/i, `-${i + 1}.docx`));

const positiveId = (v: string, name: string): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new CliError(`${name} moet een positief heel getal zijn.`);
  return n;
};

interface LetterOpts {
  measure?: string;
  report?: string;
  person?: string;
  kind: string;
  out: string;
  concept?: boolean;
  datum?: string;
  tijd?: string;
  plaats?: string;
  namenBevestigd?: boolean;
  json?: boolean;
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('letter')
    .description('Maak een brief definitief (kenmerk, dossier) en schrijf hem naar een .docx')
    .option('--measure <id>', 'de maatregel waar de brief over gaat')
    .option('--report <id>', 'de melding bij een instantie (vastlegging vertrouwensinspecteur of aangifte)')
    .option('--person <id>', 'bij een vastlegging zonder persoon: in wiens dossier')
    .requiredOption('--kind <soort>', `soort brief: ${LETTER_KINDS.join(', ')}`)
    .requiredOption('--out <bestand>', 'het .docx-bestand; bij meer geadresseerden ook <bestand>-2.docx enzovoort')
    .option('--concept', 'alleen een concept zonder kenmerk; er wordt niets vastgelegd')
    .option('--datum <JJJJ-MM-DD>', 'datum van het gesprek (uitnodigingen)')
    .option('--tijd <UU:MM>', 'tijd van het gesprek (uitnodigingen)')
    .option('--plaats <tekst>', 'plaats van het gesprek (uitnodigingen)')
    .option('--namen-bevestigd', 'definitief maken, ook al noemen de feiten nog een andere leerling (na controle)')
    .option('--json', 'resultaat als JSON')
    .action(async (opts: LetterOpts) => {
      if (!(LETTER_KINDS as readonly string[]).includes(opts.kind)) throw new CliError(`Onbekende soort brief "${opts.kind}". Kies uit: ${LETTER_KINDS.join(', ')}.`);
      if (!opts.measure === !opts.report) throw new CliError('Geef --measure of --report op (één van beide).');
      const out = checkOutPath(opts.out);
      const req: LetterRequest = {
        soort: opts.kind as LetterKind,
        ...(opts.measure ? { measureId: positiveId(opts.measure, '--measure') } : {}),
        ...(opts.report ? { reportId: positiveId(opts.report, '--report') } : {}),
        ...(opts.person ? { personId: positiveId(opts.person, '--person') } : {}),
        ...(opts.datum || opts.tijd ? { afspraak: { datum: opts.datum ?? '', tijd: opts.tijd ?? '', plaats: opts.plaats ?? null } } : {}),
        ...(opts.namenBevestigd ? { namenBevestigd: true } : {}),
      };
      const core = ctx.openCore();
      try {
        if (opts.concept) {
          const r = await core.invoke('letters.conceptDocx', req);
          if (!r.ok) throw new CliError(describeError(r.error));
          const written: string[] = [];
          for (const [i, b] of r.value.brieven.entries()) {
            fs.writeFileSync(nth(out, i), Buffer.from(b.inhoudBase64, 'base64'));
            written.push(nth(out, i));
          }
          if (opts.json) return ctx.json({ concept: true, bestanden: written, waarschuwingen: r.value.waarschuwingen });
          for (const w of r.value.waarschuwingen) ctx.err(`Let op: ${w}`);
          for (const f of written) ctx.out(`Concept geschreven: ${f}`);
          return;
        }
        const r = await core.invoke('letters.finalise', req);
        if (!r.ok) throw new CliError(describeError(r.error));
        const written: { kenmerk: string; bestand: string; geadresseerde: string; sha256: string }[] = [];
        for (const [i, b] of r.value.brieven.entries()) {
          const dl = await core.invoke('letters.download', { id: b.id });
          if (!dl.ok) throw new CliError(describeError(dl.error));
          const bytes = Buffer.from(dl.value.inhoudBase64, 'base64');
          try {
            fs.writeFileSync(nth(out, i), bytes);
          } catch (e) {
            throw new CliError(`Brief ${b.kenmerk} is definitief en vastgelegd, maar kon niet naar ${nth(out, i)} worden geschreven: ${(e as Error).message}`);
          }
          written.push({ kenmerk: b.kenmerk, bestand: nth(out, i), geadresseerde: b.geadresseerde, sha256: b.sha256 });
        }
        if (opts.json) return ctx.json({ brieven: written, verplichtingenAfgerond: r.value.verplichtingenAfgerond });
        for (const w of written) ctx.out(`${w.kenmerk}  aan ${w.geadresseerde}  →  ${w.bestand}`);
        for (const v of r.value.verplichtingenAfgerond) ctx.out(`Afgerond: ${v}`);
      } finally {
        core.close();
      }
    });

  program
    .command('dossier')
    .description('Exporteer het hele dossier van een persoon als .docx (namen van andere leerlingen vervangen; vastgelegd in het logboek)')
    .requiredOption('--person <id>', 'de persoon')
    .requiredOption('--out <bestand>', 'het .docx-bestand')
    .option('--json', 'resultaat als JSON')
    .action(async (opts: { person: string; out: string; json?: boolean }) => {
      const personId = positiveId(opts.person, '--person');
      const out = checkOutPath(opts.out);
      const core = ctx.openCore();
      try {
        // Through the contract like every door: validated, audited, a copy kept in the app's exports.
        const e = await core.invoke('letters.dossierExport', { personId, reden: 'overig', toelichting: 'Gemaakt met de opdrachtregel.' });
        if (!e.ok) throw new CliError(describeError(e.error));
        fs.writeFileSync(out, Buffer.from(e.value.inhoudBase64, 'base64'));
        const r = e.value;
        if (opts.json) return ctx.json({ bestand: out, sha256: r.sha256, vervangenNamen: r.vervangenNamen });
        ctx.out(`Dossier geschreven: ${out} (namen van ${r.vervangenNamen} andere leerling(en) vervangen)`);
      } finally {
        core.close();
      }
    });
}
