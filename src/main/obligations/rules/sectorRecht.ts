// Which law governs a pupil's schorsing and verwijdering in each sector, in one table, so every rule
// asks the same question the same way: PO (WPO), SO and VSO (WEC), VO (WVO 2020 and the
// Inrichtingsbesluit WVO), MBO (WEB). docs/LAW.md explains each row.
import type { Sector } from '@shared/domain';
import type { BronId } from '../sources';

export interface SectorRecht {
  /** The statute's short name, for texts. */
  wet: string;
  /** The pupil is a 'leerling', or in MBO a 'student'. */
  persoon: 'leerling' | 'student';
  schorsing: BronId[];
  verwijdering: BronId[];
  /** The Inspectie hears of a schorsing over one day and of an expulsion (not in MBO). */
  inspectieMelding: boolean;
  /** The board consults the Inspectie before a definitive expulsion. */
  overlegInspectie: boolean;
  /** A schorsing may last longer than a week while that consultation runs. */
  langereSchorsingTijdensOverleg: boolean;
  /** A receiving school must be found before a definitive expulsion. */
  andereSchool: boolean;
  /** The meld- en aangifteplicht for sexual offences against minor pupils or students. */
  meldplicht: BronId;
  /** The objection procedure of a bijzondere school for an expulsion. */
  bezwaarBijzonder: BronId[];
  /**
   * The board's term for deciding on an objection against an expulsion: weeks from receipt of the
   * objection, or from the end of the objection term; per kind of school.
   */
  beslistermijn: { openbaar: Beslistermijn; bijzonder: Beslistermijn };
  /** Where the law says a case at the Geschillencommissie passend onderwijs suspends that term. */
  gpo: BronId | null;
}

export interface Beslistermijn {
  weken: number;
  vanaf: 'ontvangst' | 'einde_bezwaartermijn';
  bronnen: BronId[];
}

const AWB_7_10: Beslistermijn = { weken: 6, vanaf: 'einde_bezwaartermijn', bronnen: ['awb.7:10'] };

const WEC: SectorRecht = {
  wet: 'WEC',
  persoon: 'leerling',
  schorsing: ['wec.40a'],
  verwijdering: ['wec.40'],
  inspectieMelding: true,
  overlegInspectie: false,
  langereSchorsingTijdensOverleg: false,
  andereSchool: true,
  meldplicht: 'wec.4a',
  bezwaarBijzonder: ['wec.61'],
  beslistermijn: {
    openbaar: { weken: 4, vanaf: 'einde_bezwaartermijn', bronnen: ['wec.40'] },
    bijzonder: { weken: 4, vanaf: 'ontvangst', bronnen: ['wec.61'] },
  },
  gpo: 'wec.45',
};

const RECHT: Record<Sector, SectorRecht> = {
  PO: {
    wet: 'WPO',
    persoon: 'leerling',
    schorsing: ['wpo.40c'],
    verwijdering: ['wpo.40'],
    inspectieMelding: true,
    overlegInspectie: false,
    langereSchorsingTijdensOverleg: false,
    andereSchool: true,
    meldplicht: 'wpo.4a',
    bezwaarBijzonder: ['wpo.63'],
    beslistermijn: {
      openbaar: { weken: 4, vanaf: 'einde_bezwaartermijn', bronnen: ['wpo.40'] },
      bijzonder: { weken: 4, vanaf: 'ontvangst', bronnen: ['wpo.63'] },
    },
    gpo: 'wpo.43',
  },
  SO: WEC,
  // The WEC asks the consultation of the Inspectie before expelling a VSO pupil (as the VO rules do).
  VSO: { ...WEC, overlegInspectie: true },
  VO: {
    wet: 'WVO 2020',
    persoon: 'leerling',
    schorsing: ['vo.schorsing'],
    verwijdering: ['wvo.8.15'],
    inspectieMelding: true,
    overlegInspectie: true,
    langereSchorsingTijdensOverleg: true,
    andereSchool: true,
    meldplicht: 'vo.meldplicht',
    bezwaarBijzonder: ['vo.bezwaar'],
    beslistermijn: {
      openbaar: { weken: 4, vanaf: 'ontvangst', bronnen: ['vo.bezwaar'] },
      bijzonder: { weken: 4, vanaf: 'ontvangst', bronnen: ['vo.bezwaar'] },
    },
    gpo: 'vo.gpo',
  },
  MBO: {
    wet: 'WEB',
    persoon: 'student',
    schorsing: ['web.rechtsbescherming'],
    verwijdering: ['web.rechtsbescherming'],
    inspectieMelding: false,
    overlegInspectie: false,
    langereSchorsingTijdensOverleg: false,
    andereSchool: false,
    meldplicht: 'web.1.3.8',
    bezwaarBijzonder: [],
    beslistermijn: { openbaar: AWB_7_10, bijzonder: AWB_7_10 },
    gpo: null,
  },
};

export const sectorRecht = (sector: Sector): SectorRecht => RECHT[sector];
