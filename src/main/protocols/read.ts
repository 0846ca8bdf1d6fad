// Reading protocol versions: the list, one version with its sections and rules, and the version in
// force on a date (the latest ingangsdatum on or before it; on a tie the newest record).
import type { DB } from '../db/open';
import { notFound } from '../errors/errors';
import type { ProtocolSummary, ProtocolVersion, ProtocolSection } from '@shared/api/protocols';
import { fold } from '../people/names';

interface VersionRow {
  id: number;
  titel: string;
  versie: string;
  ingangsdatum: string;
  vastgesteld_op: string | null;
  mr_instemming_op: string | null;
  notities: string | null;
  aantal: number;
}

interface RuleRow {
  id: number;
  section_id: number;
  nummer: string;
  tekst: string;
  vorige_regel_id: number | null;
  sectie_nummer: string | null;
}

/**
 * A section with the protocol's principles (what the school stands for: uitgangspunten, beginselen,
 * visie, missie), not rules one can break. The protocol view sets it apart; the importer reads a
 * view stated there as context (imports/protocol/context.ts).
 */
export const isPrinciples = (titel: string): boolean => /uitgangspunt|beginsel|visie|missie/.test(fold(titel));

export const volledigNummer = (sectieNummer: string | null, regelNummer: string): string =>
  sectieNummer && sectieNummer.trim() ? `${sectieNummer.replace(/\.$/, '')}.${regelNummer}` : regelNummer;

export function inForceId(db: DB, datum: string): number | null {
  const row = db
    .prepare('SELECT id FROM protocol_version WHERE ingangsdatum <= ? ORDER BY ingangsdatum DESC, id DESC LIMIT 1')
    .get(datum) as { id: number } | undefined;
  return row?.id ?? null;
}

const SELECT_VERSION = `SELECT v.*, (SELECT count(*) FROM protocol_rule r WHERE r.protocol_id = v.id) AS aantal FROM protocol_version v`;

function toSummary(r: VersionRow, actueelId: number | null): ProtocolSummary {
  return {
    id: r.id,
    titel: r.titel,
    versie: r.versie,
    ingangsdatum: r.ingangsdatum,
    vastgesteldOp: r.vastgesteld_op,
    mrInstemmingOp: r.mr_instemming_op,
    aantalRegels: r.aantal,
    actueel: r.id === actueelId,
  };
}

export function listProtocols(db: DB, today: string): ProtocolSummary[] {
  const actueel = inForceId(db, today);
  const rows = db.prepare(`${SELECT_VERSION} ORDER BY v.ingangsdatum DESC, v.id DESC`).all() as VersionRow[];
  return rows.map((r) => toSummary(r, actueel));
}

export function getProtocol(db: DB, id: number, today: string): ProtocolVersion {
  const v = db.prepare(`${SELECT_VERSION} WHERE v.id = ?`).get(id) as VersionRow | undefined;
  if (!v) throw notFound('Deze protocolversie');
  const sections = db.prepare('SELECT id, nummer, titel FROM protocol_section WHERE protocol_id = ? ORDER BY volgorde, id').all(id) as {
    id: number;
    nummer: string | null;
    titel: string;
  }[];
  const rules = db
    .prepare(
      `SELECT r.id, r.section_id, r.nummer, r.tekst, r.vorige_regel_id, s.nummer AS sectie_nummer
       FROM protocol_rule r JOIN protocol_section s ON s.id = r.section_id WHERE r.protocol_id = ? ORDER BY r.volgorde, r.id`,
    )
    .all(id) as RuleRow[];
  const secties: ProtocolSection[] = sections.map((s) => ({
    id: s.id,
    nummer: s.nummer,
    titel: s.titel,
    uitgangspunten: isPrinciples(s.titel),
    regels: rules
      .filter((r) => r.section_id === s.id)
      .map((r) => ({
        id: r.id,
        nummer: r.nummer,
        tekst: r.tekst,
        volledigNummer: volledigNummer(r.sectie_nummer, r.nummer),
        vorigeRegelId: r.vorige_regel_id,
      })),
  }));
  return { ...toSummary(v, inForceId(db, today)), notities: v.notities, secties };
}

export function protocolInForce(db: DB, datum: string, today: string): ProtocolVersion | null {
  const id = inForceId(db, datum);
  return id === null ? null : getProtocol(db, id, today);
}

/** The rules with their full numbers, by id (for incidents). */
export function rulesById(db: DB, ids: number[]): Map<number, { id: number; protocolId: number; volledigNummer: string; tekst: string }> {
  const out = new Map<number, { id: number; protocolId: number; volledigNummer: string; tekst: string }>();
  if (ids.length === 0) return out;
  const rows = db
    .prepare(
      `SELECT r.id, r.protocol_id, r.nummer, r.tekst, s.nummer AS sectie_nummer FROM protocol_rule r JOIN protocol_section s ON s.id = r.section_id
       WHERE r.id IN (${ids.map(() => '?').join(',')})`,
    )
    .all(...ids) as { id: number; protocol_id: number; nummer: string; tekst: string; sectie_nummer: string | null }[];
  for (const r of rows)
    out.set(r.id, { id: r.id, protocolId: r.protocol_id, volledigNummer: volledigNummer(r.sectie_nummer, r.nummer), tekst: r.tekst });
  return out;
}
