// Rule suggestions per incident category, and the principles ("Uitgangspunten") set apart.
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { makeTestCore, type TestCore } from '../support/core';
import type { ProtocolVersion } from '../../src/shared/api/protocols';

let t: TestCore;
beforeEach(() => {
  t = makeTestCore({ now: '2026-11-16T09:00:00Z' });
});
afterEach(() => t.cleanup());

const numbers = (p: ProtocolVersion, ids: number[]) =>
  p.secties
    .flatMap((s) => s.regels)
    .filter((r) => ids.includes(r.id))
    .map((r) => r.volledigNummer);

async function suggest(p: ProtocolVersion, datum: string, categorie: string) {
  return numbers(p, (await t.call('protocols.suggestRules', { datum, categorie })) as number[]);
}

describe('protocols.suggestRules', () => {
  it('suggests the template rules that fit a standard category, never a principle or the school’s own steps', async () => {
    const p = (await t.call('protocols.createFromTemplate', { ingangsdatum: '2026-08-01' })) as ProtocolVersion;
    expect(p.secties.map((s) => s.uitgangspunten)).toEqual(p.secties.map((s) => s.titel === 'Uitgangspunten'));
    expect(p.secties[0].uitgangspunten).toBe(true);
    // 3.5 forbids bullying; "anti-pestcoördinator" (3.8, 8.2) is no bullying rule.
    expect(await suggest(p, '2026-08-01', 'pesten')).toEqual(['3.5']);
    // Threats: rule 3.5, not 6.1/6.3, which say what the school does about them.
    expect(await suggest(p, '2026-11-16', 'bedreiging')).toEqual(['3.5']);
    expect(await suggest(p, '2026-11-16', 'hacken')).toEqual(['3.6']);
    expect(await suggest(p, '2026-11-16', 'les')).toEqual(['3.1']);
    expect(await suggest(p, '2026-11-16', 'ongepast_contact')).toEqual(['4.1']);
    expect(await suggest(p, '2026-11-16', 'beeld_zonder_toestemming')).toEqual(['3.4', '5.3']);
  });

  it('matches a school’s own category on the words of its name, in the version in force on the date', async () => {
    const own = (await t.call('categories.save', { label: 'Sexting via AirDrop' })) as { code: string };
    const base = {
      titel: 'Protocol sociale media',
      versie: '1',
      secties: [
        {
          nummer: '1',
          titel: 'Uitgangspunten',
          regels: [{ nummer: '1', tekst: 'Wij willen dat niemand via AirDrop wordt lastiggevallen.' }],
        },
        {
          nummer: '2',
          titel: 'Regels',
          regels: [
            { nummer: '1', tekst: 'Je stuurt niemand ongevraagd beelden via AirDrop.' },
            { nummer: '2', tekst: 'Niet pesten.' },
          ],
        },
      ],
    };
    const v1 = (await t.call('protocols.create', { ...base, ingangsdatum: '2024-03-01' })) as ProtocolVersion;
    const v2 = (await t.call('protocols.create', {
      ...base,
      versie: '2',
      ingangsdatum: '2025-01-01',
      secties: [
        {
          nummer: '1',
          titel: 'Regels',
          regels: [
            { nummer: '1', tekst: 'Geen telefoon in de les.' },
            { nummer: '2', tekst: 'Geen sexting.' },
          ],
        },
      ],
    })) as ProtocolVersion;
    // The principle speaks of AirDrop too, but only the rule is a suggestion.
    expect(await suggest(v1, '2024-03-01', own.code)).toEqual(['2.1']);
    expect(await suggest(v1, '2024-12-31', own.code)).toEqual(['2.1']);
    expect(await suggest(v2, '2025-01-01', own.code)).toEqual(['1.2']);
    // Before the first version there is nothing to suggest.
    expect(await t.call('protocols.suggestRules', { datum: '2024-02-29', categorie: own.code })).toEqual([]);
  });

  it('refuses an unknown category with a Dutch message', async () => {
    await t.call('protocols.createFromTemplate', { ingangsdatum: '2026-08-01' });
    const r = await t.core.invoke('protocols.suggestRules', { datum: '2026-11-16', categorie: 'bestaat_niet' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toBe('Deze categorie bestaat niet (meer).');
  });
});
