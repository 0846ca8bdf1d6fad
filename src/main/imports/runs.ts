// The import log: one row per applied import with its counts (no names), audited like any change.
import type { Ctx } from '../context/context';
import type { DB } from '../db/open';
import type { ImportRun, RosterSoort } from '@shared/api/imports';

export interface RunInput {
  soort: RosterSoort | 'protocol';
  bestandsnaam: string;
  sha256: string;
  formaat: string;
  bronId: number | null;
  bronNaam: string | null;
  volledig: boolean;
  aangemaakt: number;
  bijgewerkt: number;
  ongewijzigd: number;
  uitgeschreven: number;
  overgeslagen: number;
  protocolId: number | null;
  samenvatting: unknown;
}

export function logRun(ctx: Ctx, r: RunInput): number {
  const id = Number(
    ctx.db
      .prepare(
        `INSERT INTO import_run (at, actor, soort, bestandsnaam, sha256, formaat, bron_id, bron_naam, volledig, aangemaakt, bijgewerkt, ongewijzigd,
           uitgeschreven, overgeslagen, protocol_id, samenvatting) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        ctx.nowIso(),
        ctx.actor,
        r.soort,
        r.bestandsnaam,
        r.sha256,
        r.formaat,
        r.bronId,
        r.bronNaam,
        r.volledig ? 1 : 0,
        r.aangemaakt,
        r.bijgewerkt,
        r.ongewijzigd,
        r.uitgeschreven,
        r.overgeslagen,
        r.protocolId,
        JSON.stringify(r.samenvatting),
      ).lastInsertRowid,
  );
  const { samenvatting, ...rest } = r;
  ctx.audit('import', id, r.soort === 'protocol' ? 'protocol_ingelezen' : 'rooster_ingelezen', null, { ...rest, samenvatting });
  return id;
}

interface RunRow {
  id: number;
  at: string;
  actor: string;
  soort: RosterSoort | 'protocol';
  bestandsnaam: string;
  formaat: string;
  bron_naam: string | null;
  volledig: number;
  aangemaakt: number;
  bijgewerkt: number;
  ongewijzigd: number;
  uitgeschreven: number;
  overgeslagen: number;
  protocol_id: number | null;
}

export function listRuns(db: DB, limit: number): ImportRun[] {
  return (db.prepare('SELECT * FROM import_run ORDER BY at DESC, id DESC LIMIT ?').all(limit) as RunRow[]).map((r) => ({
    id: r.id,
    at: r.at,
    actor: r.actor,
    soort: r.soort,
    bestandsnaam: r.bestandsnaam,
    formaat: r.formaat,
    bronNaam: r.bron_naam,
    volledig: r.volledig === 1,
    aangemaakt: r.aangemaakt,
    bijgewerkt: r.bijgewerkt,
    ongewijzigd: r.ongewijzigd,
    uitgeschreven: r.uitgeschreven,
    overgeslagen: r.overgeslagen,
    protocolId: r.protocol_id,
  }));
}
