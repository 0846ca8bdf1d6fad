// `calendar --year 2025-2026 --out planning.ics`: the school year's calendar (evaluation, recurring
// moments, due dates) as an .ics file for Outlook or Google Calendar; --list prints it instead.
import type { Command } from 'commander';
import type { CliContext } from '../context';
import { CliError, describeError } from '../context';
import { formatTable } from '../table';
import { writeFileOut } from './fileOut';

export function register(program: Command, ctx: CliContext): void {
  program
    .command('calendar')
    .description('Exporteer de planning van een schooljaar als .ics (Outlook, Google Agenda)')
    .requiredOption('--year <schooljaar>', 'het schooljaar, bijvoorbeeld 2025-2026')
    .option('--out <bestand>', 'het .ics-bestand om te schrijven')
    .option('--item <sleutel>', 'alleen dit agendapunt (bijvoorbeeld evaluatie-3)')
    .option('--list', 'toon de planning in plaats van een bestand te schrijven')
    .option('--json', 'toon de planning als JSON')
    .action(async (opts: { year: string; out?: string; item?: string; list?: boolean; json?: boolean }) => {
      if (!opts.list && !opts.json && !opts.out)
        throw new CliError('Geef met --out op waar het bestand moet komen (bijvoorbeeld --out planning.ics), of gebruik --list.');
      const core = ctx.openCore();
      try {
        if (opts.list || opts.json) {
          const r = await core.invoke('calendar.list', { schooljaar: opts.year });
          if (!r.ok) throw new CliError(describeError(r.error));
          if (opts.json) return ctx.json(r.value);
          return ctx.out(
            formatTable(
              ['Datum', 'Tot en met', 'Tijd', 'Wat', 'Sleutel'],
              r.value.map((i) => [i.datum, i.einddatum ?? '', i.tijdStart ? `${i.tijdStart}-${i.tijdEind}` : '', i.titel, i.key]),
            ),
          );
        }
        const r = await core.invoke('calendar.ics', { schooljaar: opts.year, key: opts.item });
        if (!r.ok) throw new CliError(describeError(r.error));
        ctx.out(`Planning ${opts.year} geschreven naar ${writeFileOut(r.value, opts.out as string, 'ics')}.`);
      } finally {
        core.close();
      }
    });
}
