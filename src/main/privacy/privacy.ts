// What the privacy page shows (where the data are, how long they stay, who can read them) and what
// needs attention on the dashboard: breach deadlines, overdue access requests, backups, expired records.
import type { Ctx } from '../context/context';
import type { PrivacyInfo, TrustAttention } from '@shared/api/trust';
import { dutchShortDate } from '@shared/dates';
import { lockStatus } from '../security/lock';
import { retentionTerms, readTrustSettings } from '../settings/trust';
import { backupOverview } from '../backup/backupService';
import { breachTasks } from './breaches';
import { overdueRequests } from './accessRequests';
import { countDestroyable } from '../retention/retention';

const n = (ctx: Ctx, table: string) => (ctx.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

export async function privacyInfo(ctx: Ctx): Promise<PrivacyInfo> {
  const s = readTrustSettings(ctx.db);
  const t = retentionTerms(ctx.db);
  const overview = backupOverview(ctx);
  return {
    databaseBestand: ctx.db.name,
    bestandenMap: ctx.files.root,
    versleuteld: true,
    wachtwoordIngesteld: (await lockStatus(ctx)).wachtwoordIngesteld,
    backupMap: s.backupMap,
    laatsteBackup: overview.laatsteGelukt?.gestartOp ?? null,
    bewaartermijnen: { leerling: t.leerling, medewerker: t.medewerker, overig: t.overig },
    aantallen: {
      personen: n(ctx, 'person'),
      meldingen: n(ctx, 'incident'),
      maatregelen: n(ctx, 'measure'),
      auditRegels: n(ctx, 'audit_log'),
    },
  };
}

export function attention(ctx: Ctx): TrustAttention[] {
  const out: TrustAttention[] = breachTasks(ctx.db, ctx.now());
  for (const r of overdueRequests(ctx.db, ctx.today())) {
    out.push({
      soort: 'inzageverzoek',
      titel: `Inzageverzoek van ${r.aanvragerNaam} beantwoorden (termijn ${dutchShortDate(r.termijn)})`,
      uiterlijk: r.termijn,
      teLaat: true,
      id: r.id,
    });
  }
  const open = ctx.db
    .prepare(
      `SELECT id, aanvrager_naam AS naam, coalesce(verlengd_tot, uiterlijk_op) AS termijn FROM access_request WHERE status = 'open' AND coalesce(verlengd_tot, uiterlijk_op) >= ? ORDER BY termijn`,
    )
    .all(ctx.today()) as { id: number; naam: string; termijn: string }[];
  for (const r of open)
    out.push({ soort: 'inzageverzoek', titel: `Inzageverzoek van ${r.naam} beantwoorden`, uiterlijk: r.termijn, teLaat: false, id: r.id });
  const b = backupOverview(ctx);
  if (!b.map)
    out.push({
      soort: 'reservekopie',
      titel: 'Kies een map voor de dagelijkse reservekopie (Instellingen → Beveiliging).',
      uiterlijk: null,
      teLaat: false,
      id: null,
    });
  else if (b.laatsteMislukt)
    out.push({
      soort: 'reservekopie',
      titel: `De laatste reservekopie is mislukt: ${b.laatsteMislukt.fout ?? ''}`,
      uiterlijk: null,
      teLaat: true,
      id: null,
    });
  else if (b.achterstand)
    out.push({
      soort: 'reservekopie',
      titel: 'Er is al meer dan twee dagen geen reservekopie gemaakt.',
      uiterlijk: null,
      teLaat: true,
      id: null,
    });
  const expired = countDestroyable(ctx.db, ctx.today());
  if (expired)
    out.push({
      soort: 'bewaartermijn',
      titel: `${expired} ${expired === 1 ? 'persoon is' : 'personen zijn'} over de bewaartermijn: beoordelen en vernietigen.`,
      uiterlijk: null,
      teLaat: false,
      id: null,
    });
  return out;
}
