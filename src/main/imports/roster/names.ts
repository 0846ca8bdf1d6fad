// Splitting a full name from a guardian column ("J. de Vries", "Fatma Özdemir", "Vries, Jan de",
// "Dhr. P. van der Berg") into first name, tussenvoegsel and surname, the Dutch way.

const TITLES = new Set([
  'dhr',
  'dhr.',
  'mevr',
  'mevr.',
  'mw',
  'mw.',
  'mr',
  'mr.',
  'mrs',
  'mrs.',
  'heer',
  'mevrouw',
  'de heer',
  'fam',
  'fam.',
  'familie',
]);
const PARTICLES = new Set([
  'van',
  'de',
  'der',
  'den',
  'het',
  "'t",
  'ter',
  'ten',
  'te',
  'in',
  'op',
  'aan',
  'bij',
  'uit',
  'von',
  'vd',
  'v.d.',
  'la',
  'le',
  'les',
  'du',
  'da',
  'di',
  'del',
  'della',
  'dos',
  'el',
  'al',
  "d'",
  "l'",
]);

export interface NameSplit {
  voornaam: string;
  tussenvoegsel: string | null;
  achternaam: string;
}

const isParticle = (t: string) => PARTICLES.has(t.toLowerCase()) && t === t.toLowerCase();

/** Splits a full name; a single word becomes the surname with "Ouder/verzorger" as first name. */
export function splitFullName(raw: string): NameSplit {
  let s = raw.trim().replace(/\s+/g, ' ');
  if (s.toLowerCase().startsWith('de heer ')) s = s.slice(8);
  let tokens = s.split(' ');
  while (tokens.length > 1 && TITLES.has(tokens[0].toLowerCase())) tokens = tokens.slice(1);
  s = tokens.join(' ');
  if (s.includes(',')) {
    // "Vries, Jan de" or "Vries de, J."
    const [last, ...rest] = s.split(',');
    const lastTokens = last.trim().split(' ');
    const firstTokens = rest.join(',').trim().split(' ').filter(Boolean);
    const tv: string[] = [];
    while (firstTokens.length > 1 && isParticle(firstTokens[firstTokens.length - 1])) tv.unshift(firstTokens.pop()!);
    while (lastTokens.length > 1 && isParticle(lastTokens[lastTokens.length - 1])) tv.unshift(lastTokens.pop()!);
    return {
      voornaam: firstTokens.join(' ') || 'Ouder/verzorger',
      tussenvoegsel: tv.length ? tv.join(' ') : null,
      achternaam: lastTokens.join(' '),
    };
  }
  if (tokens.length === 1) return { voornaam: 'Ouder/verzorger', tussenvoegsel: null, achternaam: tokens[0] };
  // First names: the first word, plus any further initials ("J. P. de Vries").
  let i = 1;
  while (i < tokens.length - 1 && /^(\p{Lu}\.)+$/u.test(tokens[i])) i++;
  const voornaam = tokens.slice(0, i).join(' ');
  const tv: string[] = [];
  while (i < tokens.length - 1 && isParticle(tokens[i])) tv.push(tokens[i++]);
  return { voornaam, tussenvoegsel: tv.length ? tv.join(' ') : null, achternaam: tokens.slice(i).join(' ') };
}
