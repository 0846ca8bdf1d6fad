// Access requests (inzageverzoeken, AVG art. 15): who asked, for whom, when; the
// answer is due one month after receipt, extendable once by two months with reasons (art. 12(3):
// the requester must be told within the first month). Under 16 the parent with parental authority
// asks, from 16 the pupil (UAVG art. 5); a request that does not fit gets a warning, not a refusal,
// because the school may have a mandate on paper that the app does not know about.
import path from 'node:path';
import { addMonths, differenceInYears, format, parseISO } from 'date-fns';
import type { DB } from '../db/open';
import type { Ctx } from '../context/context';
import { CoreError, fieldError, notFound } from '../errors/errors';
import type { AccessRequest, AccessReview, AanvragerSoort, InzageStatus } from '@shared/api/trust';
import type { Page } from '@shared/api/common';
import { displayName } from '../people/names';
import type { NameParts } from '../people/names';
import { buildDossierDocx } from '../dossier/dossierExport';
import type { DossierExportResult } from '@shared/api/letters';
import { buildBundle, bundleEvidence, bundleLetters, letterEntries } from './inzageBundle';

interface Row {
  id: number;
  person_id: number;
  aanvrager_soort: AanvragerSoort;
  aanvrager_id: number | null;
  aanvrager_naam: string;
  ontvangen_op: string;
  uiterlijk_op: string;
  verlengd_tot: string | null;
  verlenging_reden: string | null;
  verlengd_op: string | null;
  status: InzageStatus;
  export_gemaakt_op: string | null;
  beantwoord_op: string | null;
  antwoord: string | null;
  notities: string | null;
}

const plusMonths = (iso: string, n: number) => format(addMonths(parseISO(iso), n), 'yyyy-MM-dd');

interface PersonBits extends NameParts {
  id: number;
  soort: string;
  geboortedatum: string | null;
}

const person = (db: DB, id: number) =>
  db.prepare('SELECT id, soort, voornaam, roepnaam, tussenvoegsel, achternaam, geboortedatum FROM person WHERE id = ?').get(id) as
    PersonBits | undefined;

/** The warnings about who asked on behalf of whom (see the header). */
export function requesterWarnings(db: DB, r: Pick<Row, 'person_id' | 'aanvrager_soort' | 'aanvrager_id' | 'ontvangen_op'>): string[] {
  const p = person(db, r.person_id);
  if (!p) return [];
  const out: string[] = [];
  const age = p.geboortedatum ? differenceInYears(parseISO(r.ontvangen_op), parseISO(p.geboortedatum)) : null;
  if (p.soort === 'leerling') {
    if (age === null)
      out.push(
        'De geboortedatum van de leerling is onbekend: controleer of de aanvrager het verzoek mag doen (onder 16 de ouder met gezag, vanaf 16 de leerling zelf).',
      );
    else if (age < 16 && r.aanvrager_soort === 'betrokkene') {
      out.push(`De leerling was ${age} jaar op de dag van het verzoek. Onder 16 jaar doet de ouder met ouderlijk gezag het verzoek.`);
    } else if (age >= 16 && r.aanvrager_soort === 'ouder') {
      out.push(
        `De leerling was ${age} jaar op de dag van het verzoek. Vanaf 16 jaar doet de leerling het verzoek zelf; een ouder heeft daarvoor toestemming of een machtiging van de leerling nodig.`,
      );
    }
  } else if (r.aanvrager_soort === 'ouder') {
    out.push('Een ouder kan alleen namens een minderjarige leerling inzage vragen; controleer de machtiging.');
  }
  if (r.aanvrager_soort === 'ouder' && r.aanvrager_id) {
    const link = db.prepare('SELECT gezag FROM guardian_link WHERE leerling_id = ? AND ouder_id = ?').get(r.person_id, r.aanvrager_id) as
      { gezag: number } | undefined;
    if (!link) out.push('Deze ouder is in de app niet aan de leerling gekoppeld.');
    else if (!link.gezag) out.push('Deze ouder heeft volgens de gegevens geen ouderlijk gezag.');
  }
  if (r.aanvrager_soort === 'gemachtigde')
    out.push('Leg de schriftelijke machtiging van de betrokkene (of de ouder met gezag) bij het verzoek in het dossier.');
  return out;
}

function toRequest(db: DB, r: Row, today: string): AccessRequest {
  const p = person(db, r.person_id);
  const termijn = r.verlengd_tot ?? r.uiterlijk_op;
  return {
    id: r.id,
    personId: r.person_id,
    naam: p ? displayName(p) : '',
    aanvragerSoort: r.aanvrager_soort,
    aanvragerId: r.aanvrager_id,
    aanvragerNaam: r.aanvrager_naam,
    ontvangenOp: r.ontvangen_op,
    uiterlijkOp: r.uiterlijk_op,
    verlengdTot: r.verlengd_tot,
    verlengingReden: r.verlenging_reden,
    termijn,
    telaat: r.status === 'open' && today > termijn,
    status: r.status,
    exportGemaaktOp: r.export_gemaakt_op,
    beantwoordOp: r.beantwoord_op,
    antwoord: r.antwoord,
    notities: r.notities,
    waarschuwingen: r.status === 'open' ? requesterWarnings(db, r) : [],
  };
}

function row(db: DB, id: number): Row {
  const r = db.prepare('SELECT * FROM access_request WHERE id = ?').get(id) as Row | undefined;
  if (!r) throw notFound('Dit inzageverzoek');
  return r;
}

export const getRequest = (db: DB, id: number, today: string) => toRequest(db, row(db, id), today);

export function listRequests(
  db: DB,
  today: string,
  q: { offset: number; limit: number; status?: InzageStatus[]; personId?: number },
): Page<AccessRequest> {
  const where: string[] = [];
  const args: unknown[] = [];
  if (q.status?.length) {
    where.push(`status IN (${q.status.map(() => '?').join(',')})`);
    args.push(...q.status);
  }
  if (q.personId) {
    where.push('person_id = ?');
    args.push(q.personId);
  }
  const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = (db.prepare(`SELECT count(*) AS n FROM access_request ${w}`).get(...args) as { n: number }).n;
  const rows = db
    .prepare(`SELECT * FROM access_request ${w} ORDER BY (status = 'open') DESC, coalesce(verlengd_tot, uiterlijk_op), id LIMIT ? OFFSET ?`)
    .all(...args, q.limit, q.offset) as Row[];
  return { rows: rows.map((r) => toRequest(db, r, today)), total };
}

export function createRequest(
  ctx: Ctx,
  input: {
    personId: number;
    aanvragerSoort: AanvragerSoort;
    aanvragerId?: number | null;
    aanvragerNaam?: string | null;
    ontvangenOp: string;
    notities?: string | null;
  },
): AccessRequest {
  const db = ctx.db;
  const p = person(db, input.personId);
  if (!p) throw fieldError('personId', 'Deze persoon bestaat niet (meer).');
  if (input.ontvangenOp > ctx.today()) throw fieldError('ontvangenOp', 'De datum van ontvangst ligt in de toekomst.');
  let naam: string;
  let aanvragerId: number | null = null;
  if (input.aanvragerSoort === 'betrokkene') {
    naam = displayName(p);
    aanvragerId = p.id;
  } else if (input.aanvragerId) {
    const a = person(db, input.aanvragerId);
    if (!a) throw fieldError('aanvragerId', 'Deze aanvrager bestaat niet (meer).');
    if (a.id === p.id) throw fieldError('aanvragerSoort', 'Kies "betrokkene" als de persoon het verzoek zelf doet.');
    naam = displayName(a);
    aanvragerId = a.id;
  } else if (input.aanvragerNaam) naam = input.aanvragerNaam;
  else throw fieldError('aanvragerNaam', 'Vul in wie het verzoek doet.');
  const now = ctx.nowIso();
  const id = Number(
    db
      .prepare(
        `INSERT INTO access_request (person_id, aanvrager_soort, aanvrager_id, aanvrager_naam, ontvangen_op, uiterlijk_op, status, notities, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, 'open', ?, ?, ?)`,
      )
      .run(
        p.id,
        input.aanvragerSoort,
        aanvragerId,
        naam,
        input.ontvangenOp,
        plusMonths(input.ontvangenOp, 1),
        input.notities ?? null,
        now,
        now,
      ).lastInsertRowid,
  );
  const after = getRequest(db, id, ctx.today());
  ctx.audit('inzageverzoek', id, 'geregistreerd', null, after);
  return after;
}

export function extendRequest(ctx: Ctx, input: { id: number; reden: string }): AccessRequest {
  const r = row(ctx.db, input.id);
  const before = toRequest(ctx.db, r, ctx.today());
  if (r.status !== 'open') throw new CoreError('REGEL', 'Alleen een openstaand verzoek kan worden verlengd.');
  if (r.verlengd_tot) throw new CoreError('REGEL', `Dit verzoek is al verlengd tot ${r.verlengd_tot}; verder verlengen mag niet.`);
  if (ctx.today() > r.uiterlijk_op) {
    throw new CoreError(
      'REGEL',
      `Verlengen kan alleen binnen de eerste maand (tot en met ${r.uiterlijk_op}), met bericht en redenen aan de aanvrager. Die termijn is voorbij.`,
    );
  }
  ctx.db
    .prepare('UPDATE access_request SET verlengd_tot = ?, verlenging_reden = ?, verlengd_op = ?, updated_at = ? WHERE id = ?')
    .run(plusMonths(r.ontvangen_op, 3), input.reden, ctx.today(), ctx.nowIso(), r.id);
  const after = getRequest(ctx.db, r.id, ctx.today());
  ctx.audit('inzageverzoek', r.id, 'verlengd', before, after);
  return after;
}

export function answerRequest(
  ctx: Ctx,
  input: { id: number; status: 'beantwoord' | 'afgewezen' | 'ingetrokken'; datum: string; antwoord?: string | null },
): AccessRequest {
  const r = row(ctx.db, input.id);
  const before = toRequest(ctx.db, r, ctx.today());
  if (r.status !== 'open') throw new CoreError('CONFLICT', `Dit verzoek is al afgehandeld (${r.status}) op ${r.beantwoord_op}.`);
  if (input.datum < r.ontvangen_op) throw fieldError('datum', 'Deze datum ligt vóór de ontvangst van het verzoek.');
  if (input.datum > ctx.today()) throw fieldError('datum', 'Deze datum ligt in de toekomst.');
  if (input.status === 'afgewezen' && !input.antwoord)
    throw fieldError(
      'antwoord',
      'Leg uit waarom het verzoek is afgewezen; de aanvrager moet dat horen, met de mogelijkheid van een klacht bij de Autoriteit Persoonsgegevens.',
    );
  ctx.db
    .prepare('UPDATE access_request SET status = ?, beantwoord_op = ?, antwoord = ?, updated_at = ? WHERE id = ?')
    .run(input.status, input.datum, input.antwoord ?? null, ctx.nowIso(), r.id);
  const after = getRequest(ctx.db, r.id, ctx.today());
  ctx.audit('inzageverzoek', r.id, input.status, before, after);
  return after;
}

/** Open requests past their term, for the dashboard. */
export function overdueRequests(db: DB, today: string): AccessRequest[] {
  const rows = db
    .prepare(
      `SELECT * FROM access_request WHERE status = 'open' AND coalesce(verlengd_tot, uiterlijk_op) < ? ORDER BY coalesce(verlengd_tot, uiterlijk_op)`,
    )
    .all(today) as Row[];
  return rows.map((r) => toRequest(db, r, today));
}

const toelichting = (r: AccessRequest) => `Inzageverzoek van ${r.aanvragerNaam}, ontvangen ${r.ontvangenOp}.`;
const aanvrager = (r: AccessRequest) => (r.aanvragerSoort === 'ouder' ? r.aanvragerId : null);

/**
 * What the answer will hold, for the school leader to check first: what remains in the dossier after
 * other people were replaced, the letters that go in as files, and the evidence files that may.
 */
export async function reviewRequest(ctx: Ctx, id: number): Promise<AccessReview> {
  const r = getRequest(ctx.db, id, ctx.today());
  const b = await buildDossierDocx(ctx, r.personId, 'inzageverzoek', toelichting(r), { aanvragerId: aanvrager(r) });
  return {
    ...b.review,
    vervangenNamen: b.vervangen,
    brieven: letterEntries(bundleLetters(ctx.db, r.personId, aanvrager(r))),
    bewijs: bundleEvidence(ctx.db, r.personId),
  };
}

/**
 * The answer as one .zip (inzageBundle.ts), written once to the area "exports" and audited with the
 * list of what went in, on the request and on the person (a destruction finds the file there). A
 * name of another person still in the dossier stops the export unless the school leader confirms
 * it, and that confirmation goes into the audit trail with the names.
 */
export async function exportForRequest(
  ctx: Ctx,
  id: number,
  opts: { namenBevestigd?: boolean; bewijsIds?: number[] } = {},
): Promise<DossierExportResult & { verzoek: AccessRequest }> {
  const r = getRequest(ctx.db, id, ctx.today());
  if (r.status === 'ingetrokken') throw new CoreError('REGEL', 'Dit verzoek is ingetrokken; er hoeft geen dossier te worden gemaakt.');
  let namen: string[] = [];
  const { buffer, entries, vervangen } = await buildBundle(ctx, {
    personId: r.personId,
    aanvragerId: aanvrager(r),
    toelichting: toelichting(r),
    bewijsIds: opts.bewijsIds ?? [],
    check: (review) => {
      namen = review.namen;
      if (namen.length && !opts.namenBevestigd)
        throw new CoreError(
          'REGEL',
          `Het dossier noemt nog ${namen.length === 1 ? 'een naam' : 'namen'} die ook van iemand anders ${namen.length === 1 ? 'is' : 'zijn'}: ${namen.join(', ')}. Controleer het overzicht en bevestig dat ${namen.length === 1 ? 'deze naam mag' : 'deze namen mogen'} blijven staan.`,
        );
    },
  });
  const bestandsnaam = `Inzage ${r.naam.replace(/[\\/:*?"<>|]+/g, ' ')} ${ctx.today()}.zip`;
  let written: string | null = null;
  try {
    return ctx.tx(() => {
      const file = ctx.files.write('exports', 'inzage.zip', buffer);
      written = file.opslagnaam;
      const inhoud = entries.map((e) => ({ soort: e.soort, naam: e.naam, sha256: e.sha256, ...(e.bron ? { bron: e.bron } : {}) }));
      ctx.audit('persoon', r.personId, 'dossier_geexporteerd', null, {
        reden: 'inzageverzoek',
        toelichting: toelichting(r),
        bestandsnaam,
        opslagnaam: file.opslagnaam,
        sha256: file.sha256,
        grootte: file.grootte,
        vervangenNamen: vervangen,
        inhoud,
      });
      ctx.db.prepare('UPDATE access_request SET export_gemaakt_op = ?, updated_at = ? WHERE id = ?').run(ctx.today(), ctx.nowIso(), id);
      if (namen.length) ctx.audit('inzageverzoek', id, 'namen_bevestigd', null, { namen, door: ctx.actor });
      ctx.audit('inzageverzoek', id, 'dossier_geexporteerd', null, { bestandsnaam, sha256: file.sha256, inhoud });
      return {
        bestandsnaam,
        sha256: file.sha256,
        grootte: file.grootte,
        openFile: path.resolve(ctx.files.path('exports', file.opslagnaam)),
        inhoudBase64: buffer.toString('base64'),
        vervangenNamen: vervangen,
        verzoek: getRequest(ctx.db, id, ctx.today()),
      };
    });
  } catch (e) {
    if (written) ctx.files.remove('exports', written);
    throw e;
  }
}
