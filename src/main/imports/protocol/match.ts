// Matching the rules of an imported protocol to the rules of the previous version, so incidents
// keep pointing to the right rule: a rule continues an old one when its text is identical, or when
// it has the same full number ("3.2") and a similar text, or (renumbered) a very similar text.
// Each old rule is continued at most once; the best pairs are taken first.
import type { DB } from '../../db/open';
import type { Parsed } from '@shared/api';
import type { MatchReden, ProtocolMatch, RuleMatch } from '@shared/api/imports';
import { getProtocol, listProtocols, volledigNummer } from '../../protocols/read';
import { fold } from '../../people/names';
import { notFound } from '../../errors/errors';

/** Same number: at least this much word overlap. */
export const SAME_NUMBER_MIN = 0.5;
/** Another number: the texts must be nearly the same. */
export const RENUMBERED_MIN = 0.8;

const words = (s: string) =>
  fold(s)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
const squash = (s: string) => words(s).join(' ');

/** Dice coefficient over the words (as a multiset): 1 = the same words, 0 = none in common. */
export function similarity(a: string, b: string): number {
  const wa = words(a);
  const wb = words(b);
  if (!wa.length || !wb.length) return 0;
  const counts = new Map<string, number>();
  for (const w of wa) counts.set(w, (counts.get(w) ?? 0) + 1);
  let common = 0;
  for (const w of wb) {
    const n = counts.get(w) ?? 0;
    if (n > 0) {
      common++;
      counts.set(w, n - 1);
    }
  }
  return (2 * common) / (wa.length + wb.length);
}

interface NewRule {
  sectie: number;
  regel: number;
  nummer: string;
  tekst: string;
}

export function matchProtocol(db: DB, input: Parsed<'imports.protocol.match'>, today: string): ProtocolMatch {
  let vorigeId: number | null = input.vorigeVersieId ?? null;
  if (vorigeId === null) {
    const all = listProtocols(db, today);
    const before = input.ingangsdatum ? all.filter((p) => p.ingangsdatum < input.ingangsdatum!) : all;
    vorigeId = before[0]?.id ?? null;
  }
  const newRules: NewRule[] = input.secties.flatMap((s, i) =>
    s.regels.map((r, j) => ({ sectie: i, regel: j, nummer: volledigNummer(s.nummer ?? String(i + 1), r.nummer), tekst: r.tekst })),
  );
  const empty = (n: NewRule): RuleMatch => ({
    sectie: n.sectie,
    regel: n.regel,
    vorigeRegelId: null,
    vorigNummer: null,
    vorigeTekst: null,
    reden: null,
    gelijkenis: 0,
  });
  if (vorigeId === null) return { vorigeVersie: null, regels: newRules.map(empty), vervallen: [] };
  let vorige;
  try {
    vorige = getProtocol(db, vorigeId, today);
  } catch {
    throw notFound('Deze protocolversie');
  }
  const oldRules = vorige.secties.flatMap((s) => s.regels);
  const pairs: { n: number; o: number; score: number; reden: MatchReden; sim: number }[] = [];
  newRules.forEach((nr, n) => {
    oldRules.forEach((or, o) => {
      const sim = similarity(nr.tekst, or.tekst);
      if (squash(nr.tekst) === squash(or.tekst) && squash(nr.tekst) !== '')
        pairs.push({ n, o, score: 3 + (nr.nummer === or.volledigNummer ? 0.5 : 0), reden: 'identiek', sim: 1 });
      else if (nr.nummer === or.volledigNummer && sim >= SAME_NUMBER_MIN) pairs.push({ n, o, score: 1 + sim, reden: 'zelfde_nummer', sim });
      else if (sim >= RENUMBERED_MIN) pairs.push({ n, o, score: sim, reden: 'vergelijkbaar', sim });
    });
  });
  pairs.sort((a, b) => b.score - a.score || a.n - b.n || a.o - b.o);
  const takenNew = new Map<number, (typeof pairs)[number]>();
  const takenOld = new Set<number>();
  for (const p of pairs) {
    if (takenNew.has(p.n) || takenOld.has(p.o)) continue;
    takenNew.set(p.n, p);
    takenOld.add(p.o);
  }
  const regels = newRules.map((nr, n) => {
    const p = takenNew.get(n);
    if (!p) return { ...empty(nr), gelijkenis: Math.round(Math.max(0, ...oldRules.map((o) => similarity(nr.tekst, o.tekst))) * 100) / 100 };
    const o = oldRules[p.o];
    return {
      sectie: nr.sectie,
      regel: nr.regel,
      vorigeRegelId: o.id,
      vorigNummer: o.volledigNummer,
      vorigeTekst: o.tekst,
      reden: p.reden,
      gelijkenis: Math.round(p.sim * 100) / 100,
    };
  });
  const { secties: _s, notities: _n, ...summary } = vorige;
  return {
    vorigeVersie: summary,
    regels,
    vervallen: oldRules.filter((_, o) => !takenOld.has(o)).map((o) => ({ id: o.id, volledigNummer: o.volledigNummer, tekst: o.tekst })),
  };
}
