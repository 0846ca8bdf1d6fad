// "Definitief maken": each letter gets the next kenmerk of the year, its .docx is written once to the
// FileStore area "brieven" with its SHA-256 and recorded on the dossier and the measure, and the
// obligation it fulfils (e.g. the written decision of a schorsing) is marked done.
//
// The kenmerk is gapless and unique even when several finalises run at once, in this process or in
// another one on the same database file: the .docx is built (async) with the number that is next at
// that moment, and the write transaction (BEGIN IMMEDIATE, so writers are serialised by SQLite) checks
// that this number and the letter's content are still current before it inserts; if not, it builds
// again. Within one core a small queue makes finalises take turns, so retries only happen across
// processes. A failed finalise leaves no number used and no file behind.
import path from 'node:path';
import type { Ctx } from '../context/context';
import type { DB } from '../db/open';
import { CoreError, fieldError } from '../errors/errors';
import type { Parsed } from '@shared/api';
import type { FinaliseResult, LetterModel } from '@shared/api/letters';
import { todayIn } from '@shared/dates';
import { markDone } from '../obligations/actions';
import { gatherFacts } from './facts';
import { requireNamesConfirmed } from './feiten';
import { feitenPupilNames } from '@shared/api/letters';
import { composeLetters } from './compose';
import { checkStaffDecision } from './staffValues';
import { checkExpulsionDecision } from './steps';
import type { Recipient } from './addressees';
import { letterheadLogo } from './settings';
import { letterByKenmerk, letterRow, toSummary } from './store';
import type { LetterFacts } from './facts';

const MAX_ATTEMPTS = 10;
const queues = new WeakMap<DB, Promise<unknown>>();

/** Runs fn after every earlier finalise on this connection has finished. */
function inTurn<T>(db: DB, fn: () => Promise<T>): Promise<T> {
  const prev = queues.get(db) ?? Promise.resolve();
  const run = prev.then(fn, fn);
  queues.set(
    db,
    run.catch(() => undefined),
  );
  return run;
}

export const formatKenmerk = (jaar: number, volgnummer: number) => `${jaar}-${String(volgnummer).padStart(4, '0')}`;

export function nextVolgnummer(db: DB, jaar: number): number {
  const r = db.prepare('SELECT COALESCE(MAX(volgnummer), 0) + 1 AS n FROM letter WHERE jaar = ?').get(jaar) as { n: number };
  return r.n;
}

/** Obligations a final letter of this kind fulfils. */
function obligationsFulfilled(f: LetterFacts, model: LetterModel): string[] {
  const hasObjection = model.inhoud.some((b) => b.type === 'alinea' && /bezwaar/i.test(b.tekst));
  switch (f.kind.soort) {
    case 'schorsing':
      return ['schorsing.besluit', ...(hasObjection ? ['schorsing.bezwaarclausule'] : [])];
    case 'besluit_verwijdering':
      return ['verwijdering.besluit', ...(hasObjection ? ['verwijdering.bezwaarclausule'] : [])];
    case 'personeel_voornemen':
      return ['personeel.voornemen'];
    case 'personeel_besluit':
      return ['personeel.besluit'];
    default:
      return [];
  }
}

/** Marks the open obligations done through the compliance engine (audited, terms recomputed). */
function completeObligations(ctx: Ctx, measureId: number, regels: string[], kenmerken: string[]): string[] {
  if (!regels.length) return [];
  const open = ctx.db
    .prepare(`SELECT id, titel FROM obligation WHERE measure_id = ? AND status = 'open' AND regel IN (${regels.map(() => '?').join(',')}) ORDER BY volgorde, id`)
    .all(measureId, ...regels) as { id: number; titel: string }[];
  const wat = kenmerken.length === 1 ? `Brief ${kenmerken[0]}` : `Brieven ${kenmerken.join(', ')}`;
  for (const o of open) markDone(ctx, { id: o.id, door: ctx.actor, datum: ctx.today(), toelichting: `${wat} definitief gemaakt in Schoolprotocol.` });
  return open.map((o) => o.titel);
}

const safeFileName = (s: string) =>
  s
    .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 150);

interface Built {
  models: LetterModel[];
  ontvangers: Recipient[];
  facts: LetterFacts;
  jaar: number;
  eerste: number;
}

function build(ctx: Ctx, req: Parsed<'letters.finalise'>): Built {
  const today = ctx.today();
  const facts = gatherFacts(ctx.db, req, today);
  checkStaffDecision(facts);
  checkExpulsionDecision(ctx.db, facts);
  requireNamesConfirmed(facts, req);
  const correctie = correctionOf(ctx, req, facts.subject.id);
  const jaar = Number(today.slice(0, 4));
  const eerste = nextVolgnummer(ctx.db, jaar);
  const logo = facts.settings.logo;
  const probe = composeLetters(ctx.db, facts, req, { correctie, logo });
  const kenmerken = probe.brieven.map((_, i) => formatKenmerk(jaar, eerste + i));
  const composed = composeLetters(ctx.db, facts, req, { correctie, logo, kenmerken });
  return { models: composed.brieven, ontvangers: composed.ontvangers, facts, jaar, eerste };
}

/** The earlier final letter this one corrects (same dossier), or null. */
export function correctionOf(ctx: Ctx, req: Parsed<'letters.finalise'>, personId: number): { kenmerk: string; datum: string; reden: string } | null {
  if (!req.correctieVan) return null;
  const old = letterByKenmerk(ctx.db, req.correctieVan);
  if (!old) throw fieldError('correctieVan', `Er is geen definitieve brief met kenmerk ${req.correctieVan}.`);
  if (old.person_id !== personId) throw fieldError('correctieVan', `Brief ${req.correctieVan} hoort niet bij dit dossier.`);
  return { kenmerk: old.kenmerk, datum: todayIn(new Date(old.finalised_at)), reden: req.correctieReden ?? '' };
}

class Stale extends Error {}

export function finaliseLetters(ctx: Ctx, req: Parsed<'letters.finalise'>): Promise<FinaliseResult> {
  return inTurn(ctx.db, async () => {
    // docx is loaded when a letter is made, not when the core starts (the CLI starts without it).
    const { letterDocx } = await import('./letterDocx');
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const built = build(ctx, req);
      const logo = letterheadLogo(ctx.files, built.facts.settings, built.models[0]);
      const buffers = await Promise.all(built.models.map((m) => letterDocx(m, logo)));
      const written: string[] = [];
      try {
        return ctx.tx(() => {
          // Still the same numbers and the same content? (Another finalise or an edit may have come first.)
          const again = build(ctx, req);
          if (again.jaar !== built.jaar || again.eerste !== built.eerste || JSON.stringify(again.models) !== JSON.stringify(built.models)) throw new Stale();
          const f = built.facts;
          const insert = ctx.db.prepare(
            `INSERT INTO letter (kenmerk, jaar, volgnummer, soort, person_id, measure_id, incident_id, external_report_id, geadresseerde_id, geadresseerde,
               betreft, model_json, opslagnaam, bestandsnaam, sha256, grootte, refers_to_kenmerk, correctie_reden, finalised_at, finalised_by)
             VALUES (@kenmerk, @jaar, @volgnummer, @soort, @person_id, @measure_id, @incident_id, @external_report_id, @geadresseerde_id, @geadresseerde,
               @betreft, @model_json, @opslagnaam, @bestandsnaam, @sha256, @grootte, @refers_to_kenmerk, @correctie_reden, @finalised_at, @finalised_by)`,
          );
          const ids: number[] = [];
          built.models.forEach((m, i) => {
            const kenmerk = m.kenmerk!;
            const file = ctx.files.write('brieven', `${kenmerk}.docx`, buffers[i]);
            written.push(file.opslagnaam);
            const ontvanger = built.ontvangers[i];
            const row = {
              kenmerk,
              jaar: built.jaar,
              volgnummer: built.eerste + i,
              soort: f.kind.soort,
              person_id: f.subject.id,
              measure_id: f.measure?.id ?? null,
              incident_id: f.incident?.id ?? null,
              external_report_id: f.report?.id ?? null,
              geadresseerde_id: m.geadresseerde.personId,
              geadresseerde: ontvanger.label,
              betreft: m.betreft,
              model_json: JSON.stringify(m),
              opslagnaam: file.opslagnaam,
              bestandsnaam: `${safeFileName(`${kenmerk} ${f.kind.titel}`)}.docx`,
              sha256: file.sha256,
              grootte: file.grootte,
              refers_to_kenmerk: m.correctieVan,
              correctie_reden: m.correctieVan ? (req.correctieReden ?? null) : null,
              finalised_at: ctx.nowIso(),
              finalised_by: ctx.actor,
            };
            const id = Number(insert.run(row).lastInsertRowid);
            ids.push(id);
            const { model_json: _omit, ...logged } = row;
            ctx.audit('brief', id, 'definitief', null, logged);
            const namen = feitenPupilNames(f.feiten);
            if (namen.length) ctx.audit('brief', id, 'namen_bevestigd', null, { kenmerk, namen });
          });
          const verplichtingenAfgerond = f.measure ? completeObligations(ctx, f.measure.id, obligationsFulfilled(f, built.models[0]), built.models.map((m) => m.kenmerk!)) : [];
          const brieven = ids.map((id) => toSummary(ctx.db, letterRow(ctx.db, id)));
          return {
            brieven,
            openFile: path.resolve(ctx.files.path('brieven', written[0])),
            verplichtingenAfgerond,
          };
        });
      } catch (e) {
        for (const name of written) ctx.files.remove('brieven', name);
        if (e instanceof Stale) continue;
        throw e;
      }
    }
    throw new CoreError('CONFLICT', 'Er werden tegelijk andere brieven definitief gemaakt; het lukte niet een briefnummer toe te kennen. Probeer het opnieuw.');
  });
}
