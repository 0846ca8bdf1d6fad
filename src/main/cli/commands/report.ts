// `report --year 2025-2026 --out jaarverslag.docx`: the yearly report (de-identified) as Word, or its
// figures as JSON (--json); `report --evaluation <id> --out pakket.docx`: the evaluation pack.
import type { Command } from 'commander';
import type { CliContext } from '../context';
import { CliError, describeError } from '../context';
import { writeFileOut } from './fileOut';

export function register(program: Command, ctx: CliContext): void {
  program
    .command('report')
    .description('Maak het jaarverslag (zonder namen) als Word-bestand, of het evaluatiepakket')
    .option('--year <schooljaar>', 'het schooljaar, bijvoorbeeld 2025-2026')
    .option('--evaluation <id>', 'maak het evaluatiepakket van deze evaluatie (in plaats van het jaarverslag)')
    .option('--out <bestand>', 'het .docx-bestand om te schrijven')
    .option('--json', 'toon de cijfers als JSON in plaats van een bestand te schrijven')
    .action(async (opts: { year?: string; evaluation?: string; out?: string; json?: boolean }) => {
      if (!opts.year && !opts.evaluation)
        throw new CliError('Geef het schooljaar op met --year (bijvoorbeeld --year 2025-2026) of een evaluatie met --evaluation.');
      if (!opts.json && !opts.out)
        throw new CliError('Geef met --out op waar het bestand moet komen (bijvoorbeeld --out jaarverslag.docx).');
      const core = ctx.openCore();
      try {
        if (opts.json) {
          if (!opts.year) throw new CliError('--json werkt met --year.');
          const r = await core.invoke('reports.year', { schooljaar: opts.year });
          if (!r.ok) throw new CliError(describeError(r.error));
          return ctx.json(r.value);
        }
        const evaluationId = opts.evaluation !== undefined ? Number(opts.evaluation) : null;
        if (evaluationId !== null && !Number.isInteger(evaluationId))
          throw new CliError('--evaluation moet het nummer van een evaluatie zijn.');
        const r =
          evaluationId !== null
            ? await core.invoke('reports.evaluationPack', { evaluationId })
            : await core.invoke('reports.yearDocx', { schooljaar: opts.year as string });
        if (!r.ok) throw new CliError(describeError(r.error));
        const target = writeFileOut(r.value, opts.out as string, 'docx');
        ctx.out(`${evaluationId !== null ? 'Evaluatiepakket' : `Jaarverslag ${opts.year}`} geschreven naar ${target}.`);
      } finally {
        core.close();
      }
    });
}
