// Protocol versions split into sections and numbered rules, and the incident categories.
import { z } from 'zod';
import { id, isoDate, line, requiredLine, optional, text } from './common';
import { read, write } from './define';
import { CIJFERS, MELDERS, SCHOOLLEIDER } from './roles';

export const ruleInput = z.object({
  /** Present when the rule continues a rule of the version it was copied from. */
  id: id.optional(),
  nummer: requiredLine(20),
  tekst: text(5000).refine((s) => s.trim().length > 0, { error: 'Een regel heeft tekst nodig.' }),
});

export const sectionInput = z.object({
  nummer: optional(line(20)),
  titel: requiredLine(200),
  regels: z.array(ruleInput).max(200),
});

export const protocolInput = z.object({
  titel: requiredLine(200),
  versie: requiredLine(30),
  /** The date from which this version is in force: incidents on or after it cite it. */
  ingangsdatum: isoDate,
  vastgesteldOp: optional(isoDate),
  mrInstemmingOp: optional(isoDate),
  notities: optional(text(5000)),
  secties: z.array(sectionInput).min(1, { error: 'Een protocol heeft minstens één onderdeel.' }).max(100),
});
export type ProtocolInput = z.input<typeof protocolInput>;

export interface ProtocolRule {
  id: number;
  nummer: string;
  tekst: string;
  /** Section number + rule number, e.g. "3.2". */
  volledigNummer: string;
  vorigeRegelId: number | null;
}

export interface ProtocolSection {
  id: number;
  nummer: string | null;
  titel: string;
  /** The protocol's principles (what the school stands for): context, not rules one can break. */
  uitgangspunten: boolean;
  regels: ProtocolRule[];
}

export interface ProtocolSummary {
  id: number;
  titel: string;
  versie: string;
  ingangsdatum: string;
  vastgesteldOp: string | null;
  mrInstemmingOp: string | null;
  aantalRegels: number;
  /** True for the version in force today. */
  actueel: boolean;
}

export interface ProtocolVersion extends ProtocolSummary {
  notities: string | null;
  secties: ProtocolSection[];
}

export interface Category {
  code: string;
  label: string;
  standaard: boolean;
  actief: boolean;
}

export const protocolsApi = {
  'protocols.list': read<ProtocolSummary[]>()(z.object({}), { rollen: CIJFERS }),
  'protocols.get': read<ProtocolVersion>()(z.object({ id }), { rollen: CIJFERS }),
  /** The version in force on a date (for the rule picker of an incident). */
  'protocols.inForce': read<ProtocolVersion | null>()(z.object({ datum: isoDate }), { rollen: CIJFERS }),
  /** The rules of that version that fit an incident category: suggestions, added only by a click. */
  'protocols.suggestRules': read<number[]>()(z.object({ datum: isoDate, categorie: z.string().min(1).max(40) }), { rollen: CIJFERS }),
  'protocols.create': write<ProtocolVersion>()(protocolInput, { rollen: SCHOOLLEIDER }),
  /** Edits a version; rules that incidents cite cannot be removed (CONFLICT). */
  'protocols.update': write<ProtocolVersion>()(protocolInput.extend({ id }), { rollen: SCHOOLLEIDER }),
  /** Creates a new version from our default template (resources/protocol-template.json). */
  'protocols.createFromTemplate': write<ProtocolVersion>()(z.object({ ingangsdatum: isoDate }), { rollen: SCHOOLLEIDER }),
  'categories.list': read<Category[]>()(z.object({}), { rollen: MELDERS }),
  'categories.save': write<Category>()(
    z.object({ code: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/, { error: 'Gebruik kleine letters, cijfers en _.' }).optional(), label: requiredLine(100), actief: z.boolean().default(true) }),
    { rollen: SCHOOLLEIDER },
  ),
};
