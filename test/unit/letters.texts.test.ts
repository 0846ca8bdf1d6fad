// Our default letter texts (resources/letters): every kind has a text for every section and variant,
// each uses only placeholders its kind knows, and the placeholder checker itself refuses what it must.
import { describe, it, expect } from 'vitest';
import { LETTER_KINDS } from '../../src/shared/api/letters';
import { KINDS, sectionCodes } from '../../src/main/letters/kinds';
import { DEFAULT_TEXTS, checkText } from '../../src/main/letters/texts';
import { fillLine, looksLikePlaceholder, validateTemplate, availablePlaceholders } from '../../src/main/letters/placeholders';

describe('default letter texts', () => {
  it.each([...LETTER_KINDS])('%s: complete and valid', (soort) => {
    const k = KINDS[soort];
    const file = DEFAULT_TEXTS[soort];
    expect(Object.keys(file.secties).sort()).toEqual(k.secties.map((s) => s.code).sort());
    for (const code of sectionCodes(k)) {
      for (const v of k.varianten) {
        const tekst = code === 'betreft' ? file.betreft[v] : file.secties[code][v];
        expect(tekst, `${soort}/${code}/${v}`).toBeTruthy();
        expect(() => checkText(soort, code, v, tekst!)).not.toThrow();
      }
    }
  });
});

describe('placeholders', () => {
  const allowed = availablePlaceholders(['algemeen', 'melding']);
  it('refuses unknown names and misplaced lists', () => {
    expect(() => validateTemplate('Beste {leerling.naam}', allowed, 'f', 'Slot', 'Waarschuwing')).toThrow(/Onbekende invoegcode \{leerling.naam\}/);
    expect(() => validateTemplate('Zie {regels}.', allowed, 'f', 'Slot', 'Waarschuwing')).toThrow(/eigen regel/);
    expect(() => validateTemplate('Zie:\n{regels}\nEinde', allowed, 'f', 'Slot', 'Waarschuwing')).not.toThrow();
    expect(() => validateTemplate('a { b', allowed, 'f', 'Slot', 'Waarschuwing')).toThrow(/losse accolade/);
  });
  it('fills in one pass, so a value with braces is never read as a placeholder, and fails on a missing value', () => {
    expect(fillLine('Op {melding.datum}: {melding.omschrijving}', { 'melding.datum': '1 mei 2026', 'melding.omschrijving': 'post "{school.naam}"' }, {}, 'X')).toBe('Op 1 mei 2026: post "{school.naam}"');
    expect(() => fillLine('Op {melding.datum}', { 'melding.datum': null }, { 'melding.datum': 'de datum ontbreekt.' }, 'Schorsing')).toThrow('De brief “Schorsing” kan nog niet worden gemaakt: de datum ontbreekt.');
    expect(() => fillLine('{onbekend}', {}, {}, 'X')).toThrow(/onbekende invoegcode/);
  });
  it('recognises a surviving placeholder of ours, not a quoted "{lol}"', () => {
    expect(looksLikePlaceholder('Beste {leerling.roepnaam},')).toBe(true);
    expect(looksLikePlaceholder('hij schreef {lol}')).toBe(false);
  });
});
