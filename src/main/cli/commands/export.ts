// `export incidents --year 2025-2026 --format csv|xlsx --out FILE` and `export people …`: the grid
// views as CSV for Dutch Excel or .xlsx. Personal data leaves the app: the core audits every export.
import type { Command } from 'commander';
import type { CliContext } from '../context';
import { CliError, describeError } from '../context';
import { writeFileOut } from './fileOut';
import type { IncidentStatus, PersoonSoort } from '@shared/domain';

const format = (v: string | undefined): 'csv' | 'xlsx' => {
  if (v !== 'csv' && v !== 'xlsx') throw new CliError('--format moet csv of xlsx zijn.');
  return v;
};
const list = (v: string, prev: string[] = []) => [
  ...prev,
  ...v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
];

export function register(program: Command, ctx: CliContext): void {
  const exp = program.command('export').description('Exporteer een lijst (meldingen, personen) als CSV of Excel');
  exp
    .command('incidents')
    .description('De meldingen, met dezelfde filters als de lijst in de app')
    .option('--year <schooljaar>', 'schooljaar, bijvoorbeeld 2025-2026')
    .option('--status <status>', "status (meerdere met komma's)", list)
    .option('--search <tekst>', 'zoek op nummer, omschrijving en namen')
    .requiredOption('--format <csv|xlsx>', 'csv (Excel, puntkomma) of xlsx')
    .requiredOption('--out <bestand>', 'het bestand om te schrijven')
    .action(async (opts: { year?: string; status?: string[]; search?: string; format: string; out: string }) => {
      const f = format(opts.format);
      const core = ctx.openCore();
      try {
        const r = await core.invoke('exports.incidents', {
          format: f,
          // The core validates the codes; a wrong one answers with its Dutch message.
          filter: { ...(opts.year ? { schooljaar: opts.year } : {}), ...(opts.status ? { status: opts.status as IncidentStatus[] } : {}) },
          ...(opts.search ? { search: opts.search } : {}),
        });
        if (!r.ok) throw new CliError(describeError(r.error));
        ctx.out(`Meldingen geschreven naar ${writeFileOut(r.value, opts.out, f)}.`);
      } finally {
        core.close();
      }
    });
  exp
    .command('people')
    .description('De personen, met dezelfde filters als de lijst in de app')
    .option('--soort <soort>', "leerling, medewerker, ouder, extern (meerdere met komma's)", list)
    .option('--search <tekst>', 'zoek op naam of nummer')
    .requiredOption('--format <csv|xlsx>', 'csv (Excel, puntkomma) of xlsx')
    .requiredOption('--out <bestand>', 'het bestand om te schrijven')
    .action(async (opts: { soort?: string[]; search?: string; format: string; out: string }) => {
      const f = format(opts.format);
      const core = ctx.openCore();
      try {
        const r = await core.invoke('exports.people', {
          format: f,
          ...(opts.soort ? { soort: opts.soort as PersoonSoort[] } : {}),
          ...(opts.search ? { search: opts.search } : {}),
        });
        if (!r.ok) throw new CliError(describeError(r.error));
        ctx.out(`Personen geschreven naar ${writeFileOut(r.value, opts.out, f)}.`);
      } finally {
        core.close();
      }
    });
}
