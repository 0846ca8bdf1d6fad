// EDEXML 2.x (the XML that ParnasSys and ESIS export for primary schools): checked against the
// structure of the EDEXML 2.1 schema (EDEX > school, vestigingen?, groepen?, leerlingen,
// leerkrachten?) and read into roster records. EDEXML carries no guardians (those come from a
// second file) and we deliberately skip what we do not need (BSN, country of origin, weights).
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { decodeText, refuse } from '../file';
import type { ImportFile } from '../file';
import type { RawRecord } from './record';
import { MAX_RIJEN, teVeelPersonen } from '../limits';

const ALLOWED = ['school', 'vestigingen', 'groepen', 'leerlingen', 'leerkrachten'];

/** EDEXLeerkrachtRolType (EDEXML.types.variabel.xsd 2.1) as the function we store. */
const ROLLEN: Record<string, string> = {
  ADJ: 'Adjunctdirecteur',
  ADM: 'Administratief medewerker',
  CON: 'Conciërge',
  DIR: 'Directeur / schoolleider',
  ICT: 'ICT-coördinator',
  IB: 'Intern begeleider',
  KLA: 'Klassenassistent',
  LRK: 'Leerkracht',
  LOS: 'Leraarondersteuner',
  LOC: 'Locatieleider',
  OWA: 'Onderwijsassistent',
  OUD: 'Ouder',
  RT: 'Remedial teacher',
  SMW: 'Schoolmaatschappelijk werker',
  STA: 'Stagiair(e)',
  TAL: 'Toetsafnameleider',
  VAK: 'Vakleerkracht',
};

const ARRAYS = new Set([
  'EDEX.vestigingen.vestiging',
  'EDEX.groepen.groep',
  'EDEX.groepen.samengestelde_groep',
  'EDEX.leerlingen.leerling',
  'EDEX.leerkrachten.leerkracht',
  'EDEX.leerkrachten.leerkracht.rol',
  'EDEX.leerkrachten.leerkracht.rolomschrijving',
]);

type Node = Record<string, unknown>;

const str = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v).trim() : '');
const attr = (n: Node, name: string): string => str(n[`@_${name}`]);
const child = (n: Node, name: string): Node | undefined =>
  typeof n[name] === 'object' && n[name] !== null ? (n[name] as Node) : undefined;

/** EDEXGeslachtType (NEN-ISO 5218): 1 boy, 2 girl; 0 and 9 (unknown, unspecified) stay empty. */
const geslacht = (v: string): string => (v === '1' ? 'm' : v === '2' ? 'v' : '');

/** EDEXJaargroepType: 0–8 are PO groups, 11–16 VO years 1–6; letters (S, V, C, N, H…) have no year. */
function leerjaar(v: string): string {
  if (/^[0-8]$/.test(v)) return v;
  if (/^1[1-6]$/.test(v)) return String(Number(v) - 10);
  return '';
}

/** The line of each opening tag `<name …>` inside `<parent>…</parent>`, comments blanked out. */
function tagLines(xml: string, parent: string, name: string): number[] {
  const blank = xml.replace(/<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>/g, (m) => m.replace(/[^\n]/g, ' '));
  const start = blank.search(new RegExp(`<${parent}[\\s>]`));
  if (start < 0) return [];
  const endIdx = blank.indexOf(`</${parent}>`, start);
  const end = endIdx < 0 ? blank.length : endIdx;
  const lines: number[] = [];
  const re = new RegExp(`<${name}[\\s>/]`, 'g');
  re.lastIndex = start;
  let m: RegExpExecArray | null;
  let line = 1;
  let pos = 0;
  while ((m = re.exec(blank)) && m.index < end) {
    for (; pos < m.index; pos++) if (blank.charCodeAt(pos) === 10) line++;
    lines.push(line);
  }
  return lines;
}

const looksLikeXml = (text: string) => /^\s*(<\?xml|<[A-Za-z])/.test(text);

export function isEdexml(file: ImportFile): boolean {
  if (file.ext === 'xml') return true;
  const head = file.bytes.subarray(0, 2048).toString('utf8');
  return looksLikeXml(head) && /<EDEX[\s>]/.test(head);
}

export interface EdexmlContent {
  records: RawRecord[];
  leerlingen: number;
  medewerkers: number;
  /** True when the file has a <leerkrachten> list (a full import then also covers staff). */
  heeftMedewerkers: boolean;
}

export function readEdexml(file: ImportFile): EdexmlContent {
  const { text } = decodeText(file.bytes);
  if (!looksLikeXml(text)) throw refuse('Dit bestand is geen XML-bestand. Kies de EDEXML-export (.xml) uit uw leerlingadministratie.');
  if (/<!DOCTYPE|<!ENTITY/i.test(text))
    throw refuse('Dit XML-bestand bevat een DOCTYPE; een EDEXML-export heeft die nooit. Er is niets ingelezen.');
  // Counted on the text, before the validator and the parser build the whole tree.
  if ((text.match(/<(?:leerling|leerkracht)[\s>/]/g)?.length ?? 0) > MAX_RIJEN) throw teVeelPersonen();
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    throw refuse(
      `Dit XML-bestand is beschadigd of onvolledig (fout op regel ${valid.err.line}, kolom ${valid.err.col}). Maak een nieuwe export uit uw leerlingadministratie. Er is niets ingelezen.`,
    );
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    processEntities: true,
    isArray: (_name, jpath) => ARRAYS.has(String(jpath)),
  });
  const doc = parser.parse(text) as Node;
  const rootName = Object.keys(doc).find((k) => k !== '?xml');
  if (rootName !== 'EDEX') {
    throw refuse(
      `Dit is geen EDEXML-bestand: het hoofdonderdeel heet <${rootName ?? '?'}> in plaats van <EDEX>. Kies de EDEXML-export uit ParnasSys of ESIS.`,
    );
  }
  const edex = (doc.EDEX ?? {}) as Node;
  const children = Object.keys(edex).filter((k) => !k.startsWith('@_') && k !== '#text');
  const unknown = children.filter((k) => !ALLOWED.includes(k));
  if (!children.includes('school')) {
    const extra = unknown.length ? `; in plaats daarvan staat er <${unknown[0]}>` : '';
    throw refuse(
      `Dit EDEXML-bestand klopt niet: het verplichte onderdeel <school> ontbreekt${extra}. Vraag een nieuwe export aan uit uw leerlingadministratie (ParnasSys of ESIS). Er is niets ingelezen.`,
    );
  }
  if (unknown.length) {
    throw refuse(
      `Dit EDEXML-bestand klopt niet: het onderdeel <${unknown[0]}> hoort niet in EDEXML 2. Vraag een nieuwe export aan. Er is niets ingelezen.`,
    );
  }
  if (!children.includes('leerlingen'))
    throw refuse('Dit EDEXML-bestand klopt niet: het onderdeel <leerlingen> ontbreekt. Er is niets ingelezen.');
  const school = child(edex, 'school') ?? {};
  const versie = str(school.xsdversie);
  if (versie && !versie.startsWith('2.')) {
    throw refuse(
      `Dit is EDEXML versie ${versie}; Schoolprotocol leest EDEXML 2.0 en 2.1. Kies in uw administratie de export in EDEXML 2. Er is niets ingelezen.`,
    );
  }

  const groepNamen = new Map<string, string>();
  for (const g of (child(edex, 'groepen')?.groep as Node[] | undefined) ?? []) groepNamen.set(attr(g, 'key'), str(g.naam));

  const records: RawRecord[] = [];
  const leerlingen = (child(edex, 'leerlingen')?.leerling as Node[] | undefined) ?? [];
  const lLines = tagLines(text, 'leerlingen', 'leerling');
  leerlingen.forEach((l, i) => {
    const groepKey = attr(child(l, 'groep') ?? {}, 'key');
    records.push({
      regel: lLines[i] ?? 0,
      soort: 'leerling',
      waarden: {
        leerlingnummer: attr(l, 'key'),
        eckId: attr(l, 'eckid'),
        achternaam: str(l.achternaam),
        tussenvoegsel: str(l.voorvoegsel),
        voornamen: str(l.voornamen),
        voorletters: str(l['voorletters-1']),
        roepnaam: str(l.roepnaam),
        geboortedatum: str(l.geboortedatum),
        geslacht: geslacht(str(l.geslacht)),
        leerjaar: leerjaar(str(l.jaargroep)),
        groep: groepKey ? groepNamen.get(groepKey) || groepKey : '',
        email: str(l.emailadres),
        ingeschrevenOp: str(l.instroomdatum),
        uitgeschrevenOp: str(l.uitstroomdatum),
      },
    });
  });

  const leerkrachtenNode = child(edex, 'leerkrachten');
  const leerkrachten = (leerkrachtenNode?.leerkracht as Node[] | undefined) ?? [];
  const kLines = tagLines(text, 'leerkrachten', 'leerkracht');
  leerkrachten.forEach((k, i) => {
    const omschrijving = ((k.rolomschrijving as unknown[] | undefined) ?? []).map(str).find(Boolean);
    const rol = ((k.rol as unknown[] | undefined) ?? []).map(str).find(Boolean);
    records.push({
      regel: kLines[i] ?? 0,
      soort: 'medewerker',
      waarden: {
        personeelsnummer: attr(k, 'key'),
        eckId: attr(k, 'eckid'),
        achternaam: str(k.achternaam),
        tussenvoegsel: str(k.voorvoegsel),
        voornamen: str(k.voornamen),
        voorletters: str(k['voorletters-1']),
        roepnaam: str(k.roepnaam),
        email: str(k.emailadres),
        functie: omschrijving || (rol ? (ROLLEN[rol] ?? rol) : ''),
      },
    });
  });
  return {
    records,
    leerlingen: leerlingen.length,
    medewerkers: leerkrachten.length,
    heeftMedewerkers: leerkrachtenNode !== undefined || children.includes('leerkrachten'),
  };
}
