// Who receives a decision about a pupil (schorsing, verwijdering, and the letters around them), from
// the law of the sector, the pupil's age on the day the decision is made known, and the guardian links.
// One pure rule: the letters address their envelopes from it, the obligations name their addressee by it.
//   PO: the parents (WPO art. 40c lid 2, 63 lid 2), whatever the age.
//   SO/VSO: the parents; the pupil himself once he is 18 (WEC art. 40a lid 2, 61 lid 2).
//   VO: the pupil, and his parents until he is 21 (Inrichtingsbesluit WVO art. 13 lid 2, 15 lid 1).
//   MBO: the student, and his parents while he is a minor (BW art. 1:233 and 1:245: they represent him).
// "The parents" of a minor are those with parental authority (gezag); a parent without it gets no
// letter, only information when he asks for it (BW art. 1:377c). The parents of an adult pupil whom
// the law does not name get a copy only with the pupil's recorded consent (AVG art. 6 en 7).
// An unknown date of birth counts as a minor: the parents (the legal representatives) then hear of it.
import type { Sector } from '@shared/domain';
import type { BronId } from '../sources';

/** A parent/guardian linked to the pupil, as far as the rule needs to know. */
export interface OuderKoppeling {
  id: number;
  naam: string;
  gezag: boolean;
  ontvangtPost: boolean;
  /** The date the adult pupil's consent to a copy for this parent was recorded; null: none. */
  toestemmingAfschriftOp: string | null;
}

export interface Geadresseerden {
  /** The pupil (student) receives the decision himself. */
  leerling: boolean;
  /** The parents receive the decision (when none can be written to, "de ouders van" at the pupil's address). */
  ouders: boolean;
  /** The linked parents the decision is sent to. */
  ouderIds: number[];
  /** The linked parents who get a copy (with the adult pupil's consent). */
  afschriftIds: number[];
  waarschuwingen: string[];
  bronnen: BronId[];
  /** For titles: "de ouders", "de leerling en de ouders", "de student". */
  tekst: string;
}

const MEERDERJARIG = 18;
/** VO only: the decision also goes to the parents of a pupil who is not yet 21. */
const VO_OUDERS_TOT = 21;

interface Wie {
  leerling: boolean;
  ouders: boolean;
  bronnen: BronId[];
}

/** Who the law names, by sector and age (null: unknown, read as a minor). */
function wie(sector: Sector, leeftijd: number | null): Wie {
  const minderjarig = leeftijd === null || leeftijd < MEERDERJARIG;
  switch (sector) {
    case 'PO':
      return { leerling: false, ouders: true, bronnen: ['wpo.40c.2', 'wpo.63.2', 'awb.3:41.1', 'bw1.245'] };
    case 'SO':
    case 'VSO':
      return { leerling: !minderjarig, ouders: minderjarig, bronnen: ['wec.40a.2', 'wec.61.2', 'awb.3:41.1', 'bw1.233', 'bw1.245'] };
    case 'VO':
      return {
        leerling: true,
        ouders: leeftijd === null || leeftijd < VO_OUDERS_TOT,
        bronnen: ['ibwvo.13.2', 'ibwvo.15.1', 'bw1.233', 'bw1.245'],
      };
    case 'MBO':
      return { leerling: true, ouders: minderjarig, bronnen: ['awb.3:41.1', 'bw1.233', 'bw1.245'] };
  }
}

function tekst(sector: Sector, w: Pick<Wie, 'leerling' | 'ouders'>): string {
  const persoon = sector === 'MBO' ? 'de student' : 'de leerling';
  if (w.leerling && w.ouders) return `${persoon} en de ouders`;
  return w.ouders ? 'de ouders' : persoon;
}

/** The addressee for obligation titles, e.g. "Schriftelijk besluit sturen aan de leerling en de ouders". */
export const geadresseerdeTekst = (sector: Sector, leeftijd: number | null): string => tekst(sector, wie(sector, leeftijd));

/** The same addressee in English, e.g. "the pupil and the parents". */
export function geadresseerdeTekstEn(sector: Sector, leeftijd: number | null): string {
  const w = wie(sector, leeftijd);
  const persoon = sector === 'MBO' ? 'the student' : 'the pupil';
  if (w.leerling && w.ouders) return `${persoon} and the parents`;
  return w.ouders ? 'the parents' : persoon;
}

const namen = (os: readonly OuderKoppeling[]) => os.map((o) => o.naam).join(' en ');

/**
 * Who receives a decision about a pupil of `sector` who is `leeftijd` on the day it is made known
 * (null when the date of birth is unknown), given the linked parents.
 */
export function geadresseerden(args: {
  sector: Sector;
  leeftijd: number | null;
  leerlingNaam: string;
  ouders: readonly OuderKoppeling[];
}): Geadresseerden {
  const { sector, leeftijd, leerlingNaam, ouders } = args;
  const w = wie(sector, leeftijd);
  const bronnen = [...w.bronnen];
  const waarschuwingen: string[] = [];
  const minderjarig = leeftijd === null || leeftijd < MEERDERJARIG;
  if (leeftijd === null && sector !== 'PO') {
    waarschuwingen.push(`De geboortedatum van ${leerlingNaam} is niet bekend; de brief is opgesteld als voor een minderjarige.`);
  }

  let ouderIds: number[] = [];
  if (w.ouders) {
    ouderIds = ouders.filter((o) => o.gezag && o.ontvangtPost).map((o) => o.id);
    const zonderPost = ouders.filter((o) => o.gezag && !o.ontvangtPost);
    if (zonderPost.length) {
      waarschuwingen.push(
        `${namen(zonderPost)} ${zonderPost.length === 1 ? 'heeft' : 'hebben'} gezag, maar ontvang${zonderPost.length === 1 ? 't' : 'en'} volgens de koppeling geen brieven. Het besluit is ook voor ${zonderPost.length === 1 ? 'deze ouder' : 'hen'} bestemd: zet ‘Ontvangt brieven’ aan, of reik het besluit op een andere manier uit.`,
      );
    }
    const zonderGezag = ouders.filter((o) => !o.gezag && o.ontvangtPost);
    if (minderjarig && zonderGezag.length) {
      bronnen.push('bw1.377c');
      waarschuwingen.push(
        `${namen(zonderGezag)} ${zonderGezag.length === 1 ? 'heeft' : 'hebben'} geen gezag en krijg${zonderGezag.length === 1 ? 't' : 'en'} deze brief niet. Vraagt een ouder zonder gezag om informatie, dan geeft de school die, tenzij het belang van ${leerlingNaam} zich daartegen verzet (BW art. 1:377c).`,
      );
    }
  }

  let afschriftIds: number[] = [];
  if (!w.ouders && !minderjarig) {
    // An adult pupil whose parents the law does not name: a copy only with his recorded consent.
    bronnen.push('avg.toestemming');
    const post = ouders.filter((o) => o.ontvangtPost);
    afschriftIds = post.filter((o) => o.toestemmingAfschriftOp !== null).map((o) => o.id);
    const zonder = post.filter((o) => o.toestemmingAfschriftOp === null);
    if (zonder.length) {
      waarschuwingen.push(
        `${leerlingNaam} is meerderjarig; ${namen(zonder)} ${zonder.length === 1 ? 'krijgt' : 'krijgen'} geen afschrift, omdat daarvoor geen toestemming van ${leerlingNaam} is vastgelegd.`,
      );
    }
    if (sector === 'SO' || sector === 'VSO') {
      waarschuwingen.push(
        `${leerlingNaam} is meerderjarig en krijgt het besluit zelf. Staat ${leerlingNaam} onder curatele, dan gaat het besluit naar de curator (WEC art. 40a lid 2).`,
      );
    }
  }

  return { leerling: w.leerling, ouders: w.ouders, ouderIds, afschriftIds, waarschuwingen, bronnen, tekst: tekst(sector, w) };
}
