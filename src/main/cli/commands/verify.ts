// `verify`: checks a database without changing it (app/verify.ts: schema version, integrity, foreign
// keys, the audit chain and its head file, every evidence file and letter against its SHA-256).
// Exit code 0 when all is well; 1 with exactly what is wrong (and where) otherwise.
import type { Command } from 'commander';
import type { CliContext } from '../context';
import { CliError } from '../context';
import { verifyDatabase as verify } from '../../app/verify';
import type { VerifyReport } from '../../app/verify';

export type { VerifyReport };

/** The check, with a failure to run it at all (no database, a wrong key) as a clean Dutch CLI error. */
export function verifyDatabase(dbPath: string, key: string): VerifyReport {
  try {
    return verify(dbPath, key);
  } catch (e) {
    throw new CliError((e as Error).message);
  }
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('verify')
    .description('Controleer de database: schemaversie, integriteit, het auditlogboek en elk bewijsstuk en elke brief')
    .option('--json', 'rapport als JSON')
    .action((opts: { json?: boolean }) => {
      const report = verifyDatabase(ctx.dbPath(), ctx.key());
      if (!report.ok) ctx.exitCode = 1;
      if (opts.json) return ctx.json(report);
      const mark = (ok: boolean) => (ok ? 'in orde' : 'FOUT   ');
      const list = (ps: string[]) => ps.forEach((p) => ctx.out(`             - ${p}`));
      ctx.out(`Controle van ${report.database}`);
      if (report.stagedRestore)
        ctx.out(
          `  FOUT     Er staat een terug te zetten reservekopie klaar (${report.stagedRestore}); open de app of de opdrachtregel om hem af te maken.`,
        );
      ctx.out(`  ${mark(report.schema.ok)}  ${report.schema.message}`);
      ctx.out(
        `  ${mark(report.integrity.ok)}  ${report.integrity.ok ? 'Integriteit van de database (integrity_check).' : 'De database is beschadigd (integrity_check):'}`,
      );
      list(report.integrity.problems);
      ctx.out(
        `  ${mark(report.foreignKeys.ok)}  ${report.foreignKeys.ok ? 'Alle verwijzingen tussen records kloppen.' : 'Verwijzingen tussen records:'}`,
      );
      list(report.foreignKeys.problems);
      ctx.out(`  ${mark(report.audit.ok)}  ${report.audit.message}`);
      list(report.audit.problems);
      ctx.out(
        `  ${mark(report.files.ok)}  ${report.files.ok ? `${report.files.checked} bewijsstukken, brieven en logo: alle SHA-256-waarden kloppen.` : 'Bewijsstukken en brieven:'}`,
      );
      list(report.files.problems);
      ctx.out('');
      ctx.out(
        report.ok
          ? 'Alles in orde.'
          : 'Er zijn problemen gevonden. Zet zo nodig de laatste goede reservekopie terug en bewaar deze database voor onderzoek.',
      );
    });
}
