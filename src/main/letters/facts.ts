// Everything a letter states, read from the record in one place: the school, the person the letter is
// about and their guardians, the measure with its incident, cited rules and hearings, the report to an
// authority, and the settings that decide optional sections (objection clause, leerplicht).
import { z } from 'zod';
import type { DB } from '../db/open';
import { CoreError, fieldError, notFound } from '../errors/errors';
import type { Parsed } from '@shared/api';
import type { School } from '@shared/api/school';
import type { Measure } from '@shared/api/measures';
import type { Incident } from '@shared/api/incidents';
import type { ExternalReport } from '@shared/api/externalReports';
import type { Sector } from '@shared/domain';
import { getSchool } from '../school/school';
import { personRow } from '../people/people';
import type { PersonDbRow } from '../people/people';
import { getMeasure } from '../measures/read';
import { getIncident } from '../incidents/read';
import { getReport } from '../externalReports/read';
import { measureDays } from '../calendar/holidays';
import { readSetting } from '../settings/settings';
import { KINDS } from './kinds';
import { admittingSchool } from '../obligations/completers';
import { inspectieConsultation } from '../obligations/gates';

const pick = (s: { school: string; datum: string } | null) => (s ? { school: s.school, datum: s.datum } : null);
import type { KindDef } from './kinds';
import type { Guardian, AddressPerson } from './addressees';
import { fullName, inZin } from './addressees';
import { readLettersSettings } from './settings';
import { readStaffFacts } from './staffValues';
import type { StaffFacts } from './staffValues';
import type { StoredLettersSettings } from './settings';
import { letterFeiten, othersOf, scrubbed } from './feiten';
import type { LetterFeiten } from '@shared/api/letters';

export interface HearingFact {
  gehoord: 'leerling' | 'ouders' | 'docent' | 'medewerker';
  naam: string | null;
  /** How a sentence names the person: "mevrouw Jansen", "de heer De Vries", or the name. */
  aanspreek: string | null;
  datum: string;
  tijd: string | null;
  uitkomst: 'gehoord' | 'geweigerd' | 'geen_reactie';
}

/** One legal step (obligation) of the measure as recorded: letters state it as done only when it is. */
export interface StepFact {
  regel: string;
  sleutel: string;
  status: 'open' | 'gedaan' | 'nvt';
  gedaanOp: string | null;
  uiterlijk: string | null;
}

export interface LetterFacts {
  kind: KindDef;
  school: School;
  sector: Sector;
  subject: PersonDbRow;
  guardians: Guardian[];
  measure: Measure | null;
  incident: Incident | null;
  protocolTitel: string | null;
  report: ExternalReport | null;
  hearings: HearingFact[];
  /** The measure's steps; for an expulsion also those of its voornemen. */
  steps: StepFact[];
  /** The consultation of the Inspectie before an expulsion: the date it was recorded, or null. */
  overlegInspectieOp: string | null;
  /** The school that admits the pupil after an expulsion, when recorded. */
  ontvangendeSchool: { school: string; datum: string } | null;
  /** The school days a schorsing lasts. */
  schorsingDagen: number | null;
  compliance: { bezwaarclausule: boolean; leerplichtBijSchorsing: boolean };
  settings: StoredLettersSettings;
  today: string;
  /** What this letter says happened (feiten.ts): other people named by their role; null without an incident. */
  feiten: LetterFeiten | null;
  /** Staff letters: the voornemen letter, the zienswijze (staffValues.ts); null for other letters. */
  staff: StaffFacts | null;
}

/** The two compliance settings letters depend on, read from the obligations settings with their defaults. */
const complianceSubset = z.object({
  bezwaarclausule: z.boolean().default(true),
  leerplichtBijSchorsing: z.boolean().default(true),
});

export function readGuardians(db: DB, leerlingId: number): Guardian[] {
  return db
    .prepare(
      `SELECT p.id, p.voornaam, p.roepnaam, p.tussenvoegsel, p.achternaam, p.geslacht, p.geboortedatum, p.straat, p.postcode, p.plaats,
              gl.ontvangt_post, gl.gezag, gl.toestemming_afschrift_op
         FROM guardian_link gl JOIN person p ON p.id = gl.ouder_id
        WHERE gl.leerling_id = ?
        ORDER BY CASE p.geslacht WHEN 'm' THEN 0 WHEN 'v' THEN 1 ELSE 2 END, p.achternaam, p.id`,
    )
    .all(leerlingId)
    .map((r) => {
      const row = r as Omit<Guardian, 'ontvangtPost' | 'gezag' | 'toestemmingAfschriftOp'> & { ontvangt_post: number; gezag: number; toestemming_afschrift_op: string | null };
      const { ontvangt_post, gezag, toestemming_afschrift_op, ...rest } = row;
      return { ...rest, ontvangtPost: ontvangt_post === 1, gezag: gezag === 1, toestemmingAfschriftOp: toestemming_afschrift_op };
    });
}

/** The measures whose hearings and steps an expulsion letter states: the decision and its voornemen (as gates.ts expulsionGate). */
function relatedMeasureIds(db: DB, m: Measure): number[] {
  if (m.soort !== 'verwijdering') return [m.id];
  const ids = db
    .prepare(`SELECT id FROM measure WHERE person_id = ? AND soort IN ('voornemen_verwijdering','verwijdering') AND status <> 'ingetrokken' AND id <> ?`)
    .all(m.personId, m.id) as { id: number }[];
  return [m.id, ...ids.map((r) => r.id)];
}

function readHearings(db: DB, measureIds: number[]): HearingFact[] {
  const rows = db
    .prepare(
      `SELECT h.gehoord, h.datum, h.tijd, h.uitkomst, p.roepnaam, p.voornaam, p.tussenvoegsel, p.achternaam, p.geslacht
         FROM hearing h LEFT JOIN person p ON p.id = h.person_id
        WHERE h.measure_id IN (${measureIds.map(() => '?').join(', ')}) ORDER BY h.datum, h.tijd, h.id`,
    )
    .all(...measureIds) as (Pick<HearingFact, 'gehoord' | 'datum' | 'tijd' | 'uitkomst'> & Partial<AddressPerson> & { achternaam: string | null })[];
  return rows.map((r) => {
    const p = r.achternaam ? ({ ...r, voornaam: r.voornaam ?? '', achternaam: r.achternaam } as AddressPerson) : null;
    return {
      gehoord: r.gehoord,
      datum: r.datum,
      tijd: r.tijd,
      uitkomst: r.uitkomst,
      naam: p ? fullName(p) : null,
      aanspreek: p ? (r.gehoord === 'leerling' ? (r.roepnaam || r.voornaam || fullName(p)) : inZin(p)) : null,
    };
  });
}

function readSteps(db: DB, measureIds: number[]): StepFact[] {
  return (
    db
      .prepare(
        `SELECT regel, sleutel, status, gedaan_op, uiterlijk FROM obligation WHERE measure_id IN (${measureIds.map(() => '?').join(', ')}) ORDER BY volgorde, id`,
      )
      .all(...measureIds) as { regel: string; sleutel: string; status: StepFact['status']; gedaan_op: string | null; uiterlijk: string | null }[]
  ).map((r) => ({ regel: r.regel, sleutel: r.sleutel, status: r.status, gedaanOp: r.gedaan_op, uiterlijk: r.uiterlijk }));
}

function protocolTitle(db: DB, protocolId: number | null): string | null {
  if (protocolId === null) return null;
  const r = db.prepare('SELECT titel, versie FROM protocol_version WHERE id = ?').get(protocolId) as { titel: string; versie: string } | undefined;
  return r ? `${r.titel} (versie ${r.versie})` : null;
}

export function gatherFacts(db: DB, req: Parsed<'letters.preview'>, today: string): LetterFacts {
  const kind = KINDS[req.soort];
  const school = getSchool(db);
  if (!school) throw new CoreError('REGEL', 'Vul eerst de gegevens van de school in (Instellingen → School).');

  let measure: Measure | null = null;
  let report: ExternalReport | null = null;
  let incidentId: number | null;
  let subjectId: number;

  if (kind.bron === 'measure') {
    if (req.measureId === undefined) throw fieldError('measureId', `Kies de maatregel waar de brief “${kind.titel}” over gaat.`);
    try {
      measure = getMeasure(db, req.measureId);
    } catch {
      throw fieldError('measureId', 'Deze maatregel bestaat niet (meer).');
    }
    if (kind.maatregelen && !kind.maatregelen.includes(measure.soort)) {
      throw fieldError('soort', `De brief “${kind.titel}” past niet bij deze maatregel.`);
    }
    if (measure.status === 'ingetrokken') throw new CoreError('REGEL', 'Deze maatregel is ingetrokken; daar hoort geen brief meer bij.');
    subjectId = measure.personId;
    incidentId = measure.incidentId;
  } else {
    if (req.reportId === undefined) throw fieldError('reportId', `Kies de melding bij de instantie waar de brief “${kind.titel}” over gaat.`);
    try {
      report = getReport(db, req.reportId);
    } catch {
      throw fieldError('reportId', 'Deze melding bij een instantie bestaat niet (meer).');
    }
    if (kind.instanties && !kind.instanties.includes(report.instantie)) throw fieldError('soort', `De brief “${kind.titel}” past niet bij deze melding.`);
    const pid = req.personId ?? report.personId;
    if (pid === null || pid === undefined) throw fieldError('personId', 'Kies in wiens dossier deze vastlegging komt.');
    subjectId = pid;
    incidentId = report.incidentId;
  }

  const subject = personRow(db, subjectId);
  if (!subject) throw notFound('Deze persoon');
  const expected = kind.doel === 'leerling' ? ['leerling'] : kind.doel === 'medewerker' ? ['medewerker'] : kind.doel === 'persoon' ? ['ouder', 'extern'] : null;
  if (expected && !expected.includes(subject.soort)) {
    throw fieldError('soort', `De brief “${kind.titel}” is niet bedoeld voor een ${subject.soort === 'ouder' ? 'ouder/verzorger' : subject.soort}.`);
  }

  const incident = incidentId !== null ? getIncident(db, incidentId) : null;
  if (kind.meldingVerplicht && !incident) {
    throw new CoreError('REGEL', `De brief “${kind.titel}” noemt de feiten en de overtreden regels: koppel de maatregel eerst aan een melding.`);
  }
  const schorsingDagen =
    measure && measure.soort === 'schorsing' ? (measure.duurDagen ?? (measure.startdatum && measure.einddatum ? measureDays(db, subject.soort, measure.startdatum, measure.einddatum) : null)) : null;

  const related = measure ? relatedMeasureIds(db, measure) : [];
  const steps = measure ? readSteps(db, related) : [];
  const isExpulsion = measure?.soort === 'verwijdering' || measure?.soort === 'voornemen_verwijdering';
  const guardians = subject.soort === 'leerling' ? readGuardians(db, subject.id) : [];
  // Free texts recorded elsewhere name other people by their role here too, as the feiten do.
  const base = { kind, sector: school.sector, subject, guardians, measure, report, incident, today };
  const others = othersOf(db, base);
  const shown = measure && { ...measure, toelichting: scrubbed(others, measure.toelichting), afsprakenSchoolwerk: scrubbed(others, measure.afsprakenSchoolwerk) };
  const shownReport = report && { ...report, toelichting: scrubbed(others, report.toelichting) };
  const staff = measure && kind.doel === 'medewerker' ? readStaffFacts(db, measure.id) : null;
  if (staff?.zienswijze) staff.zienswijze.verslag = scrubbed(others, staff.zienswijze.verslag);
  return {
    kind,
    school,
    sector: school.sector,
    subject,
    guardians,
    measure: shown,
    incident,
    protocolTitel: incident ? protocolTitle(db, incident.protocolId) : null,
    report: shownReport,
    hearings: measure ? readHearings(db, related) : [],
    steps,
    overlegInspectieOp: measure && isExpulsion ? inspectieConsultation(db, measure.personId) : null,
    ontvangendeSchool: measure && isExpulsion ? pick(admittingSchool(db, measure.personId)) : null,
    schorsingDagen,
    compliance: readSetting(db, 'obligations', complianceSubset),
    settings: readLettersSettings(db),
    today,
    feiten: letterFeiten(db, base, others, [shown?.toelichting ?? null, shown?.afsprakenSchoolwerk ?? null, shownReport?.toelichting ?? null, staff?.zienswijze?.verslag ?? null]),
    staff,
  };
}
