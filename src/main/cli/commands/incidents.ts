// `incidents list`: the incident log as a table (default) or JSON (--json), with the grid's
// filters: status, school year, quick search, and a limit.
import type { Command } from 'commander';
import type { CliContext } from '../context';
import { CliError, describeError } from '../context';
import { CATEGORIE, ERNST, INCIDENT_STATUS, PLATFORM } from '@shared/domain';
import type { Label } from '@shared/domain';
import type { IncidentRow } from '@shared/api/incidents';
import { formatTable } from '../table';

const label = (labels: Record<string, Label>, code: string) => labels[code]?.nl ?? code;
const list = (v: string, prev: string[] = []) => [...prev, ...v.split(',').map((s) => s.trim()).filter(Boolean)];

export function register(program: Command, ctx: CliContext): void {
  const incidents = program.command('incidents').description('Meldingen');
  incidents
    .command('list')
    .description('Toon meldingen (nieuwste eerst)')
    .option('--json', 'als JSON (de rijen en het totaal)')
    .option('--status <status>', `status: ${INCIDENT_STATUS.codes.join(', ')} (meerdere met komma's)`, list)
    .option('--year <schooljaar>', 'schooljaar, bijvoorbeeld 2025-2026')
    .option('--search <tekst>', 'zoek op nummer, omschrijving en namen')
    .option('--limit <n>', 'hoogstens zoveel meldingen (1-500)', '50')
    .action(async (opts: { json?: boolean; status?: string[]; year?: string; search?: string; limit: string }) => {
      const limit = Number(opts.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new CliError('--limit moet een heel getal van 1 tot en met 500 zijn.');
      const core = ctx.openCore();
      try {
        const r = await core.invoke('incidents.list', {
          limit,
          filter: { ...(opts.status ? { status: opts.status } : {}), ...(opts.year ? { schooljaar: opts.year } : {}) },
          ...(opts.search ? { search: opts.search } : {}),
        });
        if (!r.ok) throw new CliError(describeError(r.error));
        const page = r.value as { rows: IncidentRow[]; total: number };
        if (opts.json) return ctx.json(page);
        if (page.total === 0) return ctx.out('Geen meldingen gevonden.');
        ctx.out(
          formatTable(
            ['Nummer', 'Datum', 'Categorie', 'Platform', 'Ernst', 'Status', 'Dader(s)'],
            page.rows.map((i) => [
              i.nummer,
              i.datumVoorval,
              label(CATEGORIE.labels, i.categorie),
              label(PLATFORM.labels, i.platform),
              label(ERNST.labels, i.ernst),
              label(INCIDENT_STATUS.labels, i.status),
              i.daders,
            ]),
          ),
        );
        ctx.out('');
        ctx.out(page.rows.length < page.total ? `${page.rows.length} van ${page.total} meldingen getoond (gebruik --limit voor meer).` : `${page.total} meldingen.`);
      } finally {
        core.close();
      }
    });
}
