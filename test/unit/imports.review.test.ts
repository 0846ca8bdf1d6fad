// The corrections a reviewer makes to an imported protocol before saving (renderer logic, no DOM).
import { describe, it, expect } from 'vitest';
import {
  addSkippedAsRule,
  defaultSplitAt,
  duplicateNumbers,
  fromDraft,
  matchesByKey,
  mergeRuleUp,
  mergeSectionUp,
  nextNummer,
  renumberRules,
  renumberSections,
  sectionForLine,
  splitRule,
  splitSection,
  toSaveInput,
} from '../../src/renderer/src/components/imports/protocolDraft';
import type { ProtocolDraft } from '../../src/shared/api/imports';

const draft: ProtocolDraft = {
  formaat: 'txt',
  bestandsnaam: 'p.txt',
  sha256: 'a'.repeat(64),
  titel: 'Protocol sociale media',
  versie: null,
  vastgesteldOp: '2024-06-12',
  mrInstemmingOp: '2024-06-20',
  ingangsdatum: null,
  secties: [
    {
      nummer: '1',
      titel: 'Regels',
      regel: 1,
      regels: [
        { nummer: '1', tekst: 'Geen telefoon. Ook niet in de pauze.', regel: 2 },
        { nummer: '2', tekst: 'Niet', regel: 3 },
        { nummer: '3', tekst: 'pesten.', regel: 4 },
      ],
    },
    { nummer: '2', titel: 'Slot', regel: 6, regels: [{ nummer: '1', tekst: 'De directie beslist.', regel: 7 }] },
  ],
  overgeslagen: [{ regel: 9, tekst: 'Bij twijfel beslist de directie.', reden: 'overig' }],
};

const shape = (r: ReturnType<typeof fromDraft>) => r.secties.map((s) => [s.nummer, s.titel, s.regels.map((x) => `${x.nummer} ${x.tekst}`)]);

describe('reviewing an imported protocol', () => {
  it('starts from the draft; the in-force date defaults to the MR consent date', () => {
    const r = fromDraft(draft);
    expect([r.versie, r.ingangsdatum, r.vastgesteldOp]).toEqual(['', '2024-06-20', '2024-06-12']);
    expect(shape(r)).toEqual([
      ['1', 'Regels', ['1 Geen telefoon. Ook niet in de pauze.', '2 Niet', '3 pesten.']],
      ['2', 'Slot', ['1 De directie beslist.']],
    ]);
  });

  it('merges a rule into the one above, splits one, and renumbers', () => {
    let r = fromDraft(draft);
    r = mergeRuleUp(r, 0, 2);
    r = splitRule(r, 0, 0, defaultSplitAt(r.secties[0].regels[0].tekst));
    expect(shape(r)[0]).toEqual(['1', 'Regels', ['1 Geen telefoon.', '2 Ook niet in de pauze.', '2 Niet pesten.']]);
    expect([...duplicateNumbers(r)]).toEqual([`${r.secties[0].key}:2`]);
    r = renumberRules(r, 0);
    expect(shape(r)[0][2]).toEqual(['1 Geen telefoon.', '2 Ook niet in de pauze.', '3 Niet pesten.']);
    expect(duplicateNumbers(r).size).toBe(0);
    expect(mergeRuleUp(r, 0, 0)).toBe(r);
    expect(splitRule(r, 0, 0, 0)).toEqual(r);
  });

  it('starts a section at a rule, merges sections, renumbers them', () => {
    let r = splitSection(fromDraft(draft), 0, 1, 'Nieuw onderdeel');
    expect(shape(r).map((s) => [s[0], s[1], (s[2] as string[]).length])).toEqual([
      ['1', 'Regels', 1],
      ['2', 'Nieuw onderdeel', 2],
      ['2', 'Slot', 1],
    ]);
    r = renumberSections(r);
    expect(r.secties.map((s) => s.nummer)).toEqual(['1', '2', '3']);
    r = mergeSectionUp(r, 2);
    expect(shape(r)[1]).toEqual(['2', 'Nieuw onderdeel', ['2 Niet', '3 pesten.', '1 De directie beslist.']]);
  });

  it('adds skipped text as a rule to the section it most likely belongs to', () => {
    const r = fromDraft(draft);
    expect(sectionForLine(r, 9)).toBe(1);
    expect(sectionForLine(r, 3)).toBe(0);
    const next = addSkippedAsRule(r, r.overgeslagen[0].key, 1);
    expect(shape(next)[1][2]).toEqual(['1 De directie beslist.', '2 Bij twijfel beslist de directie.']);
    expect(next.overgeslagen).toEqual([]);
  });

  it('numbers on: 3 → 4, c → d, 2a → 2aa', () => {
    expect(['3', 'c', '2a'].map(nextNummer)).toEqual(['4', 'd', '2aa']);
  });

  it('saves with the ids of the previous rules the reviewer kept', () => {
    const r = fromDraft(draft);
    const m = matchesByKey(r, [
      { sectie: 0, regel: 0, vorigeRegelId: 11, vorigNummer: '1.1', vorigeTekst: 'x', reden: 'identiek', gelijkenis: 1 },
      { sectie: 1, regel: 0, vorigeRegelId: 14, vorigNummer: '2.1', vorigeTekst: 'y', reden: 'zelfde_nummer', gelijkenis: 0.6 },
    ]);
    const keep = new Set([r.secties[0].regels[0].key]);
    const input = toSaveInput({ ...r, versie: '2' }, m, keep, { naam: 'p.txt', sha256: draft.sha256 });
    expect(input.secties.map((s) => s.regels)).toEqual([
      [
        { id: 11, nummer: '1', tekst: 'Geen telefoon. Ook niet in de pauze.' },
        { nummer: '2', tekst: 'Niet' },
        { nummer: '3', tekst: 'pesten.' },
      ],
      [{ nummer: '1', tekst: 'De directie beslist.' }],
    ]);
    expect([input.versie, input.ingangsdatum, input.bestand.naam]).toEqual(['2', '2024-06-20', 'p.txt']);
  });
});
