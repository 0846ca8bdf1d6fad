// `import roster FILE` and `import protocol FILE`: the imports on the command line, through the same
// API as the app. A roster import prints the dry run (--dry-run) or applies it in one transaction;
// a protocol import prints the sections and rules (--dry-run) or saves them as a new version whose
// rules continue the matched rules of the previous version. --json prints the result as JSON.
// Exit code 1 when the file has errors (nothing is written then, unless --fouten-overslaan).
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { CliContext } from '../context';
import { CliError, describeError } from '../context';
import type { Core } from '../../app/core';
import { ROSTER_VELDEN } from '@shared/api/imports';
import type { ProtocolDraft, ProtocolMatch, RosterPlan, RosterSoort, RosterVeld } from '@shared/api/imports';
import type { MethodName, Input, Output } from '@shared/api';
import { formatTable } from '../table';
import { headerKey } from '../../imports/roster/fields';

async function call<M extends MethodName>(core: Core, method: M, input: Input<M>): Promise<Output<M>> {
  const r = await core.invoke(method, input);
  if (!r.ok) throw new CliError(describeError(r.error));
  return r.value;
}

function readBestand(file: string): { naam: string; inhoud: string } {
  const p = path.resolve(file);
  if (!fs.existsSync(p)) throw new CliError(`Het bestand ${p} bestaat niet.`);
  if (fs.statSync(p).isDirectory()) throw new CliError(`${p} is een map, geen bestand.`);
  return { naam: path.basename(p), inhoud: fs.readFileSync(p).toString('base64') };
}

/**
 * --mapping "STAMNR=leerlingnummer,ROEPNAAM=roepnaam" (a header name or a column number from 1),
 * or --mapping @koppeling.json with such an object or an array of fields per column.
 */
export function parseMapping(spec: string, headers: string[]): (RosterVeld | null)[] {
  let pairs: [string, string | null][];
  if (spec.startsWith('@')) {
    const file = path.resolve(spec.slice(1));
    if (!fs.existsSync(file)) throw new CliError(`Het koppelingsbestand ${file} bestaat niet.`);
    let json: unknown;
    try {
      json = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch {
      throw new CliError(`Het koppelingsbestand ${file} is geen geldige JSON.`);
    }
    if (Array.isArray(json)) pairs = json.map((v, i) => [String(i + 1), v === null || v === '' ? null : String(v)]);
    else if (json && typeof json === 'object')
      pairs = Object.entries(json as Record<string, unknown>).map(([k, v]) => [k, v === null || v === '' ? null : String(v)]);
    else throw new CliError('Het koppelingsbestand moet een object {"KOLOM": "veld"} of een lijst met velden per kolom bevatten.');
  } else {
    pairs = spec
      .split(',')
      .filter((p) => p.trim() !== '')
      .map((p) => {
        const i = p.lastIndexOf('=');
        if (i < 1) throw new CliError(`Gebruik --mapping als KOLOM=veld,KOLOM=veld (fout bij "${p}").`);
        const v = p.slice(i + 1).trim();
        return [p.slice(0, i).trim(), v === '' || v === '-' ? null : v];
      });
  }
  const out: (RosterVeld | null)[] = headers.map(() => null);
  for (const [kolom, veld] of pairs) {
    const index = /^\d+$/.test(kolom) ? Number(kolom) - 1 : headers.findIndex((h) => headerKey(h) === headerKey(kolom));
    if (index < 0 || index >= headers.length)
      throw new CliError(`Kolom "${kolom}" staat niet in het bestand. Kolommen: ${headers.join(', ')}.`);
    if (veld !== null && !(ROSTER_VELDEN as readonly string[]).includes(veld))
      throw new CliError(`Onbekend veld "${veld}". Kies uit: ${ROSTER_VELDEN.join(', ')}.`);
    out[index] = veld as RosterVeld | null;
  }
  return out;
}

function printPlan(ctx: CliContext, plan: RosterPlan, applied: boolean): void {
  const tt = plan.totalen;
  ctx.out(
    `${applied ? 'Ingelezen' : 'Proefimport (er is niets gewijzigd)'}: ${plan.formaat.toUpperCase()}, ${plan.soort}, bron "${plan.bronNaam}"${plan.volledig ? ', volledige lijst' : ''}.`,
  );
  ctx.out(
    `${tt.rijen} rijen: ${tt.aanmaken} nieuw, ${tt.bijwerken} bijgewerkt, ${tt.ongewijzigd} ongewijzigd, ${tt.overgeslagen} overgeslagen, ${tt.uitschrijven} uitgeschreven. ` +
      `Ouders/verzorgers: ${tt.oudersAanmaken} nieuw, ${tt.oudersKoppelen} gekoppeld, ${tt.oudersBijwerken} bijgewerkt.`,
  );
  if (plan.aanmaken.length) {
    ctx.out('');
    ctx.out('Nieuw:');
    ctx.out(
      formatTable(
        ['Regel', 'Nummer', 'Naam', 'Groep/klas'],
        plan.aanmaken.map((a) => [String(a.regel), a.sleutel, a.naam, a.groep ?? '']),
      ),
    );
  }
  if (plan.bijwerken.length) {
    ctx.out('');
    ctx.out('Bijgewerkt:');
    const fmt = (v: string | number | null) => (v === null ? '(leeg)' : String(v));
    ctx.out(
      formatTable(
        ['Regel', 'Nummer', 'Naam', 'Wijzigingen'],
        plan.bijwerken.map((b) => [
          String(b.regel),
          b.sleutel,
          b.naam,
          b.wijzigingen.map((w) => `${w.veld}: ${fmt(w.oud)} → ${fmt(w.nieuw)}`).join('; '),
        ]),
        80,
      ),
    );
  }
  if (plan.uitschrijven.length) {
    ctx.out('');
    ctx.out('Uitgeschreven (niet meer in de lijst; niet verwijderd):');
    ctx.out(
      formatTable(
        ['Nummer', 'Naam', 'Groep/klas'],
        plan.uitschrijven.map((u) => [u.sleutel, u.naam, u.groep ?? '']),
      ),
    );
  }
  if (plan.ouders.length) {
    ctx.out('');
    ctx.out('Ouders/verzorgers:');
    ctx.out(
      formatTable(
        ['Regel', 'Leerling', 'Ouder/verzorger', 'E-mail', 'Actie'],
        plan.ouders.map((o) => [String(o.regel), o.leerling, o.naam, o.email ?? '', o.actie]),
      ),
    );
  }
  if (plan.problemen.length) {
    ctx.out('');
    ctx.out('Problemen:');
    for (const p of plan.problemen)
      ctx.out(`  ${p.regel === null ? 'bestand' : `regel ${p.regel}`}: ${p.ernst === 'fout' ? 'FOUT' : 'let op'}: ${p.melding}`);
  }
}

interface RosterOpts {
  dryRun?: boolean;
  json?: boolean;
  mapping?: string;
  soort?: string;
  bron?: string;
  volledig?: boolean;
  foutenOverslaan?: boolean;
  onthoud?: boolean;
}

async function importRoster(ctx: CliContext, file: string, opts: RosterOpts): Promise<void> {
  if (opts.soort && opts.soort !== 'leerlingen' && opts.soort !== 'medewerkers')
    throw new CliError('Gebruik --soort leerlingen of --soort medewerkers.');
  const bestand = readBestand(file);
  const core = ctx.openCore();
  try {
    const base = { bestand, soort: opts.soort as RosterSoort | undefined, bronNaam: opts.bron };
    let koppeling: (RosterVeld | null)[] | undefined;
    if (opts.mapping) {
      const preview = await call(core, 'imports.roster.preview', base);
      if (preview.formaat === 'edexml') throw new CliError('Een EDEXML-bestand heeft geen kolommen; laat --mapping weg.');
      koppeling = parseMapping(
        opts.mapping,
        preview.kolommen.map((k) => k.kop),
      );
    }
    const input = {
      ...base,
      koppeling,
      volledig: !!opts.volledig,
      foutRegelsOverslaan: !!opts.foutenOverslaan,
      onthouden: opts.onthoud !== false,
    };
    const plan = opts.dryRun ? await call(core, 'imports.roster.dryRun', input) : await call(core, 'imports.roster.apply', input);
    if (plan.totalen.fouten > 0) ctx.exitCode = 1;
    if (opts.json) return ctx.json({ toegepast: !opts.dryRun, ...plan });
    printPlan(ctx, plan, !opts.dryRun);
  } finally {
    core.close();
  }
}

interface ProtocolOpts {
  dryRun?: boolean;
  json?: boolean;
  versie?: string;
  ingangsdatum?: string;
  vorige?: string;
}

function protocolJson(d: ProtocolDraft, m: ProtocolMatch) {
  return {
    bestandsnaam: d.bestandsnaam,
    formaat: d.formaat,
    titel: d.titel,
    versie: d.versie,
    vastgesteldOp: d.vastgesteldOp,
    mrInstemmingOp: d.mrInstemmingOp,
    ingangsdatum: d.ingangsdatum,
    vorigeVersie: m.vorigeVersie
      ? { id: m.vorigeVersie.id, versie: m.vorigeVersie.versie, ingangsdatum: m.vorigeVersie.ingangsdatum }
      : null,
    secties: d.secties.map((s, i) => ({
      nummer: s.nummer,
      titel: s.titel,
      regels: s.regels.map((r, j) => {
        const x = m.regels.find((y) => y.sectie === i && y.regel === j);
        return {
          nummer: r.nummer,
          volledigNummer: `${s.nummer}.${r.nummer}`,
          tekst: r.tekst,
          vorigeRegel: x?.vorigNummer ?? null,
          overeenkomst: x?.reden ?? null,
        };
      }),
    })),
    vervallen: m.vervallen.map((v) => ({ volledigNummer: v.volledigNummer, tekst: v.tekst })),
    overgeslagen: d.overgeslagen,
  };
}

async function importProtocol(ctx: CliContext, file: string, opts: ProtocolOpts): Promise<void> {
  if (opts.ingangsdatum && !/^\d{4}-\d{2}-\d{2}$/.test(opts.ingangsdatum)) throw new CliError('Gebruik --ingangsdatum als JJJJ-MM-DD.');
  const bestand = readBestand(file);
  const core = ctx.openCore();
  try {
    const draft = await call(core, 'imports.protocol.read', { bestand });
    const ingangsdatum = opts.ingangsdatum ?? draft.ingangsdatum ?? undefined;
    const vorigeVersieId = opts.vorige ? Number(opts.vorige) : undefined;
    if (opts.vorige && !Number.isInteger(vorigeVersieId))
      throw new CliError('Gebruik --vorige met het nummer (id) van een protocolversie.');
    const match = await call(core, 'imports.protocol.match', {
      vorigeVersieId,
      ingangsdatum: ingangsdatum ?? null,
      secties: draft.secties,
    });
    const summary = protocolJson(draft, match);
    if (opts.dryRun) {
      if (opts.json) return ctx.json(summary);
      ctx.out(
        `${draft.titel} (${draft.formaat}): ${draft.secties.length} onderdelen, ${draft.secties.reduce((n, s) => n + s.regels.length, 0)} regels.`,
      );
      const meta = [
        draft.versie && `versie ${draft.versie}`,
        draft.vastgesteldOp && `vastgesteld ${draft.vastgesteldOp}`,
        draft.mrInstemmingOp && `instemming MR ${draft.mrInstemmingOp}`,
        draft.ingangsdatum && `in werking ${draft.ingangsdatum}`,
      ].filter(Boolean);
      if (meta.length) ctx.out(meta.join(', ') + '.');
      for (const s of summary.secties) {
        ctx.out('');
        ctx.out(`${s.nummer}. ${s.titel}`);
        for (const r of s.regels)
          ctx.out(`  ${r.volledigNummer}  ${r.tekst.replace(/\n/g, '\n        ')}${r.vorigeRegel ? `  [was ${r.vorigeRegel}]` : ''}`);
      }
      if (draft.overgeslagen.length) {
        ctx.out('');
        ctx.out(`Niet als regel overgenomen (${draft.overgeslagen.length}):`);
        for (const o of draft.overgeslagen) ctx.out(`  regel ${o.regel}: ${o.tekst.length > 100 ? o.tekst.slice(0, 99) + '…' : o.tekst}`);
      }
      return;
    }
    const versie = opts.versie ?? draft.versie;
    if (!versie) throw new CliError('Het document noemt geen versie. Geef die op met --versie, bijvoorbeeld --versie 2025.');
    if (!ingangsdatum) throw new CliError('Het document noemt geen ingangsdatum. Geef die op met --ingangsdatum JJJJ-MM-DD.');
    const saved = await call(core, 'imports.protocol.save', {
      titel: draft.titel,
      versie,
      ingangsdatum,
      vastgesteldOp: draft.vastgesteldOp,
      mrInstemmingOp: draft.mrInstemmingOp,
      secties: draft.secties.map((s, i) => ({
        nummer: s.nummer,
        titel: s.titel,
        regels: s.regels.map((r, j) => {
          const m = match.regels.find((x) => x.sectie === i && x.regel === j);
          return { ...(m?.vorigeRegelId ? { id: m.vorigeRegelId } : {}), nummer: r.nummer, tekst: r.tekst };
        }),
      })),
      bestand: { naam: draft.bestandsnaam, sha256: draft.sha256 },
    });
    const voortgezet = saved.secties.flatMap((s) => s.regels).filter((r) => r.vorigeRegelId !== null).length;
    if (opts.json)
      return ctx.json({ ...summary, protocolId: saved.id, versie: saved.versie, ingangsdatum: saved.ingangsdatum, voortgezet });
    ctx.out(
      `Opgeslagen als protocolversie ${saved.versie} (id ${saved.id}), in werking vanaf ${saved.ingangsdatum}: ${saved.aantalRegels} regels, waarvan ${voortgezet} een regel van de vorige versie voortzetten.`,
    );
  } finally {
    core.close();
  }
}

export function register(program: Command, ctx: CliContext): void {
  const imp = program.command('import').description('Lees leerlingen, ouders en medewerkers of een protocol in');
  imp
    .command('roster')
    .description('Lees een leerlingen- of medewerkerslijst in (EDEXML, CSV of .xlsx)')
    .argument('<bestand>', 'het bestand')
    .option('--dry-run', 'toon wat er zou gebeuren, wijzig niets')
    .option('--json', 'als JSON')
    .option('--mapping <koppeling>', 'kolommen koppelen: "KOLOM=veld,KOLOM=veld" of @bestand.json')
    .option('--soort <soort>', 'leerlingen of medewerkers (anders afgeleid uit de kolommen)')
    .option('--bron <naam>', 'de naam van de bron, bijvoorbeeld Magister (voor de onthouden koppeling)')
    .option('--volledig', 'dit is de volledige lijst: wie er niet in staat, wordt uitgeschreven')
    .option('--fouten-overslaan', 'lees de goede regels in als sommige regels fouten hebben')
    .option('--niet-onthouden', 'onthoud de koppeling niet voor deze bron')
    .action((file: string, opts: RosterOpts & { nietOnthouden?: boolean }) =>
      importRoster(ctx, file, { ...opts, onthoud: !opts.nietOnthouden }),
    );
  imp
    .command('protocol')
    .description('Lees een protocol in (.docx, .pdf of .txt) als nieuwe versie')
    .argument('<bestand>', 'het bestand')
    .option('--dry-run', 'toon de onderdelen en regels, sla niets op')
    .option('--json', 'als JSON')
    .option('--versie <versie>', 'de versie (als het document die niet noemt)')
    .option('--ingangsdatum <datum>', 'vanaf wanneer deze versie geldt, JJJJ-MM-DD')
    .option('--vorige <id>', 'vergelijk met deze protocolversie (standaard: de vorige)')
    .action((file: string, opts: ProtocolOpts) => importProtocol(ctx, file, opts));
}
