// `seed-demo`: loads the fictional demo school (school.loadDemo) into an empty database.
import type { Command } from 'commander';
import type { CliContext } from '../context';
import { CliError, describeError } from '../context';

export function register(program: Command, ctx: CliContext): void {
  program
    .command('seed-demo')
    .description('Laad de (verzonnen) demo-school in een lege database')
    .option('--json', 'resultaat als JSON')
    .action(async (opts: { json?: boolean }) => {
      const core = ctx.openCore();
      try {
        const r = await core.invoke('school.loadDemo', {});
        if (!r.ok) throw new CliError(describeError(r.error));
        if (opts.json) ctx.json(r.value);
        else ctx.out(`Demo-school geladen: ${r.value.schoolNaam} (${r.value.personen} personen, ${r.value.meldingen} meldingen).`);
      } finally {
        core.close();
      }
    });
}
