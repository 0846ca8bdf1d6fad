// `obligations`: the open legal obligations with their due dates, as a table (default)
// or JSON (--json), for scripts and checks. --overdue shows only the overdue ones and then exits with
// code 1 when there are any, so a scheduled check can warn.
import type { Command } from 'commander';
import type { CliContext } from '../context';
import { CliError, describeError } from '../context';
import type { Obligation } from '@shared/api/obligations';
import type { Core } from '../../app/core';
import { formatTable } from '../table';
import { dutchShortDate } from '@shared/dates';

const PAGE = 500;

async function allOpen(core: Core, overdue: boolean): Promise<Obligation[]> {
  const rows: Obligation[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const r = await core.invoke('obligations.list', { status: ['open'], ...(overdue ? { teLaat: true } : {}), offset, limit: PAGE });
    if (!r.ok) throw new CliError(describeError(r.error));
    rows.push(...r.value.rows);
    if (rows.length >= r.value.total || r.value.rows.length === 0) return rows;
  }
}

const datum = (d: string | null) => (d ? dutchShortDate(d) : '—');

export function register(program: Command, ctx: CliContext): void {
  program
    .command('obligations')
    .description('Toon de open wettelijke verplichtingen met hun termijnen (te laat eerst)')
    .option('--json', 'als JSON')
    .option('--overdue', 'alleen wat te laat is (eindcode 1 als er iets te laat is)')
    .action(async (opts: { json?: boolean; overdue?: boolean }) => {
      const core = ctx.openCore();
      try {
        const status = await core.invoke('app.status', {});
        if (!status.ok) throw new CliError(describeError(status.error));
        const rows = await allOpen(core, !!opts.overdue);
        const teLaat = rows.filter((o) => o.teLaat).length;
        if (opts.overdue && teLaat > 0) ctx.exitCode = 1;
        if (opts.json) {
          return ctx.json({
            vandaag: status.value.vandaag,
            aantal: rows.length,
            aantalTeLaat: teLaat,
            verplichtingen: rows.map((o) => ({
              id: o.id,
              titel: o.titel,
              regel: o.regel,
              uiterlijk: o.uiterlijk,
              teLaatVanaf: o.teLaatVanaf,
              teLaat: o.teLaat,
              urgent: o.urgent,
              actor: o.actor,
              grondslag: o.grondslag,
              persoon: o.persoonNaam,
              melding: o.incidentNummer,
              incidentId: o.incidentId,
              measureId: o.measureId,
            })),
          });
        }
        if (rows.length === 0) return ctx.out(opts.overdue ? 'Niets te laat.' : 'Geen open verplichtingen.');
        ctx.out(
          formatTable(
            ['', 'Uiterlijk', 'Te laat vanaf', 'Verplichting', 'Persoon', 'Melding'],
            rows.map((o) => [o.teLaat ? 'TE LAAT' : o.urgent ? 'URGENT' : '', datum(o.uiterlijk), datum(o.teLaatVanaf), o.titel, o.persoonNaam ?? '', o.incidentNummer ?? '']),
            60,
          ),
        );
        ctx.out('');
        ctx.out(`${rows.length} open, waarvan ${teLaat} te laat (vandaag: ${dutchShortDate(status.value.vandaag)}).`);
      } finally {
        core.close();
      }
    });
}
