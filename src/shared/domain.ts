// The domain's fixed vocabularies: codes stored in the database, with their Dutch
// and English labels. One place for every enum, shared by the core, the letters and the renderer.

export type Label = { nl: string; en: string };
const vocab = <K extends string>(entries: Record<K, Label>) => ({
  codes: Object.keys(entries) as [K, ...K[]],
  labels: entries,
});

export const SECTOR = vocab({
  PO: { nl: 'Primair onderwijs (basisschool, sbo)', en: 'Primary education' },
  VO: { nl: 'Voortgezet onderwijs', en: 'Secondary education' },
  MBO: { nl: 'Middelbaar beroepsonderwijs', en: 'Vocational education (MBO)' },
  SO: { nl: 'Speciaal onderwijs', en: 'Special primary education' },
  VSO: { nl: 'Voortgezet speciaal onderwijs', en: 'Special secondary education' },
});
export type Sector = (typeof SECTOR.codes)[number];

export const REGIO = vocab({
  noord: { nl: 'Noord', en: 'North' },
  midden: { nl: 'Midden', en: 'Middle' },
  zuid: { nl: 'Zuid', en: 'South' },
});
export type Regio = (typeof REGIO.codes)[number];

export const PERSOON_SOORT = vocab({
  leerling: { nl: 'Leerling', en: 'Pupil' },
  medewerker: { nl: 'Medewerker', en: 'Staff member' },
  ouder: { nl: 'Ouder/verzorger', en: 'Parent/guardian' },
  extern: { nl: 'Extern', en: 'External' },
});
export type PersoonSoort = (typeof PERSOON_SOORT.codes)[number];

export const GESLACHT = vocab({
  m: { nl: 'Man', en: 'Male' },
  v: { nl: 'Vrouw', en: 'Female' },
  x: { nl: 'Anders / onbekend', en: 'Other / unknown' },
});
export type Geslacht = (typeof GESLACHT.codes)[number];

export const ROL = vocab({
  dader: { nl: 'Dader', en: 'Perpetrator' },
  slachtoffer: { nl: 'Slachtoffer', en: 'Victim' },
  getuige: { nl: 'Getuige', en: 'Witness' },
  melder: { nl: 'Melder', en: 'Reporter' },
});
export type Rol = (typeof ROL.codes)[number];

export const PLATFORM = vocab({
  instagram: { nl: 'Instagram', en: 'Instagram' },
  tiktok: { nl: 'TikTok', en: 'TikTok' },
  snapchat: { nl: 'Snapchat', en: 'Snapchat' },
  whatsapp: { nl: 'WhatsApp', en: 'WhatsApp' },
  x: { nl: 'X (Twitter)', en: 'X (Twitter)' },
  youtube: { nl: 'YouTube', en: 'YouTube' },
  facebook: { nl: 'Facebook', en: 'Facebook' },
  linkedin: { nl: 'LinkedIn', en: 'LinkedIn' },
  discord: { nl: 'Discord', en: 'Discord' },
  overig: { nl: 'Overig', en: 'Other' },
});
export type Platform = (typeof PLATFORM.codes)[number];

export const LOCATIE = vocab({
  in_school: { nl: 'In school', en: 'At school' },
  tijdens_les: { nl: 'Tijdens de les', en: 'During a lesson' },
  buiten_school: { nl: 'Buiten school, schoolgerelateerd', en: 'Outside school, school-related' },
});
export type Locatie = (typeof LOCATIE.codes)[number];

export const ERNST = vocab({
  laag: { nl: 'Laag', en: 'Low' },
  middel: { nl: 'Middel', en: 'Medium' },
  hoog: { nl: 'Hoog', en: 'High' },
  zeer_hoog: { nl: 'Zeer hoog', en: 'Very high' },
});
export type Ernst = (typeof ERNST.codes)[number];

export const INCIDENT_STATUS = vocab({
  open: { nl: 'Open', en: 'Open' },
  in_onderzoek: { nl: 'In onderzoek', en: 'Under investigation' },
  maatregel_genomen: { nl: 'Maatregel genomen', en: 'Measure taken' },
  afgesloten: { nl: 'Afgesloten', en: 'Closed' },
});
export type IncidentStatus = (typeof INCIDENT_STATUS.codes)[number];

/** The standard categories; a school can add its own (table `categorie`). */
export const CATEGORIE = vocab({
  pesten: { nl: '(Digitaal) pesten', en: '(Cyber)bullying' },
  bedreiging: { nl: 'Bedreiging', en: 'Threat' },
  stalking: { nl: 'Stalking', en: 'Stalking' },
  kwetsen: { nl: 'Kwetsen/beledigen', en: 'Hurting/insulting' },
  discriminatie: { nl: 'Discriminatie/racisme', en: 'Discrimination/racism' },
  seksueel: { nl: 'Seksuele intimidatie/sexting/ongewenst beeldmateriaal', en: 'Sexual harassment/sexting/unwanted images' },
  beeld_zonder_toestemming: { nl: 'Beeld of geluid zonder toestemming delen', en: 'Sharing images or sound without consent' },
  persoonsgegevens: { nl: 'Vertrouwelijke of persoonsgegevens delen', en: 'Sharing confidential or personal data' },
  hacken: { nl: 'Hacken/accountmisbruik', en: 'Hacking/account misuse' },
  nepaccount: { nl: 'Nepaccount/valse afzender', en: 'Fake account/false sender' },
  reputatieschade: { nl: 'Reputatieschade school', en: 'Damage to the school’s reputation' },
  radicalisering: { nl: 'Radicalisering', en: 'Radicalisation' },
  les: { nl: 'Gebruik tijdens de les', en: 'Use during lessons' },
  ongepast_contact: { nl: 'Ongepast contact medewerker–leerling', en: 'Inappropriate staff–pupil contact' },
  overig: { nl: 'Overig', en: 'Other' },
});

export const DIRECTE_ACTIE = vocab({
  post_verwijderd: { nl: 'Bericht verwijderd', en: 'Post removed' },
  verwijdering_gevraagd: { nl: 'Verwijdering gevraagd', en: 'Removal requested' },
  account_gemeld: { nl: 'Account gemeld bij platform', en: 'Account reported to platform' },
  ouders_geinformeerd: { nl: 'Ouders geïnformeerd', en: 'Parents informed' },
  overig: { nl: 'Overige actie', en: 'Other action' },
});
export type DirecteActie = (typeof DIRECTE_ACTIE.codes)[number];

/** Measures. Which kinds apply depends on the person (see MAATREGEL_PER_SOORT). */
export const MAATREGEL = vocab({
  gesprek: { nl: 'Gesprek', en: 'Conversation' },
  waarschuwing: { nl: 'Waarschuwing', en: 'Warning' },
  disciplinaire_maatregel: { nl: 'Disciplinaire maatregel/straf', en: 'Disciplinary measure' },
  inname_telefoon: { nl: 'Inname telefoon', en: 'Phone confiscated' },
  uitsluiting_netwerk: { nl: 'Uitsluiting van het schoolnetwerk', en: 'Excluded from school network' },
  schorsing: { nl: 'Schorsing', en: 'Suspension' },
  voornemen_verwijdering: { nl: 'Voornemen tot verwijdering', en: 'Intended expulsion' },
  verwijdering: { nl: 'Verwijdering', en: 'Expulsion' },
  toegangsverbod: { nl: 'Toegangsverbod', en: 'Ban from the premises' },
  aangifte: { nl: 'Aangifte', en: 'Police report' },
  schriftelijke_berisping: { nl: 'Schriftelijke berisping', en: 'Written reprimand' },
  inhouding_salaris: { nl: 'Inhouding salaris', en: 'Salary withheld' },
  ontslag: { nl: 'Ontslag', en: 'Dismissal' },
  ontslag_op_staande_voet: { nl: 'Ontslag op staande voet', en: 'Summary dismissal' },
});
export type Maatregel = (typeof MAATREGEL.codes)[number];

export const MAATREGEL_PER_SOORT: Record<PersoonSoort, readonly Maatregel[]> = {
  leerling: ['gesprek', 'waarschuwing', 'disciplinaire_maatregel', 'inname_telefoon', 'uitsluiting_netwerk', 'schorsing', 'voornemen_verwijdering', 'verwijdering'],
  ouder: ['gesprek', 'waarschuwing', 'toegangsverbod', 'aangifte'],
  extern: ['gesprek', 'waarschuwing', 'toegangsverbod', 'aangifte'],
  medewerker: ['gesprek', 'waarschuwing', 'schriftelijke_berisping', 'schorsing', 'inhouding_salaris', 'ontslag', 'ontslag_op_staande_voet'],
};

export const MAATREGEL_STATUS = vocab({
  voorgenomen: { nl: 'Voorgenomen', en: 'Intended' },
  besloten: { nl: 'Besloten', en: 'Decided' },
  uitgevoerd: { nl: 'Uitgevoerd', en: 'Carried out' },
  ingetrokken: { nl: 'Ingetrokken', en: 'Withdrawn' },
});
export type MaatregelStatus = (typeof MAATREGEL_STATUS.codes)[number];

export const SCHORSING_VORM = vocab({
  intern: { nl: 'Intern (op school)', en: 'Internal (at school)' },
  extern: { nl: 'Extern (thuis)', en: 'External (at home)' },
});

/** Reports to authorities. */
export const INSTANTIE = vocab({
  vertrouwensinspecteur: { nl: 'Vertrouwensinspecteur', en: 'Confidential inspector' },
  politie: { nl: 'Politie', en: 'Police' },
  inspectie: { nl: 'Inspectie van het Onderwijs (ISD)', en: 'Education Inspectorate (ISD)' },
  leerplicht: { nl: 'Leerplichtambtenaar', en: 'School attendance officer' },
});
export type Instantie = (typeof INSTANTIE.codes)[number];

export const MELDING_SOORT = vocab({
  consultatie: { nl: 'Consultatie', en: 'Consultation' },
  melding: { nl: 'Melding', en: 'Report' },
  aangifte: { nl: 'Aangifte', en: 'Criminal complaint' },
});
export type ExterneMeldingSoort = (typeof MELDING_SOORT.codes)[number];

/** Which words the sector uses for a pupil and a group. */
export const SECTOR_WOORDEN: Record<Sector, { persoon: string; personen: string; groep: string }> = {
  PO: { persoon: 'leerling', personen: 'leerlingen', groep: 'groep' },
  VO: { persoon: 'leerling', personen: 'leerlingen', groep: 'klas' },
  MBO: { persoon: 'student', personen: 'studenten', groep: 'klas' },
  SO: { persoon: 'leerling', personen: 'leerlingen', groep: 'groep' },
  VSO: { persoon: 'leerling', personen: 'leerlingen', groep: 'klas' },
};

/**
 * The roles of a school team on one log (docs/SERVER.md). On the single-PC app the one user is the
 * schoolleider (everything); on the school server each account has one role.
 */
export const ACCOUNT_ROL = vocab({
  schoolleider: { nl: 'Schoolleider (registrator)', en: 'School leader (registrar)' },
  teamleider: { nl: 'Teamleider', en: 'Team leader' },
  mentor: { nl: 'Mentor', en: 'Mentor' },
  zorg: { nl: 'Zorgcoördinator', en: 'Care coordinator' },
  anti_pest: { nl: 'Anti-pestcoördinator', en: 'Anti-bullying coordinator' },
  medewerker: { nl: 'Medewerker', en: 'Staff member' },
  beheerder: { nl: 'Beheerder', en: 'Administrator' },
});
export type AccountRol = (typeof ACCOUNT_ROL.codes)[number];
