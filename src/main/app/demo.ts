// The fictional demo school (resources/demo-school.json), loaded into an empty database through
// the same services as the API handlers, so every rule, hook and audit entry runs as for real
// input. If the clock stands before the demo's dates (a machine with a wrong date, a test), all
// dates move back by whole 52-week steps, which keeps weekdays and school-year order intact.
import { addDays } from 'date-fns/addDays';
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { parseISO } from 'date-fns/parseISO';
import { format } from 'date-fns/format';
import demoJson from '../../../resources/demo-school.json';
import type { Ctx } from '../context/context';
import { CoreError } from '../errors/errors';
import { schoolInput } from '@shared/api/school';
import { personInput, guardianLinkInput } from '@shared/api/people';
import { protocolInput } from '@shared/api/protocols';
import { incidentInput, evidenceInput } from '@shared/api/incidents';
import { measureInput } from '@shared/api/measures';
import { externalReportInput } from '@shared/api/externalReports';
import { saveSchool } from '../school/school';
import { createPerson } from '../people/people';
import { linkGuardian } from '../people/guardians';
import { createProtocol } from '../protocols/save';
import template from '../../../resources/protocol-template.json';
import { createIncident } from '../incidents/save';
import { addEvidence } from '../incidents/evidence';
import { createMeasure } from '../measures/save';
import { createReport } from '../externalReports/save';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

interface DemoIncident {
  key: string;
  melder?: string;
  regels?: string[];
  betrokkenen?: { persoon: string; rol: string; toelichting?: string }[];
  bewijs?: { bestandsnaam?: string; inhoudTekst?: string; url?: string; omschrijving?: string; beveiligdOp: string }[];
  maatregelen?: ({ persoon: string } & Record<string, unknown>)[];
  externeMeldingen?: ({ persoon?: string; maatregel?: number } & Record<string, unknown>)[];
  [field: string]: unknown;
}

interface DemoFile {
  school: Record<string, unknown>;
  protocol: Record<string, unknown>;
  personen: ({ key: string } & Record<string, unknown>)[];
  koppelingen: { leerling: string; ouder: string; relatie?: string; gezag?: boolean; ontvangtPost?: boolean }[];
  meldingen: DemoIncident[];
}

function walkDates(v: unknown, fn: (iso: string) => string): unknown {
  if (typeof v === 'string') return ISO_DATE.test(v) ? fn(v) : v;
  if (Array.isArray(v)) return v.map((x) => walkDates(x, fn));
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walkDates(x, fn)]));
  return v;
}

/** The demo, with its dates moved back far enough that none lies after today. */
export function demoData(today: string): DemoFile {
  const raw = demoJson as unknown as DemoFile;
  let latest = '0000-00-00';
  walkDates(raw.meldingen, (d) => {
    if (d > latest) latest = d;
    return d;
  });
  const behind = differenceInCalendarDays(parseISO(latest), parseISO(today));
  if (behind <= 0) return raw;
  const shift = -364 * Math.ceil(behind / 364);
  return walkDates(raw, (d) => format(addDays(parseISO(d), shift), 'yyyy-MM-dd')) as DemoFile;
}

function isEmpty(ctx: Ctx): boolean {
  const n = ctx.db
    .prepare('SELECT (SELECT count(*) FROM school) + (SELECT count(*) FROM person) + (SELECT count(*) FROM incident) + (SELECT count(*) FROM protocol_version) AS n')
    .get() as { n: number };
  return n.n === 0;
}

export function loadDemo(ctx: Ctx): { schoolNaam: string; personen: number; meldingen: number } {
  if (!isEmpty(ctx)) {
    throw new CoreError(
      'CONFLICT',
      'Er staan al gegevens in deze database. De demo-school kan alleen in een lege database worden geladen, zodat er nooit echte en verzonnen gegevens door elkaar staan.',
    );
  }
  const demo = demoData(ctx.today());
  const school = saveSchool(ctx, schoolInput.parse(demo.school));
  const protocol = createProtocol(ctx, protocolInput.parse({ ...template, ...demo.protocol }));
  const ruleByNumber = new Map(protocol.secties.flatMap((s) => s.regels.map((r) => [r.volledigNummer, r.id] as const)));

  const ids = new Map<string, number>();
  const id = (key: string): number => {
    const v = ids.get(key);
    if (v === undefined) throw new Error(`demo-school.json: onbekende sleutel ${key}`);
    return v;
  };
  for (const { key, ...p } of demo.personen) ids.set(key, createPerson(ctx, personInput.parse(p)).id);
  for (const k of demo.koppelingen) {
    linkGuardian(ctx, guardianLinkInput.parse({ leerlingId: id(k.leerling), ouderId: id(k.ouder), relatie: k.relatie, gezag: k.gezag, ontvangtPost: k.ontvangtPost }));
  }

  // In order of reporting, so the numbers M<jaar>-0001… follow the calendar as they would have.
  const incidents = [...demo.meldingen].sort((a, b) => String(a.datumMelding).localeCompare(String(b.datumMelding)));
  for (const m of incidents) {
    const { key: _key, melder, regels = [], betrokkenen = [], bewijs = [], maatregelen = [], externeMeldingen = [], ...fields } = m;
    const regelIds = regels.map((nr) => {
      const rid = ruleByNumber.get(nr);
      if (rid === undefined) throw new Error(`demo-school.json: regel ${nr} bestaat niet in het protocol`);
      return rid;
    });
    const incident = createIncident(
      ctx,
      incidentInput.parse({
        ...fields,
        melderId: melder ? id(melder) : null,
        regelIds,
        betrokkenen: betrokkenen.map((b) => ({ personId: id(b.persoon), rol: b.rol, toelichting: b.toelichting })),
      }),
    );
    for (const e of bewijs) {
      const { inhoudTekst, ...rest } = e;
      addEvidence(
        ctx,
        evidenceInput.parse({ ...rest, incidentId: incident.id, inhoudBase64: inhoudTekst ? Buffer.from(inhoudTekst, 'utf8').toString('base64') : undefined }),
      );
    }
    const measureIds = maatregelen.map(({ persoon, ...rest }) => createMeasure(ctx, measureInput.parse({ ...rest, personId: id(persoon), incidentId: incident.id })).id);
    for (const { persoon, maatregel, ...rest } of externeMeldingen) {
      createReport(
        ctx,
        externalReportInput.parse({
          ...rest,
          incidentId: incident.id,
          personId: persoon ? id(persoon) : null,
          measureId: maatregel !== undefined ? measureIds[maatregel] : null,
        }),
      );
    }
  }
  ctx.audit('school', 1, 'demo_geladen', null, { personen: demo.personen.length, meldingen: incidents.length });
  return { schoolNaam: school.naam, personen: demo.personen.length, meldingen: incidents.length };
}
