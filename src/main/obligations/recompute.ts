// Recomputing the obligations of one measure or incident after it (or something it depends on)
// changed, without ever losing what a person recorded. Matching is by (source, rule, key):
// - a new obligation is inserted (open, or already done when the proving record exists);
// - an open one gets the rule's current title, basis and dates;
// - one a person marked done or not applicable is left exactly as it is;
// - one the app itself marked done follows its proving record (reopened if that record no longer proves it);
// - an OPEN obligation the rules no longer produce becomes 'not applicable' with the reason "vervallen",
//   not deleted: the trail of what was once required stays visible. Done ones stay done.
import type { Ctx } from '../context/context';
import { getSchool } from '../school/school';
import type { ComplianceSettings } from '@shared/api/obligations';
import type { Maatregel, MaatregelStatus, PersoonSoort, Ernst } from '@shared/domain';
import { readComplianceSettings } from '../settings/compliance';
import { schoolCalendar } from '../calendar/holidays';
import type { SchoolCalendar } from '../calendar/schoolDays';
import { measureRules, incidentRules } from './rules';
import type { Common, IncidentFacts, MeasureFacts, ObligationSpec, PriorObligation } from './rules/types';
import { key } from './rules/types';
import { incidentCompletion, measureCompletion } from './completers';
import type { Completion } from './completers';
import { obligationRow } from './store';
import { incidentParties } from './parties';
import type { ObligationRow } from './store';

export interface Env {
  settings: ComplianceSettings;
  cal: SchoolCalendar;
}

/** Settings and calendar, read once per batch of recomputes. */
export const loadEnv = (ctx: Ctx): Env => ({ settings: readComplianceSettings(ctx.db), cal: schoolCalendar(ctx.db) });

function common(ctx: Ctx, env: Env, rows: ObligationRow[]): Common {
  const school = getSchool(ctx.db);
  const prior = new Map<string, PriorObligation>();
  for (const r of rows)
    prior.set(key(r.regel, r.sleutel), {
      regel: r.regel,
      sleutel: r.sleutel,
      status: r.status,
      uiterlijk: r.uiterlijk,
      gedaanOp: r.gedaan_op,
      uitkomst: r.uitkomst,
    });
  return { school: school ? { sector: school.sector, openbaar: school.openbaar } : null, settings: env.settings, cal: env.cal, prior };
}

interface MeasureDb {
  id: number;
  incident_id: number | null;
  person_id: number;
  soort: Maatregel;
  status: MaatregelStatus;
  besluit_datum: string;
  startdatum: string | null;
  einddatum: string | null;
  duur_dagen: number | null;
  beoogd_besluit: string | null;
}

const rowsOf = (ctx: Ctx, bron: 'maatregel' | 'melding', id: number) =>
  ctx.db.prepare('SELECT * FROM obligation WHERE bron = ? AND bron_id = ?').all(bron, id) as ObligationRow[];

export function recomputeMeasure(ctx: Ctx, measureId: number, env: Env = loadEnv(ctx)): void {
  const r = measureSpecs(ctx, measureId, env);
  if (!r) return;
  const { m, rows, specs } = r;
  apply(ctx, { bron: 'maatregel', bronId: m.id, measureId: m.id, incidentId: m.incident_id, personId: m.person_id }, rows, specs, (s) =>
    measureCompletion(ctx.db, m, s.regel, s.sleutel ?? ''),
  );
}

/** What the rules produce for a measure now, beside its stored rows; writes nothing. */
export function measureSpecs(
  ctx: Ctx,
  measureId: number,
  env: Env,
): { m: MeasureDb; rows: ObligationRow[]; specs: ObligationSpec[] } | null {
  const m = ctx.db.prepare('SELECT * FROM measure WHERE id = ?').get(measureId) as MeasureDb | undefined;
  if (!m) return null;
  const person = ctx.db.prepare('SELECT soort, geboortedatum FROM person WHERE id = ?').get(m.person_id) as {
    soort: PersoonSoort;
    geboortedatum: string | null;
  };
  const rows = rowsOf(ctx, 'maatregel', m.id);
  const geschil = ctx.db.prepare('SELECT ingediend_op, oordeel_op FROM measure_dispute WHERE measure_id = ?').get(m.id) as
    { ingediend_op: string; oordeel_op: string | null } | undefined;
  const bezwaar = ctx.db.prepare('SELECT ontvangen_op FROM measure_objection WHERE measure_id = ?').get(m.id) as
    { ontvangen_op: string } | undefined;
  const heeftVoornemen = !!ctx.db
    .prepare(`SELECT 1 FROM measure WHERE person_id = ? AND id <> ? AND soort = 'voornemen_verwijdering' AND status <> 'ingetrokken'`)
    .get(m.person_id, m.id);
  const facts: MeasureFacts = {
    ...common(ctx, env, rows),
    measure: {
      id: m.id,
      soort: m.soort,
      status: m.status,
      besluitDatum: m.besluit_datum,
      startdatum: m.startdatum,
      einddatum: m.einddatum,
      duurSchooldagen: m.startdatum && m.einddatum ? env.cal.countSchoolDays(m.startdatum, m.einddatum) : m.duur_dagen,
      beoogdBesluit: m.beoogd_besluit,
    },
    person,
    bezwaar: bezwaar ? { ontvangenOp: bezwaar.ontvangen_op } : null,
    heeftVoornemen,
    geschil: geschil ? { ingediendOp: geschil.ingediend_op, oordeelOp: geschil.oordeel_op } : null,
  };
  return { m, rows, specs: measureRules.flatMap((rule) => rule(facts)) };
}

export function recomputeIncident(ctx: Ctx, incidentId: number, env: Env = loadEnv(ctx)): void {
  const r = incidentSpecs(ctx, incidentId, env);
  if (!r) return;
  const { id, rows, specs } = r;
  apply(ctx, { bron: 'melding', bronId: id, measureId: null, incidentId: id, personId: null }, rows, specs, (s) =>
    incidentCompletion(ctx.db, id, s.regel),
  );
}

/** What the rules produce for an incident now, beside its stored rows; writes nothing. */
export function incidentSpecs(
  ctx: Ctx,
  incidentId: number,
  env: Env,
): { id: number; rows: ObligationRow[]; specs: ObligationSpec[] } | null {
  const i = ctx.db.prepare('SELECT id, categorie, ernst, datum_voorval, datum_melding FROM incident WHERE id = ?').get(incidentId) as
    { id: number; categorie: string; ernst: Ernst; datum_voorval: string; datum_melding: string } | undefined;
  if (!i) return null;
  const rows = rowsOf(ctx, 'melding', i.id);
  const facts: IncidentFacts = {
    ...common(ctx, env, rows),
    incident: { id: i.id, categorie: i.categorie, ernst: i.ernst, datumVoorval: i.datum_voorval, datumMelding: i.datum_melding },
    ...incidentParties(ctx.db, i.id),
  };
  return { id: i.id, rows, specs: incidentRules.flatMap((rule) => rule(facts)) };
}

interface Source {
  bron: 'maatregel' | 'melding';
  bronId: number;
  measureId: number | null;
  incidentId: number | null;
  personId: number | null;
}

const VERVALLEN: Record<Source['bron'], string> = {
  maatregel: 'Vervallen: de maatregel is gewijzigd, deze stap is niet meer nodig.',
  melding: 'Vervallen: de melding is gewijzigd, deze stap is niet meer nodig.',
};

function apply(
  ctx: Ctx,
  src: Source,
  rows: ObligationRow[],
  specs: ObligationSpec[],
  complete: (s: ObligationSpec) => Completion | null,
): void {
  const now = ctx.nowIso();
  const byKey = new Map(rows.map((r) => [key(r.regel, r.sleutel), r]));
  const seen = new Set<string>();
  for (const s of specs) {
    const k = key(s.regel, s.sleutel);
    if (seen.has(k)) throw new Error(`Regel ${k} levert twee verplichtingen op`);
    seen.add(k);
    const row = byKey.get(k);
    const completion = s.nvt ? null : complete(s);
    if (!row) {
      insert(ctx, src, s, completion, now);
      continue;
    }
    const personSet = row.door_systeem === null && row.status !== 'open';
    // A task a person settled keeps its titles as they were (the English one too: titleBackfill.ts).
    if (personSet) continue;
    const fields = specFields(s);
    let status: Partial<ObligationRow> = {};
    if (s.nvt) status = nvt(s.nvt, 'regel');
    else if (completion) status = done(completion);
    else if (row.status !== 'open') status = reopened;
    update(ctx, row, { ...fields, ...status }, now);
  }
  for (const r of rows) {
    if (seen.has(key(r.regel, r.sleutel)) || r.status !== 'open') continue;
    update(ctx, r, nvt(VERVALLEN[src.bron], 'herberekening'), now);
  }
}

const specFields = (s: ObligationSpec): Partial<ObligationRow> => ({
  volgorde: s.volgorde,
  titel: s.titel,
  titel_en: s.titelEn,
  grondslag: s.grondslag,
  bronnen: s.bronnen.join(','),
  waarschuwing: s.waarschuwing ? 1 : 0,
  actor: s.actor,
  urgent: s.urgent ? 1 : 0,
  tijd_verplicht: s.tijdVerplicht ? 1 : 0,
  beslissing: s.beslissing ? 1 : 0,
  uiterlijk: s.uiterlijk,
  te_laat_vanaf: s.teLaatVanaf,
});

const done = (c: Completion): Partial<ObligationRow> => ({
  status: 'gedaan',
  gedaan_op: c.datum,
  gedaan_tijd: c.tijd,
  gedaan_door: c.door,
  toelichting: c.toelichting,
  nvt_reden: null,
  door_systeem: c.ref,
});

const nvt = (reden: string, door: string): Partial<ObligationRow> => ({
  status: 'nvt',
  nvt_reden: reden,
  gedaan_op: null,
  gedaan_tijd: null,
  gedaan_door: null,
  door_systeem: door,
});

/** The fields of an obligation that is open again (a person reopens it, or its proof went away). */
export const reopened: Partial<ObligationRow> = {
  status: 'open',
  gedaan_op: null,
  gedaan_tijd: null,
  gedaan_door: null,
  uitkomst: null,
  nvt_reden: null,
  toelichting: null,
  door_systeem: null,
};

function insert(ctx: Ctx, src: Source, s: ObligationSpec, c: Completion | null, now: string): void {
  const row: Omit<ObligationRow, 'id'> = {
    bron: src.bron,
    bron_id: src.bronId,
    measure_id: src.measureId,
    incident_id: src.incidentId,
    person_id: src.personId,
    regel: s.regel,
    sleutel: s.sleutel ?? '',
    ...(specFields(s) as Pick<
      ObligationRow,
      | 'volgorde'
      | 'titel'
      | 'titel_en'
      | 'grondslag'
      | 'bronnen'
      | 'waarschuwing'
      | 'actor'
      | 'urgent'
      | 'tijd_verplicht'
      | 'beslissing'
      | 'uiterlijk'
      | 'te_laat_vanaf'
    >),
    status: 'open',
    gedaan_op: null,
    gedaan_tijd: null,
    gedaan_door: null,
    uitkomst: null,
    nvt_reden: null,
    toelichting: null,
    door_systeem: null,
    created_at: now,
    updated_at: now,
    ...(s.nvt ? nvt(s.nvt, 'regel') : c ? done(c) : {}),
  };
  const cols = Object.keys(row);
  const id = Number(
    ctx.db.prepare(`INSERT INTO obligation (${cols.join(', ')}) VALUES (${cols.map((c) => '@' + c).join(', ')})`).run(row).lastInsertRowid,
  );
  ctx.audit('verplichting', id, 'aangemaakt', null, { ...row, id });
}

/** Writes only what changed, with one audit entry; nothing when nothing changed. */
function update(ctx: Ctx, row: ObligationRow, patch: Partial<ObligationRow>, now: string): void {
  const changed = Object.entries(patch).filter(([k, v]) => row[k as keyof ObligationRow] !== v);
  if (!changed.length) return;
  const set = changed.map(([k]) => `${k} = @${k}`).join(', ');
  ctx.db
    .prepare(`UPDATE obligation SET ${set}, updated_at = @updated_at WHERE id = @id`)
    .run({ ...Object.fromEntries(changed), updated_at: now, id: row.id });
  const after = obligationRow(ctx.db, row.id)!;
  const action =
    patch.status && patch.status !== row.status ? `status ${row.status} → ${patch.status} (${patch.door_systeem ?? 'app'})` : 'herberekend';
  ctx.audit('verplichting', row.id, action, row, after);
}
