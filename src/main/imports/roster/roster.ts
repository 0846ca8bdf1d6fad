// A roster import from file to people: recognise the format (EDEXML, CSV, .xlsx) and refuse what is
// not a roster with a clear Dutch message (readers.ts, in the import worker), apply the column
// mapping (given, remembered for this source, or recognised from the headers), and build the
// dry-run plan. Apply runs the same plan in one transaction through the people service, so every
// person written is audited.
import type { Ctx } from '../../context/context';
import type { DB } from '../../db/open';
import type { Parsed } from '@shared/api';
import type { RosterPlan, RosterPreview, RosterResult, RosterSoort, RosterVeld } from '@shared/api/imports';
import { readFile, refuse } from '../file';
import type { ImportFile } from '../file';
import type { RosterContent } from '../readers';
import { parseInWorker } from '../importThread';
import type { Table } from './table';
import { allowedFields, autoMapping, guessBronNaam, guessSoort, KEY_FIELDS } from './fields';
import { cleanRecord, Problems, veldLabel } from './record';
import type { RawRecord } from './record';
import { buildPlan } from './plan';
import type { PlanOps } from './plan';
import { headerSignature, pickSource, saveSource, sourcesFor } from '../sources';
import { createPerson, updatePerson } from '../../people/people';
import { linkGuardian } from '../../people/guardians';
import { logRun } from '../runs';
import { CoreError } from '../../errors/errors';

type Loaded = { file: ImportFile } & RosterContent;

const SOORT_OF: Record<RosterSoort, 'leerling' | 'medewerker'> = { leerlingen: 'leerling', medewerkers: 'medewerker' };

/** Reads the file as EDEXML or as a table, in the import worker; refuses anything else. */
export async function loadRoster(bestand: Parsed<'imports.roster.preview'>['bestand']): Promise<Loaded> {
  const file = readFile(bestand);
  return { file, ...(await parseInWorker('rooster', file)) };
}

function opmerkingen(t: Table, mapping: (RosterVeld | null)[], bronNaam: string | null): string[] {
  const out: string[] = [];
  if (t.codering === 'windows-1252')
    out.push('Het bestand is gelezen als Windows-1252 (ANSI), de codering van onder meer Magister-exports.');
  if (t.codering === 'utf-8-bom') out.push('Het bestand is gelezen als UTF-8 (met byte-order-markering).');
  if (bronNaam) out.push(`De kolomkoppeling van "${bronNaam}" is gebruikt.`);
  if (mapping.every((m) => m === null)) out.push('Geen enkele kolom is herkend. Koppel de kolommen hieronder zelf aan de juiste velden.');
  if (t.kopRegel > 1) out.push(`De kopregel staat op regel ${t.kopRegel}; de regels erboven worden overgeslagen.`);
  return out;
}

export async function previewRoster(db: DB, input: Parsed<'imports.roster.preview'>): Promise<RosterPreview> {
  const loaded = await loadRoster(input.bestand);
  if (loaded.kind === 'edexml') {
    const e = loaded.edexml;
    return {
      formaat: 'edexml',
      codering: null,
      scheidingsteken: null,
      soort: 'leerlingen',
      aantalLeerlingen: e.leerlingen,
      aantalMedewerkers: e.medewerkers,
      kolommen: [],
      kopRegel: null,
      voorbeeldRegels: [],
      aantalRijen: e.records.length,
      handtekening: null,
      bron: null,
      bekendeBronnen: [],
      voorgesteldeBronNaam: 'EDEXML',
      opmerkingen: [
        `Dit EDEXML-bestand bevat ${e.leerlingen} leerling(en) en ${e.medewerkers} leerkracht(en). Ouders/verzorgers staan niet in EDEXML; die leest u in met een tweede bestand (CSV of Excel).`,
      ],
    };
  }
  const t = loaded.table;
  const soort = input.soort ?? guessSoort(t.headers);
  const handtekening = headerSignature(t.headers);
  const saved = pickSource(db, handtekening, soort, input.bronNaam);
  const mapping = saved?.koppeling ?? autoMapping(t.headers, soort);
  return {
    formaat: t.formaat,
    codering: t.codering,
    scheidingsteken: t.scheidingsteken,
    soort,
    aantalLeerlingen: 0,
    aantalMedewerkers: 0,
    kolommen: t.headers.map((kop, index) => ({
      index,
      kop,
      veld: mapping[index] ?? null,
      voorbeelden: t.rows
        .map((r) => r.cellen[index])
        .filter((c) => c !== '')
        .slice(0, 5),
    })),
    kopRegel: t.kopRegel,
    voorbeeldRegels: t.rows.slice(0, 10),
    aantalRijen: t.rows.length,
    handtekening,
    bron: saved ? { id: saved.id, naam: saved.naam } : null,
    bekendeBronnen: sourcesFor(db, handtekening, soort).map((s) => ({ id: s.id, naam: s.naam })),
    voorgesteldeBronNaam: saved?.naam ?? input.bronNaam ?? guessBronNaam(t.headers),
    opmerkingen: opmerkingen(t, mapping, saved?.naam ?? null),
  };
}

interface Prepared {
  loaded: Loaded;
  soort: RosterSoort;
  records: RawRecord[];
  koppeling: (RosterVeld | null)[];
  bronNaam: string;
  handtekening: string | null;
  headers: string[];
  /** The kinds whose complete list this file is (for marking people as left). */
  kinds: ('leerling' | 'medewerker')[];
}

/** The records of the file under the mapping; refuses a mapping that cannot work. */
export function prepare(db: DB, loaded: Loaded, input: Parsed<'imports.roster.dryRun'>): Prepared {
  if (loaded.kind === 'edexml') {
    const e = loaded.edexml;
    if (e.records.length === 0) throw refuse('Dit EDEXML-bestand bevat geen leerlingen. Er is niets ingelezen.');
    return {
      loaded,
      soort: 'leerlingen',
      records: e.records,
      koppeling: [],
      bronNaam: input.bronNaam ?? 'EDEXML',
      handtekening: null,
      headers: [],
      kinds: e.heeftMedewerkers ? ['leerling', 'medewerker'] : ['leerling'],
    };
  }
  const t = loaded.table;
  const soort = input.soort ?? guessSoort(t.headers);
  const handtekening = headerSignature(t.headers);
  const saved = input.koppeling ? null : pickSource(db, handtekening, soort, input.bronNaam);
  const koppeling = input.koppeling ?? saved?.koppeling ?? autoMapping(t.headers, soort);
  if (koppeling.length > t.headers.length && koppeling.slice(t.headers.length).some((v) => v !== null)) {
    throw new CoreError(
      'VALIDATIE',
      `De koppeling noemt ${koppeling.length} kolommen, maar het bestand heeft er ${t.headers.length}. Koppel de kolommen opnieuw.`,
      'koppeling',
    );
  }
  const allowed = allowedFields(soort);
  const wrong = koppeling.find((v) => v !== null && !allowed.includes(v));
  if (wrong) {
    throw new CoreError(
      'VALIDATIE',
      `Het veld "${veldLabel(wrong)}" hoort niet bij een lijst met ${soort}. Koppel die kolom aan een ander veld of laat hem weg.`,
      'koppeling',
    );
  }
  if (koppeling.every((v) => v === null)) {
    throw refuse(
      `In dit bestand is geen enkele kolom herkend (kolommen: ${t.headers.slice(0, 6).join(', ')}${t.headers.length > 6 ? ', …' : ''}). Koppel de kolommen zelf aan de juiste velden. Er is niets ingelezen.`,
    );
  }
  if (!koppeling.some((v) => v !== null && KEY_FIELDS[soort].includes(v))) {
    const need = soort === 'leerlingen' ? 'het leerlingnummer (of het ECK-iD)' : 'het personeelsnummer, het ECK-iD of het e-mailadres';
    throw new CoreError(
      'VALIDATIE',
      `Geen kolom is gekoppeld aan ${need}. Zonder zo'n nummer kan niemand veilig worden herkend (nooit alleen op naam). Koppel die kolom en probeer het opnieuw.`,
      'koppeling',
    );
  }
  if (t.rows.length === 0) throw refuse('Het bestand bevat alleen een kopregel en geen rijen. Er is niets ingelezen.');
  const recSoort = SOORT_OF[soort];
  const records: RawRecord[] = t.rows.map((r) => {
    const waarden: Partial<Record<RosterVeld, string>> = {};
    koppeling.forEach((veld, i) => {
      if (veld && i < t.headers.length) waarden[veld] = r.cellen[i] ?? '';
    });
    return { regel: r.regel, soort: recSoort, waarden };
  });
  return {
    loaded,
    soort,
    records,
    koppeling: koppeling.slice(0, t.headers.length).concat(Array(Math.max(0, t.headers.length - koppeling.length)).fill(null)),
    bronNaam: input.bronNaam ?? saved?.naam ?? guessBronNaam(t.headers),
    handtekening,
    headers: t.headers,
    kinds: [recSoort],
  };
}

type PlanWithOps = RosterPlan & { ops: PlanOps };

export function planRoster(db: DB, p: Prepared, input: Parsed<'imports.roster.dryRun'>, today: string): PlanWithOps {
  const problems = new Problems();
  const clean = p.records.map((r) => cleanRecord(r, problems, today));
  const built = buildPlan(db, clean, problems, { volledigVoor: input.volledig ? p.kinds : [], today });
  const active = db.prepare(`SELECT count(*) AS n FROM person WHERE soort = 'leerling' AND uitgeschreven_op IS NULL`).get() as {
    n: number;
  };
  const leavingPupils = built.uitschrijven.filter((u) => u.soort === 'leerling').length;
  if (leavingPupils >= 5 && leavingPupils > active.n / 2) {
    problems.warn(
      null,
      null,
      `Let op: ${leavingPupils} van de ${active.n} ingeschreven leerlingen staan niet in dit bestand en worden als uitgeschreven gemarkeerd. Is dit echt de volledige leerlingenlijst?`,
    );
  }
  const problemen = [...built.problemen].sort((a, b) => (a.regel ?? 0) - (b.regel ?? 0));
  const fouten = problemen.filter((x) => x.ernst === 'fout').length;
  return {
    formaat: p.loaded.kind === 'edexml' ? 'edexml' : p.loaded.table.formaat,
    soort: p.soort,
    volledig: input.volledig,
    bronNaam: p.bronNaam,
    handtekening: p.handtekening,
    koppeling: p.koppeling,
    aanmaken: built.aanmaken,
    bijwerken: built.bijwerken,
    uitschrijven: built.uitschrijven,
    ouders: built.ouders,
    problemen,
    totalen: {
      rijen: p.records.length,
      aanmaken: built.aanmaken.length,
      bijwerken: built.bijwerken.length,
      ongewijzigd: built.ongewijzigd,
      uitschrijven: built.uitschrijven.length,
      overgeslagen: built.overgeslagen,
      oudersAanmaken: built.ouders.filter((o) => o.actie === 'aanmaken').length,
      oudersKoppelen: built.ouders.filter((o) => o.actie === 'koppelen').length,
      oudersBijwerken: built.ouders.filter((o) => o.actie === 'bijwerken').length,
      fouten,
      waarschuwingen: problemen.length - fouten,
    },
    kanToepassen: fouten === 0 || input.foutRegelsOverslaan,
    ops: built.ops,
  };
}

const publicPlan = ({ ops: _ops, ...plan }: PlanWithOps): RosterPlan => plan;

export async function dryRunRoster(ctx: Ctx, input: Parsed<'imports.roster.dryRun'>): Promise<RosterPlan> {
  const loaded = await loadRoster(input.bestand);
  return publicPlan(planRoster(ctx.db, prepare(ctx.db, loaded, input), input, ctx.today()));
}

/** Runs one write of the plan; a failure names the file line, and the transaction rolls back. */
function step<T>(regel: number, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof CoreError && regel > 0)
      throw new CoreError(e.code, `Regel ${regel}: ${e.message} Er is niets ingelezen.`, e.field, e.fields);
    throw e;
  }
}

export async function applyRoster(ctx: Ctx, input: Parsed<'imports.roster.apply'>): Promise<RosterResult> {
  const loaded = await loadRoster(input.bestand);
  return ctx.tx(() => {
    const prepared = prepare(ctx.db, loaded, input);
    const plan = planRoster(ctx.db, prepared, input, ctx.today());
    if (!plan.kanToepassen) {
      throw new CoreError(
        'VALIDATIE',
        `Het bestand heeft ${plan.totalen.fouten} fout(en); er is niets ingelezen. Los ze op in de export, of kies ervoor de regels met fouten over te slaan.`,
        'bestand',
      );
    }
    const { ops } = plan;
    for (const c of ops.creates) c.ref.id = step(c.regel, () => createPerson(ctx, c.input).id);
    for (const u of ops.updates) step(u.regel, () => updatePerson(ctx, { ...u.input, id: u.id }));
    for (const c of ops.ouderCreates) c.ref.id = step(c.regel, () => createPerson(ctx, c.input).id);
    for (const u of ops.ouderUpdates) step(u.regel, () => updatePerson(ctx, { ...u.input, id: u.id }));
    for (const l of ops.links) {
      step(l.regel, () =>
        linkGuardian(ctx, { leerlingId: l.leerling.id!, ouderId: l.ouder.id!, relatie: null, gezag: true, ontvangtPost: true }),
      );
    }
    for (const u of ops.leavers) updatePerson(ctx, { ...u.input, id: u.id });
    let bronId: number | null = null;
    if (prepared.loaded.kind === 'table' && input.onthouden) {
      bronId = saveSource(ctx, prepared.bronNaam, prepared.soort, prepared.headers, prepared.koppeling);
    }
    const { ops: _ops, ...pub } = plan;
    const runId = logRun(ctx, {
      soort: prepared.soort,
      bestandsnaam: prepared.loaded.file.naam,
      sha256: prepared.loaded.file.sha256,
      formaat: pub.formaat,
      bronId,
      bronNaam: prepared.bronNaam,
      volledig: input.volledig,
      aangemaakt: pub.totalen.aanmaken,
      bijgewerkt: pub.totalen.bijwerken,
      ongewijzigd: pub.totalen.ongewijzigd,
      uitgeschreven: pub.totalen.uitschrijven,
      overgeslagen: pub.totalen.overgeslagen,
      protocolId: null,
      samenvatting: { totalen: pub.totalen, problemen: pub.problemen.map((x) => ({ regel: x.regel, ernst: x.ernst, veld: x.veld })) },
    });
    return { ...pub, runId };
  });
}
