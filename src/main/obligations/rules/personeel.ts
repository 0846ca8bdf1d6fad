// DOMAIN.md §6.6: disciplinary measures for staff (CAO PO/VO). An intended measure goes by registered
// letter, the employee has 3 weeks for a zienswijze, the decision goes by registered letter and the
// employee has 6 weeks to appeal; everything goes into the personeelsdossier. A staff schorsing lasts at
// most 4 weeks per decision (a gate, gates.ts); an extension is a new decision with a new zienswijze.
// Ontslag op staande voet is given at once, with the urgent reason. A warning is no disciplinary measure.
import { termijnEinde } from '../terms';
import type { MeasureFacts, MeasureRule, ObligationSpec } from './types';
import { key, mijlpaal, opDag } from './types';

const DISCIPLINAIR = new Set(['schriftelijke_berisping', 'schorsing', 'inhouding_salaris', 'ontslag']);

const dossier = (d: string): ObligationSpec => ({
  regel: 'personeel.dossier',
  volgorde: 50,
  titel: 'Brieven en verslagen in het personeelsdossier opnemen',
  grondslag: 'CAO en AVG: alle correspondentie over een disciplinaire maatregel hoort in het personeelsdossier; een overtreding van het protocol kan plichtsverzuim zijn.',
  actor: 'Schoolleiding / HR',
  ...mijlpaal(d),
});

/** The date the intention went out: its task's done date, else the date it was due, else the decision date. */
function voornemenDatum(f: MeasureFacts): string | null {
  const p = f.prior.get(key('personeel.voornemen'));
  if (!p) return null;
  return p.status === 'gedaan' && p.gedaanOp ? p.gedaanOp : p.uiterlijk;
}

export const personeelDisciplinair: MeasureRule = (f) => {
  if (f.person.soort !== 'medewerker' || f.measure.status === 'ingetrokken' || !DISCIPLINAIR.has(f.measure.soort)) return [];
  const d = f.measure.besluitDatum;
  const voornemen = f.measure.status === 'voorgenomen';
  const out: ObligationSpec[] = [];
  const vDatum = voornemen ? d : voornemenDatum(f);
  if (voornemen || vDatum) {
    out.push({
      regel: 'personeel.voornemen',
      volgorde: 10,
      titel: 'Voornemen per aangetekende brief aan de medewerker sturen',
      grondslag: 'CAO: een voorgenomen disciplinaire maatregel deelt het bevoegd gezag aangetekend en met redenen mee; de medewerker kan binnen 3 weken een zienswijze geven.',
      actor: 'Bevoegd gezag',
      ...opDag(vDatum!),
    });
  }
  const zienswijzeExtra = f.measure.soort === 'schorsing' ? ' Ook vóór elke verlenging van een schorsing.' : '';
  out.push(
    vDatum
      ? {
          regel: 'personeel.zienswijze',
          volgorde: 20,
          titel: 'Zienswijze van de medewerker (3 weken na het voornemen)',
          grondslag: `CAO: de medewerker heeft 3 weken voor een zienswijze (mondeling of schriftelijk) vóór het besluit.${zienswijzeExtra} Leg de zienswijze vast als hoorgesprek.`,
          actor: 'Medewerker (kan een zienswijze geven); bevoegd gezag wacht af',
          ...mijlpaal(termijnEinde(vDatum, 3)),
        }
      : {
          // Decided without a recorded intention: the zienswijze should have come first. Shown as due
          // on the decision date so the gap is visible; the school records it or explains why not.
          regel: 'personeel.zienswijze',
          volgorde: 20,
          titel: 'Zienswijze van de medewerker vastleggen (vóór het besluit)',
          grondslag: `CAO: vóór een disciplinair besluit krijgt de medewerker 3 weken voor een zienswijze.${zienswijzeExtra} Is er geen voornemen verstuurd, leg dan vast waarom.`,
          actor: 'Bevoegd gezag',
          ...opDag(d),
        },
  );
  if (voornemen) return out;
  out.push(
    {
      regel: 'personeel.besluit',
      volgorde: 30,
      titel: 'Besluit per aangetekende brief aan de medewerker sturen',
      grondslag: 'CAO: het besluit gaat aangetekend en met redenen naar de medewerker, met de mogelijkheid van beroep binnen 6 weken.',
      actor: 'Bevoegd gezag',
      ...opDag(d),
    },
    {
      regel: 'personeel.beroep',
      volgorde: 40,
      titel: 'Beroepstermijn van de medewerker (6 weken) loopt af',
      grondslag: 'CAO: de medewerker kan binnen 6 weken na het besluit in beroep (bij de commissie van beroep of de rechter, afhankelijk van de school).',
      actor: 'Medewerker (kan in beroep); bevoegd gezag wacht af',
      ...mijlpaal(termijnEinde(f.prior.get(key('personeel.besluit'))?.gedaanOp ?? d, 6)),
    },
    dossier(d),
  );
  return out;
};

export const ontslagOpStaandeVoet: MeasureRule = (f) => {
  if (f.person.soort !== 'medewerker' || f.measure.soort !== 'ontslag_op_staande_voet' || f.measure.status === 'ingetrokken') return [];
  const d = f.measure.besluitDatum;
  return [
    {
      regel: 'personeel.onverwijld',
      volgorde: 10,
      titel: 'Ontslag onverwijld meedelen, met de dringende reden',
      grondslag: 'Burgerlijk Wetboek art. 7:677 en 7:678: ontslag op staande voet wordt onverwijld gegeven en de dringende reden wordt direct meegedeeld, bij voorkeur ook schriftelijk.',
      actor: 'Bevoegd gezag',
      ...opDag(d),
    },
    dossier(d),
  ];
};
