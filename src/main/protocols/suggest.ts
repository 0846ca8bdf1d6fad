// Which protocol rules fit an incident's category: a suggestion the user adds with a click, never
// a choice made for them. Matched on the words of the rule texts, so it also works for a school
// that rewrote the template. The principles ("Uitgangspunten") are context, never a broken rule.
import type { DB } from '../db/open';
import { notFound } from '../errors/errors';
import { fold } from '../people/names';
import { protocolInForce } from './read';
import { categoryRow } from './categories';

// Sections on the protocol's reach and on what the school itself does afterwards: nobody breaks
// those, so they are never suggested (they stay selectable in the picker).
const aboutTheSchool = (titel: string): boolean => /doelgroep|reikwijdte|veiligheid|maatregel|slotbepaling/.test(fold(titel));

// Word stems (folded) per standard category (migration 001), as they occur in rule texts.
const STEMS: Record<string, string[]> = {
  pesten: ['pest'],
  bedreiging: ['bedreig', 'intimid'],
  stalking: ['stalk'],
  kwetsen: ['kwets', 'beledig', 'diskrediet'],
  discriminatie: ['discrimin', 'racis', 'haat'],
  seksueel: ['seksue', 'pornogra', 'aanstootgevend', 'sexting'],
  beeld_zonder_toestemming: ['foto', 'filmpje', 'geluidsopname', 'beeldmateriaal'],
  persoonsgegevens: ['persoonsgegevens', 'vertrouwelijke informatie', 'via het werk'],
  hacken: ['hack', 'account van een ander', 'inlog', 'logt'],
  nepaccount: ['nepaccount', 'voor als iemand anders', 'valse'],
  reputatieschade: ['goede naam', 'diskrediet', 'namens of over de school'],
  radicalisering: ['radicalis', 'haat'],
  les: ['tijdens de les'],
  ongepast_contact: ['vriendschap', 'volgrelatie', 'zakelijk account'],
};

/** A school's own category: the longer words of its name ("Sexting via AirDrop" → sexting, airdrop). */
const stemsOfLabel = (label: string): string[] =>
  fold(label)
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length >= 5)
    .map((w) => w.slice(0, 8));

/** The ids of the rules of the version in force on `datum` that fit category `categorie`, in protocol order. */
export function suggestRules(db: DB, datum: string, categorie: string, today: string): number[] {
  const category = categoryRow(db, categorie);
  if (!category) throw notFound('Deze categorie');
  const stems = STEMS[category.code] ?? stemsOfLabel(category.label);
  const protocol = protocolInForce(db, datum, today);
  if (!protocol || stems.length === 0) return [];
  // A stem matches at the start of a word: "pest" in "pest," but not in "anti-pestcoördinator".
  const words = stems.map((stem) => new RegExp(`(?<![a-z0-9-])${stem}`));
  return protocol.secties
    .filter((s) => !s.uitgangspunten && !aboutTheSchool(s.titel))
    .flatMap((s) => s.regels)
    .filter((r) => words.some((w) => w.test(fold(r.tekst))))
    .map((r) => r.id);
}
