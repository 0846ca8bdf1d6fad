// Advice, never automatic (DOMAIN.md §6.5): for serious categories, suggest consulting the
// vertrouwensinspecteur; for possible criminal offences, prompt for aangifte or a melding at the police;
// for each dader, the school's own escalation ladder (the n-th incident as dader in a school year) and
// what the school did before in similar cases (earlier incidents in the same category, with measures).
import type { Ctx } from '../core/context';
import { notFound } from '../core/errors';
import type { Advice, AdviceItem, EarlierCase, PersonAdvice } from '../../shared/api/obligations';
import type { Ernst, IncidentStatus, Maatregel, MaatregelStatus, PersoonSoort } from '../../shared/domain';
import { schoolYearOf } from '../../shared/schoolYear';
import { dutchShortDate } from '../../shared/dates';
import { displayName } from '../people/names';
import type { NameParts } from '../people/names';
import { readComplianceSettings } from './settings';
import { zedenStatus } from './rules/zeden';

export const VERTROUWENSINSPECTEUR = '0900-111 3 111';

/** Categories where consulting the vertrouwensinspecteur is advised (pesten only when serious). */
const VI_CATEGORIEEN = new Set(['seksueel', 'bedreiging', 'discriminatie', 'radicalisering']);
const ERNSTIG: readonly Ernst[] = ['hoog', 'zeer_hoog'];

/** Categories that may be a criminal offence. */
const STRAFBAAR: Record<string, string> = {
  bedreiging: 'Bedreiging is strafbaar (art. 285 Sr).',
  discriminatie: 'Discriminatie en belediging van een groep zijn strafbaar (art. 137c–137e Sr).',
  seksueel: 'Seksueel beeldmateriaal van minderjarigen maken, bezitten of delen is strafbaar, ook tussen jongeren (art. 240b Sr).',
  stalking: 'Belaging (stalking) is strafbaar (art. 285b Sr).',
  hacken: 'Binnendringen in een account of computer is strafbaar (computervredebreuk, art. 138ab Sr).',
};

interface IncidentLite {
  id: number;
  nummer: string;
  categorie: string;
  ernst: Ernst;
  datum_voorval: string;
  datum_melding: string;
  schooljaar: string;
}

const categoryLabel = (ctx: Ctx, code: string) =>
  (ctx.db.prepare('SELECT label FROM category WHERE code = ?').get(code) as { label: string } | undefined)?.label ?? code;

function reportedAt(ctx: Ctx, incidentId: number, instantie: string): { datum: string; soort: string } | undefined {
  return ctx.db.prepare('SELECT datum, soort FROM external_report WHERE incident_id = ? AND instantie = ? ORDER BY datum LIMIT 1').get(incidentId, instantie) as
    | { datum: string; soort: string }
    | undefined;
}

function incidentItems(ctx: Ctx, i: IncidentLite): AdviceItem[] {
  const items: AdviceItem[] = [];
  const label = categoryLabel(ctx, i.categorie).toLowerCase();
  if (VI_CATEGORIEEN.has(i.categorie) || (i.categorie === 'pesten' && ERNSTIG.includes(i.ernst))) {
    const al = reportedAt(ctx, i.id, 'vertrouwensinspecteur');
    items.push({
      soort: 'vertrouwensinspecteur',
      titel: 'Overweeg overleg met de vertrouwensinspecteur',
      tekst:
        `Bij ${i.categorie === 'pesten' ? 'ernstig (online) pesten' : label} kunt u vertrouwelijk overleggen met de vertrouwensinspecteur: ${VERTROUWENSINSPECTEUR}, werkdagen 08:00–17:00.` +
        (al ? ` Al vastgelegd: ${al.soort} op ${dutchShortDate(al.datum)}.` : ' Dit is een advies; de app neemt zelf geen stap.'),
    });
  }
  if (STRAFBAAR[i.categorie]) {
    const al = reportedAt(ctx, i.id, 'politie');
    items.push({
      soort: 'aangifte',
      titel: 'Mogelijk strafbaar feit: overweeg aangifte of een melding bij de politie',
      tekst:
        `${STRAFBAAR[i.categorie]} Overleg met de betrokkenen (en bij een minderjarige met de ouders) over aangifte of een melding, en leg die vast bij de melding.` +
        (al ? ` Al vastgelegd: ${al.soort} op ${dutchShortDate(al.datum)}.` : ''),
    });
  }
  const people = ctx.db
    .prepare('SELECT ip.person_id, ip.rol, p.soort FROM incident_person ip JOIN person p ON p.id = ip.person_id WHERE ip.incident_id = ?')
    .all(i.id) as { person_id: number; rol: string; soort: PersoonSoort }[];
  const zeden = ctx.db.prepare('SELECT vermoeden FROM incident_zeden WHERE incident_id = ?').get(i.id) as { vermoeden: number } | undefined;
  const st = zedenStatus({
    incident: { id: i.id, categorie: i.categorie, ernst: i.ernst, datumMelding: i.datum_melding },
    daders: people.filter((p) => p.rol === 'dader').map((p) => ({ personId: p.person_id, soort: p.soort })),
    slachtoffers: people.filter((p) => p.rol === 'slachtoffer').map((p) => ({ personId: p.person_id, soort: p.soort })),
    zedenVermoeden: zeden ? zeden.vermoeden === 1 : null,
  });
  if (st.actief || st.vraag) items.unshift({ soort: 'zeden', titel: st.actief ? 'Meldplicht bij een mogelijk zedendelict' : 'Is dit een mogelijk zedendelict?', tekst: st.reden });
  return items;
}

function earlierCases(ctx: Ctx, personId: number, opts: { categorie?: string; voor?: IncidentLite }): EarlierCase[] {
  const rows = ctx.db
    .prepare(
      `SELECT i.id, i.nummer, i.datum_voorval, i.categorie, i.ernst, i.status FROM incident_person ip JOIN incident i ON i.id = ip.incident_id
        WHERE ip.person_id = @p AND ip.rol = 'dader' AND (@cat IS NULL OR i.categorie = @cat) AND i.id <> @self
          AND (@datum IS NULL OR i.datum_voorval <= @datum)
        ORDER BY i.datum_voorval DESC, i.id DESC LIMIT 20`,
    )
    .all({ p: personId, cat: opts.categorie ?? null, self: opts.voor?.id ?? 0, datum: opts.voor?.datum_voorval ?? null }) as {
    id: number;
    nummer: string;
    datum_voorval: string;
    categorie: string;
    ernst: Ernst;
    status: IncidentStatus;
  }[];
  const measures = ctx.db.prepare('SELECT id, soort, status, besluit_datum FROM measure WHERE incident_id = ? AND person_id = ? ORDER BY besluit_datum, id');
  return rows.map((r) => ({
    incidentId: r.id,
    nummer: r.nummer,
    datumVoorval: r.datum_voorval,
    categorie: r.categorie,
    ernst: r.ernst,
    status: r.status,
    maatregelen: (measures.all(r.id, personId) as { id: number; soort: Maatregel; status: MaatregelStatus; besluit_datum: string }[]).map((m) => ({
      measureId: m.id,
      soort: m.soort,
      status: m.status,
      besluitDatum: m.besluit_datum,
    })),
  }));
}

function personAdvice(ctx: Ctx, personId: number, i: IncidentLite | null): PersonAdvice {
  const p = ctx.db.prepare('SELECT voornaam, roepnaam, tussenvoegsel, achternaam FROM person WHERE id = ?').get(personId) as NameParts | undefined;
  if (!p) throw notFound('Deze persoon');
  const schooljaar = i ? i.schooljaar : schoolYearOf(ctx.today());
  const { n } = ctx.db
    .prepare(
      `SELECT COUNT(DISTINCT i.id) AS n FROM incident_person ip JOIN incident i ON i.id = ip.incident_id
        WHERE ip.person_id = ? AND ip.rol = 'dader' AND i.schooljaar = ? AND (? IS NULL OR i.datum_voorval < ? OR (i.datum_voorval = ? AND i.id <= ?))`,
    )
    .get(personId, schooljaar, i?.datum_voorval ?? null, i?.datum_voorval ?? null, i?.datum_voorval ?? null, i?.id ?? 0) as { n: number };
  const ladder = readComplianceSettings(ctx.db).escalatieladder;
  const huidige = [...ladder].reverse().find((s) => s.vanaf <= n) ?? null;
  const volgende = ladder.find((s) => s.vanaf > n) ?? null;
  return {
    personId,
    naam: displayName(p),
    aantalDitSchooljaar: n,
    schooljaar,
    ladderStap: huidige?.stap ?? null,
    volgendeStap: volgende,
    eerder: earlierCases(ctx, personId, { categorie: i?.categorie, voor: i ?? undefined }),
  };
}

export function getAdvice(ctx: Ctx, input: { incidentId?: number; personId?: number }): Advice {
  if (input.incidentId) {
    const i = ctx.db.prepare('SELECT id, nummer, categorie, ernst, datum_voorval, datum_melding, schooljaar FROM incident WHERE id = ?').get(input.incidentId) as
      | IncidentLite
      | undefined;
    if (!i) throw notFound('Deze melding');
    const daders = (ctx.db.prepare(`SELECT DISTINCT person_id FROM incident_person WHERE incident_id = ? AND rol = 'dader' ORDER BY person_id`).all(i.id) as { person_id: number }[])
      .map((d) => d.person_id)
      .filter((id) => !input.personId || id === input.personId);
    const personen = daders.map((id) => personAdvice(ctx, id, i));
    const items = incidentItems(ctx, i);
    for (const p of personen) {
      if (p.ladderStap) {
        items.push({
          soort: 'ladder',
          titel: `${p.naam}: ${p.aantalDitSchooljaar}e melding als dader dit schooljaar`,
          tekst: `Volgens de eigen escalatieladder van de school: ${p.ladderStap}.${p.volgendeStap ? ` Bij de ${p.volgendeStap.vanaf}e melding: ${p.volgendeStap.stap}.` : ''}`,
        });
      }
    }
    return { incidentId: i.id, items, personen };
  }
  return { incidentId: null, items: [], personen: [personAdvice(ctx, input.personId!, null)] };
}
