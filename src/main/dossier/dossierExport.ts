// A person's whole record as one .docx: personal details, incidents with their
// rules, people and actions, measures with hearings and obligations, reports to authorities and the
// list of letters — for an access request or a transfer. Other pupils' names are replaced by a role
// ("medeleerling A"), and every export is written to the audit trail.
import path from 'node:path';
import type { FileChild } from 'docx';
import type { Ctx } from '../context/context';
import type { DB } from '../db/open';
import { CoreError } from '../errors/errors';
import type { Parsed } from '@shared/api';
import type { DossierExportResult } from '@shared/api/letters';
import type { Incident } from '@shared/api/incidents';
import { CATEGORIE, DIRECTE_ACTIE, ERNST, INCIDENT_STATUS, INSTANTIE, LOCATIE, MAATREGEL, MAATREGEL_STATUS, MELDING_SOORT, PERSOON_SOORT, PLATFORM, ROL, SECTOR_WOORDEN, SCHORSING_VORM, GESLACHT } from '@shared/domain';
import { dutchLongDate, dutchShortDate, todayIn } from '@shared/dates';
import { getSchool } from '../school/school';
import { personRow, requirePersonRow } from '../people/people';
import type { PersonDbRow } from '../people/people';
import { getIncident } from '../incidents/read';
import { listMeasures } from '../measures/read';
import { fullName } from '../letters/addressees';
import { listLetters } from '../letters/store';
import { readLettersSettings, readLogo } from '../letters/settings';
import { logoSizeMm } from '../letters/logo';
import { Pseudonymizer } from '../letters/pseudonyms';
import type { DossierReview } from '../letters/pseudonyms';
import { loadPeople } from '../people/matcher';

const REDEN_LABEL = { inzageverzoek: 'inzageverzoek (AVG artikel 15)', overdracht: 'overdracht van het dossier', overig: 'overig' } as const;

const d = (iso: string | null | undefined) => (iso ? dutchShortDate(iso) : '—');
const v = (s: string | null | undefined) => (s && s.trim() ? s.trim() : '—');

export function incidentIds(db: DB, personId: number): number[] {
  const rows = db
    .prepare(
      `SELECT DISTINCT i.id, i.datum_voorval FROM incident i
        WHERE i.melder_id = ? OR i.id IN (SELECT incident_id FROM incident_person WHERE person_id = ?)
        ORDER BY i.datum_voorval, i.id`,
    )
    .all(personId, personId) as { id: number }[];
  return rows.map((r) => r.id);
}

interface ReportRow {
  id: number;
  incident_id: number;
  instantie: keyof typeof INSTANTIE.labels;
  soort: keyof typeof MELDING_SOORT.labels;
  datum: string;
  tijd: string | null;
  door: string | null;
  kenmerk: string | null;
  politie_eenheid: string | null;
  contactpersoon: string | null;
  toelichting: string | null;
}

export interface DossierOptions {
  /** The parent who asked: the only guardian whose address is shown (not the other parent's). */
  aanvragerId?: number | null;
  /** Called with what remains before anything is written; throws to stop the export. */
  check?: (review: DossierReview) => void;
}

export async function buildDossierDocx(
  ctx: Ctx,
  personId: number,
  reden: keyof typeof REDEN_LABEL,
  toelichting: string | null,
  opts: DossierOptions = {},
): Promise<{ buffer: Buffer; vervangen: number; bestandsnaam: string; review: DossierReview }> {
  // docx and the document parts are loaded when a dossier is made (before anything is read), not
  // when the core starts: this module is also reached by the privacy requests and the CLI.
  const [{ Document, Paragraph, TextRun }, { styles, numbering, section, para, empty, bullet, labelTable, heading, documentProperties, packDocx }, { art15Sections }, { letterTexts }] =
    await Promise.all([import('docx'), import('../letters/docxBase'), import('./art15'), import('./dossierLetters')]);
  const kop = (t: string) => heading(2, t);
  const label = (t: string) => new Paragraph({ keepNext: true, spacing: { before: 140 }, children: [new TextRun({ text: t, bold: true })] });
  const sub = (t: string) => new Paragraph({ keepNext: true, spacing: { before: 200, after: 80 }, children: [new TextRun({ text: t, bold: true })] });
  const db = ctx.db;
  const school = getSchool(db);
  if (!school) throw new CoreError('REGEL', 'Vul eerst de gegevens van de school in (Instellingen → School).');
  const p = requirePersonRow(db, personId);
  const w = SECTOR_WOORDEN[school.sector];
  const mede = school.sector === 'MBO' ? 'medestudent' : 'medeleerling';

  // The person's own guardians or children keep their names; everyone else is named by a role.
  const ownLinks = new Set(
    (db.prepare('SELECT ouder_id AS id FROM guardian_link WHERE leerling_id = ? UNION SELECT leerling_id FROM guardian_link WHERE ouder_id = ?').all(personId, personId) as { id: number }[]).map((r) => r.id),
  );
  const incidents: Incident[] = incidentIds(db, personId).map((id) => getIncident(db, id));
  const witnesses = new Set(incidents.flatMap((i) => i.betrokkenen.filter((b) => b.rol === 'getuige').map((b) => b.personId)));
  const own = [p, ...[...ownLinks].map((id) => personRow(db, id)).filter((r): r is PersonDbRow => !!r)];
  const pseudo = new Pseudonymizer(mede, loadPeople(db, own.map((o) => o.id)), own, witnesses);
  const nameOf = (id: number | null): string => {
    if (id === null) return '—';
    const r = personRow(db, id);
    if (!r) return '—';
    if (r.id === personId || ownLinks.has(r.id)) return fullName(r);
    if (r.soort === 'leerling') return pseudo.role(r);
    // A parent of another family is "een ouder": naming the child would give a pupil who may have
    // nothing to do with the incidents a role in this export.
    return pseudo.label(r);
  };

  // Assign roles in order of appearance before any free text is rewritten.
  for (const i of incidents) {
    nameOf(i.melderId);
    i.betrokkenen.forEach((b) => nameOf(b.personId));
  }
  const measures = listMeasures(db, { personId }).reverse();
  const reports = db
    .prepare(
      `SELECT * FROM external_report WHERE person_id = ?
          OR (person_id IS NULL AND incident_id IN (SELECT incident_id FROM incident_person WHERE person_id = ? AND rol IN ('dader','slachtoffer')))
        ORDER BY datum, id`,
    )
    .all(personId, personId) as ReportRow[];
  const letters = listLetters(db, { personId }).reverse();

  const body: FileChild[] = [];
  body.push(heading(1, `Dossier van ${fullName(p)}`));
  body.push(para(`Opgesteld op ${dutchLongDate(ctx.today())} door ${ctx.actor}, voor: ${REDEN_LABEL[reden]}.${toelichting ? ` ${toelichting}` : ''}`, { style: 'Alinea' }));
  body.push(
    para(
      `Dit overzicht bevat alle gegevens die ${school.naam} in Schoolprotocol over deze persoon heeft vastgelegd. Namen van andere ${w.personen} zijn vervangen door een rol (${mede} A, ${mede} B, …), om hun privacy te beschermen.`,
      { style: 'Alinea' },
    ),
  );

  body.push(kop('Persoonsgegevens'));
  body.push(labelTable(personRows(p, w.groep), 45));
  const guardians = db
    .prepare('SELECT p.* FROM guardian_link gl JOIN person p ON p.id = gl.ouder_id WHERE gl.leerling_id = ? ORDER BY p.achternaam')
    .all(personId) as PersonDbRow[];
  if (guardians.length) {
    body.push(sub('Ouders/verzorgers'));
    // Only the asking parent's address: the other parent's address is theirs, not the pupil's.
    const showAddress = (g: PersonDbRow) => (reden === 'inzageverzoek' ? g.id === opts.aanvragerId : true);
    guardians.forEach((g) => body.push(bullet(`${fullName(g)}${g.straat && showAddress(g) ? `, ${g.straat}, ${v(g.postcode)} ${v(g.plaats)}` : ''}`)));
  }

  body.push(kop(`Meldingen (${incidents.length})`));
  if (!incidents.length) body.push(para('Geen meldingen.', { style: 'Alinea' }));
  for (const i of incidents) {
    const eigenRollen = [...new Set([...i.betrokkenen.filter((b) => b.personId === personId).map((b) => ROL.labels[b.rol].nl), ...(i.melderId === personId ? ['Melder'] : [])])];
    body.push(sub(`Melding ${i.nummer} — ${d(i.datumVoorval)}`));
    body.push(
      labelTable(
        [
          { label: 'Rol van deze persoon', waarde: eigenRollen.join(', ') || '—' },
          { label: 'Datum voorval', waarde: `${d(i.datumVoorval)}${i.tijdVoorval ? ` om ${i.tijdVoorval}` : ''}` },
          { label: 'Datum melding', waarde: d(i.datumMelding) },
          { label: 'Gemeld door', waarde: i.melderId !== null ? nameOf(i.melderId) : pseudo.text(v(i.melderOmschrijving)) },
          { label: 'Waar', waarde: LOCATIE.labels[i.locatie].nl },
          { label: 'Platform', waarde: i.platform === 'overig' && i.platformAnders ? i.platformAnders : PLATFORM.labels[i.platform].nl },
          { label: 'Categorie', waarde: (CATEGORIE.labels as Record<string, { nl: string }>)[i.categorie]?.nl ?? i.categorie },
          { label: 'Ernst', waarde: ERNST.labels[i.ernst].nl },
          { label: 'Status', waarde: INCIDENT_STATUS.labels[i.status].nl },
          { label: 'Overtreden regels', waarde: i.regels.map((r) => `${r.volledigNummer} ${r.tekst}`).join('\n') || '—' },
          { label: 'Betrokkenen', waarde: i.betrokkenen.map((b) => `${nameOf(b.personId)} (${ROL.labels[b.rol].nl.toLocaleLowerCase('nl-NL')})${b.toelichting ? `: ${pseudo.text(b.toelichting)}` : ''}`).join('\n') || '—' },
          { label: 'Directe acties', waarde: i.directeActies.map((a) => `${d(a.datum)} ${DIRECTE_ACTIE.labels[a.actie].nl}${a.toelichting ? `: ${pseudo.text(a.toelichting)}` : ''}`).join('\n') || '—' },
          { label: 'Bewijs', waarde: i.bewijs.map((b) => `${d(b.beveiligdOp)} ${b.soort === 'link' ? 'link' : 'bestand'}${b.omschrijving ? `: ${pseudo.text(b.omschrijving)}` : ''}${b.sha256 ? ` (SHA-256 ${b.sha256.slice(0, 16)}…)` : ''}`).join('\n') || '—' },
        ],
        45,
      ),
    );
    body.push(label('Beschrijving'));
    body.push(para(pseudo.text(i.omschrijving), { style: 'Alinea' }));
    if (i.vervolg) {
      body.push(label('Vervolg'));
      body.push(para(pseudo.text(i.vervolg), { style: 'Alinea' }));
    }
  }

  body.push(kop(`Maatregelen (${measures.length})`));
  if (!measures.length) body.push(para('Geen maatregelen.', { style: 'Alinea' }));
  const hearingsOf = db.prepare('SELECT gehoord, person_id, datum, tijd, door, notities FROM hearing WHERE measure_id = ? ORDER BY datum, id');
  const obligationsOf = db.prepare('SELECT titel, status, uiterlijk, gedaan_op, gedaan_door FROM obligation WHERE measure_id = ? ORDER BY volgorde, id');
  for (const m of measures) {
    body.push(sub(`${MAATREGEL.labels[m.soort].nl} — besluit ${d(m.besluitDatum)}`));
    const hearings = hearingsOf.all(m.id) as { gehoord: string; person_id: number | null; datum: string; tijd: string | null; door: string; notities: string | null }[];
    const obligations = obligationsOf.all(m.id) as { titel: string; status: string; uiterlijk: string | null; gedaan_op: string | null; gedaan_door: string | null }[];
    body.push(
      labelTable(
        [
          { label: 'Status', waarde: MAATREGEL_STATUS.labels[m.status].nl },
          { label: 'Bij melding', waarde: m.incidentId ? (incidents.find((i) => i.id === m.incidentId)?.nummer ?? String(m.incidentId)) : '—' },
          { label: 'Besloten door', waarde: pseudo.text(v(m.beslotenDoor)) },
          { label: 'Periode', waarde: m.startdatum ? `${d(m.startdatum)} t/m ${d(m.einddatum)}${m.duurDagen ? ` (${m.duurDagen} dagen)` : ''}` : '—' },
          ...(m.vorm ? [{ label: 'Vorm', waarde: SCHORSING_VORM.labels[m.vorm].nl }] : []),
          ...(m.afsprakenSchoolwerk ? [{ label: 'Afspraken schoolwerk', waarde: pseudo.text(m.afsprakenSchoolwerk) }] : []),
          { label: 'Toelichting', waarde: pseudo.text(v(m.toelichting)) },
          ...(m.overrideReden ? [{ label: 'Reden afwijking', waarde: pseudo.text(m.overrideReden) }] : []),
          {
            label: 'Hoorgesprekken',
            waarde: hearings.map((h) => `${d(h.datum)}${h.tijd ? ` ${h.tijd}` : ''}: ${h.gehoord}${h.person_id ? ` (${nameOf(h.person_id)})` : ''}, door ${pseudo.text(h.door)}${h.notities ? ` — ${pseudo.text(h.notities)}` : ''}`).join('\n') || '—',
          },
          {
            label: 'Verplichtingen',
            waarde: obligations.map((o) => `${o.titel}: ${o.status === 'gedaan' ? `gedaan op ${d(o.gedaan_op)}${o.gedaan_door ? ` door ${pseudo.text(o.gedaan_door)}` : ''}` : o.status === 'nvt' ? 'niet van toepassing' : `open${o.uiterlijk ? `, uiterlijk ${d(o.uiterlijk)}` : ''}`}`).join('\n') || '—',
          },
        ],
        45,
      ),
    );
  }

  body.push(kop(`Meldingen bij instanties (${reports.length})`));
  if (!reports.length) body.push(para('Geen meldingen aan instanties.', { style: 'Alinea' }));
  for (const r of reports) {
    body.push(
      bullet(
        `${d(r.datum)}${r.tijd ? ` ${r.tijd}` : ''} — ${INSTANTIE.labels[r.instantie].nl}, ${MELDING_SOORT.labels[r.soort].nl.toLocaleLowerCase('nl-NL')}${r.kenmerk ? `, kenmerk ${r.kenmerk}` : ''}${r.door ? `, door ${pseudo.text(r.door)}` : ''}${r.toelichting ? `. ${pseudo.text(r.toelichting)}` : ''}`,
      ),
    );
  }

  body.push(kop(`Brieven (${letters.length})`));
  if (!letters.length) body.push(para('Geen brieven.', { style: 'Alinea' }));
  for (const l of letters) {
    body.push(bullet(`${l.kenmerk} — ${d(todayIn(new Date(l.definitiefOp)))} — ${l.titel}: ${pseudo.text(l.betreft)} (aan ${pseudo.text(l.geadresseerde)})${l.correctieVan ? `, vervangt ${l.correctieVan}` : ''}`));
  }

  if (reden === 'inzageverzoek' && letters.length) {
    body.push(kop('Brieven: volledige tekst'));
    body.push(...letterTexts(db, letters, pseudo, (id) => id === personId || (id !== null && id === opts.aanvragerId)));
  }
  if (reden === 'inzageverzoek') body.push(...art15Sections(db, p, reports.map((r) => r.instantie), letters.length > 0));

  body.push(empty());
  body.push(
    para(
      `Verantwoording: dit document is samengesteld uit de registratie van ${school.naam}. Namen van ${pseudo.count} andere ${pseudo.count === 1 ? w.persoon : w.personen} zijn vervangen door een rol. Het maken van dit overzicht is vastgelegd in het logboek van de app. Bewaar en verstuur dit document vertrouwelijk; verlies ervan is een datalek.`,
      { style: 'Klein' },
    ),
  );

  const settings = readLettersSettings(db);
  const logoBytes = readLogo(ctx.files, settings);
  const logo = settings.logo && logoBytes ? { data: logoBytes, type: settings.logo.mime === 'image/png' ? ('png' as const) : ('jpg' as const), ...logoSizeMm(settings.logo) } : null;
  const regels = [school.straat, school.postcode && school.plaats ? `${school.postcode}  ${school.plaats}` : null, school.telefoon ? `T ${school.telefoon}` : null, school.email ? `E ${school.email}` : null, school.brin ? `BRIN ${school.brin}` : null].filter((x): x is string => !!x);
  const doc = new Document({
    ...documentProperties(school.naam),
    title: `Dossier van ${fullName(p)}`,
    description: `Dossierexport (${REDEN_LABEL[reden]})`,
    styles,
    numbering,
    sections: [section({ schoolNaam: school.naam, regels, logo }, `${school.naam} · dossier van ${fullName(p)} · vertrouwelijk`, body)],
  });
  const buffer = await packDocx(doc);
  const bestandsnaam = `Dossier ${fullName(p).replace(/[\\/:*?"<>|]+/g, ' ')} ${ctx.today()}.docx`;
  return { buffer, vervangen: pseudo.count, bestandsnaam, review: pseudo.review() };
}

function personRows(p: PersonDbRow, groepWoord: string): { label: string; waarde: string }[] {
  return [
    { label: 'Naam', waarde: [p.voornaam, p.tussenvoegsel, p.achternaam].filter(Boolean).join(' ') + (p.roepnaam && p.roepnaam !== p.voornaam ? ` (roepnaam ${p.roepnaam})` : '') },
    { label: 'Soort', waarde: PERSOON_SOORT.labels[p.soort].nl },
    { label: 'Geslacht', waarde: p.geslacht ? GESLACHT.labels[p.geslacht].nl : '—' },
    { label: 'Geboortedatum', waarde: d(p.geboortedatum) },
    ...(p.leerlingnummer ? [{ label: 'Leerlingnummer', waarde: p.leerlingnummer }] : []),
    ...(p.groep ? [{ label: groepWoord[0].toUpperCase() + groepWoord.slice(1), waarde: p.groep }] : []),
    ...(p.opleiding ? [{ label: 'Opleiding', waarde: p.opleiding }] : []),
    ...(p.functie ? [{ label: 'Functie', waarde: p.functie }] : []),
    ...(p.personeelsnummer ? [{ label: 'Personeelsnummer', waarde: p.personeelsnummer }] : []),
    ...(p.organisatie ? [{ label: 'Organisatie', waarde: p.organisatie }] : []),
    { label: 'Adres', waarde: p.straat ? `${p.straat}, ${v(p.postcode)} ${v(p.plaats)}` : '—' },
    { label: 'E-mail', waarde: v(p.email) },
    { label: 'Telefoon', waarde: v(p.telefoon) },
    { label: 'Ingeschreven', waarde: d(p.ingeschreven_op) },
    { label: 'Uitgeschreven', waarde: d(p.uitgeschreven_op) },
    { label: 'Notities', waarde: v(p.notities) },
  ];
}

/** The API's export: built, written once to the area "exports", audited, and returned for download. */
export async function exportDossier(ctx: Ctx, input: Parsed<'letters.dossierExport'>, opts: DossierOptions = {}): Promise<DossierExportResult> {
  const { buffer, vervangen, bestandsnaam, review } = await buildDossierDocx(ctx, input.personId, input.reden, input.toelichting ?? null, opts);
  opts.check?.(review);
  let written: string | null = null;
  try {
    return ctx.tx(() => {
      const file = ctx.files.write('exports', 'dossier.docx', buffer);
      written = file.opslagnaam;
      ctx.audit('persoon', input.personId, 'dossier_geexporteerd', null, {
        reden: input.reden,
        toelichting: input.toelichting ?? null,
        bestandsnaam,
        opslagnaam: file.opslagnaam,
        sha256: file.sha256,
        grootte: file.grootte,
        vervangenNamen: vervangen,
      });
      return {
        bestandsnaam,
        sha256: file.sha256,
        grootte: file.grootte,
        openFile: path.resolve(ctx.files.path('exports', file.opslagnaam)),
        inhoudBase64: buffer.toString('base64'),
        vervangenNamen: vervangen,
      };
    });
  } catch (e) {
    if (written) ctx.files.remove('exports', written);
    throw e;
  }
}

