// Advice, never automatic (docs/LAW.md): for serious categories, suggest consulting the
// vertrouwensinspecteur; for possible criminal offences, prompt for aangifte or a melding at the police
// (with the exact articles); where a child may be abused, point to the school's own meldcode; for each
// dader, the school's own escalation ladder (the n-th incident as dader in a school year) and what the
// school did before in similar cases (earlier incidents in the same category, with measures).
// Every item names its sources (sources/straf.ts, docs/LAW.md).
import type { Ctx } from '../context/context';
import { notFound } from '../errors/errors';
import type { Advice, AdviceItem, EarlierCase, PersonAdvice } from '@shared/api/obligations';
import type { Ernst, IncidentStatus, Maatregel, MaatregelStatus, PersoonSoort } from '@shared/domain';
import { schoolYearOf } from '@shared/schoolYear';
import { dutchShortDate } from '@shared/dates';
import { displayName } from '../people/names';
import type { NameParts } from '../people/names';
import { readComplianceSettings } from '../settings/compliance';
import { zedenStatusVan } from './checklist';
import { BRONNEN } from './sources';
import type { BronId } from './sources';

export const VERTROUWENSINSPECTEUR = '0900-111 3 111';
export const VEILIG_THUIS = '0800-2000';

/** Categories where consulting the vertrouwensinspecteur is advised (pesten only when serious). */
const VI_CATEGORIEEN = new Set(['seksueel', 'bedreiging', 'discriminatie', 'radicalisering']);
const ERNSTIG: readonly Ernst[] = ['hoog', 'zeer_hoog'];

/**
 * Standard categories that may be a criminal offence, with the articles (Sr as it stands since the
 * Wet seksuele misdrijven of 1 July 2024). A school's own categories get no aangifte advice.
 */
export const STRAFBAAR: Record<string, { tekst: string; bronnen: readonly BronId[] }> = {
  bedreiging: {
    tekst:
      'Bedreiging met onder meer geweld, zware mishandeling, een misdrijf tegen het leven of brandstichting is strafbaar (art. 285 Sr).',
    bronnen: ['sr.285'],
  },
  stalking: {
    tekst: 'Belaging (stalking), iemand stelselmatig lastigvallen om die te dwingen of bang te maken, is strafbaar (art. 285b Sr).',
    bronnen: ['sr.285b'],
  },
  kwetsen: {
    tekst:
      'Iemand opzettelijk beledigen, in het openbaar, in diens bijzijn of met een toegestuurd bericht of beeld, is strafbaar (art. 266 Sr). De politie vervolgt alleen als de beledigde daarom vraagt met een klacht (art. 269 Sr).',
    bronnen: ['sr.266', 'sr.269'],
  },
  discriminatie: {
    tekst:
      'Een groep mensen beledigen om bijvoorbeeld hun ras, godsdienst, seksuele gerichtheid of handicap, aanzetten tot haat, discriminatie of geweld, en zulke uitingen verspreiden zijn strafbaar (art. 137c–137e Sr).',
    bronnen: ['sr.137c', 'sr.137d', 'sr.137e'],
  },
  seksueel: {
    tekst:
      'Een seksuele foto of video van een minderjarige maken, bezitten of doorsturen is strafbaar (art. 252 Sr, tot 1 juli 2024 art. 240b Sr); een afbeelding van seksuele aard van wie dan ook openbaar maken terwijl dat de afgebeelde kan schaden ook (art. 139h Sr).',
    bronnen: ['sr.252', 'sr.139h'],
  },
  beeld_zonder_toestemming: {
    tekst:
      'Gaat het om beeld van seksuele aard, dan is dat zonder recht maken of openbaar maken terwijl het de afgebeelde kan schaden strafbaar (art. 139h Sr), en bij een minderjarige ook maken, bezitten of doorsturen (art. 252 Sr).',
    bronnen: ['sr.139h', 'sr.252'],
  },
  persoonsgegevens: {
    tekst:
      'Doxing, iemands persoonsgegevens (zoals adres, telefoonnummer of foto’s) verspreiden om die persoon bang te maken, ernstige overlast aan te doen of in het werk te hinderen, is strafbaar (art. 285d Sr).',
    bronnen: ['sr.285d'],
  },
  hacken: {
    tekst: 'Binnendringen in een account of computer is strafbaar (computervredebreuk, art. 138ab Sr).',
    bronnen: ['sr.138ab'],
  },
  nepaccount: {
    tekst:
      'Een account of bericht op naam van een ander, met diens naam of andere identificerende gegevens, om de ander te misbruiken of de eigen identiteit te verhullen is identiteitsfraude als daardoor nadeel kan ontstaan (art. 231b Sr).',
    bronnen: ['sr.231b'],
  },
};

/** Sexual categories: a possible sign of sexual abuse of a child, for which the meldcode is meant. */
const MELDCODE_CATEGORIEEN = new Set(['seksueel', 'ongepast_contact']);

/** An item before its citations are spelled out (the zeden item names none yet). */
type Draft = Omit<AdviceItem, 'bronnen' | 'bronTekst'> & { bronnen?: readonly BronId[] };

const cite = (d: Draft): AdviceItem => {
  const bronnen = [...(d.bronnen ?? [])];
  return { ...d, bronnen, bronTekst: bronnen.map((id) => BRONNEN[id].citaat).join('; ') };
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
  return ctx.db
    .prepare('SELECT datum, soort FROM external_report WHERE incident_id = ? AND instantie = ? ORDER BY datum LIMIT 1')
    .get(incidentId, instantie) as { datum: string; soort: string } | undefined;
}

function incidentItems(ctx: Ctx, i: IncidentLite): AdviceItem[] {
  const items: Draft[] = [];
  const label = categoryLabel(ctx, i.categorie).toLowerCase();
  if (VI_CATEGORIEEN.has(i.categorie) || (i.categorie === 'pesten' && ERNSTIG.includes(i.ernst))) {
    const al = reportedAt(ctx, i.id, 'vertrouwensinspecteur');
    items.push({
      soort: 'vertrouwensinspecteur',
      titel: 'Overweeg overleg met de vertrouwensinspecteur',
      tekst:
        `Bij ${i.categorie === 'pesten' ? 'ernstig (online) pesten' : label} kunt u vertrouwelijk overleggen met de vertrouwensinspecteur: ${VERTROUWENSINSPECTEUR}, werkdagen 08:00–17:00.` +
        (al ? ` Al vastgelegd: ${al.soort} op ${dutchShortDate(al.datum)}.` : ' Dit is een advies; de app neemt zelf geen stap.'),
      bronnen: ['inspectie.vertrouwensinspecteur'],
    });
  }
  const strafbaar = STRAFBAAR[i.categorie];
  if (strafbaar) {
    const al = reportedAt(ctx, i.id, 'politie');
    items.push({
      soort: 'aangifte',
      titel: 'Mogelijk strafbaar feit: overweeg aangifte of een melding bij de politie',
      tekst:
        `${strafbaar.tekst} Overleg met de betrokkenen (en bij een minderjarige met de ouders) over aangifte of een melding, en leg die vast bij de melding.` +
        (al ? ` Al vastgelegd: ${al.soort} op ${dutchShortDate(al.datum)}.` : ''),
      bronnen: strafbaar.bronnen,
    });
  }
  const people = ctx.db
    .prepare('SELECT ip.person_id, ip.rol, p.soort FROM incident_person ip JOIN person p ON p.id = ip.person_id WHERE ip.incident_id = ?')
    .all(i.id) as { person_id: number; rol: string; soort: PersoonSoort }[];
  const st = zedenStatusVan(ctx.db, i.id);
  if (st.actief || st.vraag || st.advies) {
    const titel = st.actief
      ? 'Meldplicht bij een mogelijk zedendelict'
      : st.advies
        ? 'Mogelijk zedendelict tegen een meerderjarige leerling'
        : 'Is dit een mogelijk zedendelict?';
    items.unshift({ soort: 'zeden', titel, tekst: st.reden, bronnen: st.bronnen });
  }
  if (meldcodeApplies(i.categorie, people)) items.push(meldcodeItem());
  return items.map(cite);
}

/**
 * When the meldcode may be at stake: a sexual incident against a pupil (or with no victim recorded
 * yet), or a parent as dader against a pupil. The meldcode is for signals of child abuse, which
 * includes sexual abuse, and of domestic violence (Jeugdwet art. 1.1); whether there are such signals
 * the school weighs itself, so this only points to its own meldcode.
 */
function meldcodeApplies(categorie: string, people: { rol: string; soort: PersoonSoort }[]): boolean {
  const slachtoffers = people.filter((p) => p.rol === 'slachtoffer');
  const leerling = slachtoffers.some((p) => p.soort === 'leerling');
  if (MELDCODE_CATEGORIEEN.has(categorie)) return leerling || slachtoffers.length === 0;
  return leerling && people.some((p) => p.rol === 'dader' && p.soort === 'ouder');
}

const meldcodeItem = (): Draft => ({
  soort: 'meldcode',
  titel: 'Signalen van kindermishandeling of huiselijk geweld? Volg de meldcode van de school',
  tekst:
    'Zijn er signalen dat een leerling wordt mishandeld, verwaarloosd of seksueel misbruikt door iemand van wie hij afhankelijk is, of van huiselijk geweld, dan werkt de school met haar eigen meldcode huiselijk geweld en kindermishandeling. ' +
    `De vijf stappen zijn: signalen in kaart brengen, overleggen met een collega en zo nodig Veilig Thuis raadplegen (${VEILIG_THUIS}), een gesprek met de betrokkene(n), het geweld of de mishandeling wegen met het afwegingskader, en beslissen of melden bij Veilig Thuis nodig is en of de school zelf hulp kan bieden of organiseren. ` +
    'Wie welke stap zet, staat in de meldcode van de school; dit is een advies, de app neemt zelf geen stap.',
  bronnen: ['meldcode.wet', 'meldcode.besluit', 'meldcode.afwegingskader', 'jeugdwet.1.1'],
});

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
  const measures = ctx.db.prepare(
    'SELECT id, soort, status, besluit_datum FROM measure WHERE incident_id = ? AND person_id = ? ORDER BY besluit_datum, id',
  );
  return rows.map((r) => ({
    incidentId: r.id,
    nummer: r.nummer,
    datumVoorval: r.datum_voorval,
    categorie: r.categorie,
    ernst: r.ernst,
    status: r.status,
    maatregelen: (measures.all(r.id, personId) as { id: number; soort: Maatregel; status: MaatregelStatus; besluit_datum: string }[]).map(
      (m) => ({
        measureId: m.id,
        soort: m.soort,
        status: m.status,
        besluitDatum: m.besluit_datum,
      }),
    ),
  }));
}

function personAdvice(ctx: Ctx, personId: number, i: IncidentLite | null): PersonAdvice {
  const p = ctx.db.prepare('SELECT voornaam, roepnaam, tussenvoegsel, achternaam FROM person WHERE id = ?').get(personId) as
    NameParts | undefined;
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
    const i = ctx.db
      .prepare('SELECT id, nummer, categorie, ernst, datum_voorval, datum_melding, schooljaar FROM incident WHERE id = ?')
      .get(input.incidentId) as IncidentLite | undefined;
    if (!i) throw notFound('Deze melding');
    const daders = (
      ctx.db
        .prepare(`SELECT DISTINCT person_id FROM incident_person WHERE incident_id = ? AND rol = 'dader' ORDER BY person_id`)
        .all(i.id) as { person_id: number }[]
    )
      .map((d) => d.person_id)
      .filter((id) => !input.personId || id === input.personId);
    const personen = daders.map((id) => personAdvice(ctx, id, i));
    const items = incidentItems(ctx, i);
    for (const p of personen) {
      if (p.ladderStap) {
        items.push(
          cite({
            soort: 'ladder',
            titel: `${p.naam}: ${p.aantalDitSchooljaar}e melding als dader dit schooljaar`,
            tekst: `Volgens de eigen escalatieladder van de school: ${p.ladderStap}.${p.volgendeStap ? ` Bij de ${p.volgendeStap.vanaf}e melding: ${p.volgendeStap.stap}.` : ''}`,
            bronnen: ['school.instelling'],
          }),
        );
      }
    }
    return { incidentId: i.id, items, personen };
  }
  return { incidentId: null, items: [], personen: [personAdvice(ctx, input.personId!, null)] };
}
