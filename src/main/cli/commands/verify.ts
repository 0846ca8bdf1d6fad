// `verify`: checks a database without changing it: it opens with the key (read-only, no
// migrations), compares the schema version with this app, runs PRAGMA integrity_check and
// foreign_key_check, and walks the audit chain (each entry's hash links to the previous one).
// Exit code 0 when all is well; 1 with exactly what is wrong (and where) otherwise.
import fs from 'node:fs';
import type { Command } from 'commander';
import type { CliContext } from '../context';
import { CliError } from '../context';
import { openDatabase } from '../../db/open';
import { latestSchemaVersion, schemaVersion } from '../../db/migrate';
import { verifyAuditChain } from '../../audit/audit';

export interface VerifyReport {
  ok: boolean;
  database: string;
  schema: { database: number; app: number; ok: boolean; message: string };
  integrity: { ok: boolean; problems: string[] };
  foreignKeys: { ok: boolean; problems: string[] };
  audit: { ok: boolean; entries: number; brokenAt?: number; message: string };
}

export function verifyDatabase(dbPath: string, key: string): VerifyReport {
  if (!fs.existsSync(dbPath)) throw new CliError(`De database ${dbPath} bestaat niet.`);
  let db;
  try {
    db = openDatabase(dbPath, { key, readonly: true, noMigrate: true });
  } catch (e) {
    throw new CliError((e as Error).message);
  }
  try {
    const dbVersion = schemaVersion(db);
    const appVersion = latestSchemaVersion();
    const schema =
      dbVersion > appVersion
        ? { ok: false, message: `De database heeft schemaversie ${dbVersion}, nieuwer dan deze app (${appVersion}). Installeer de nieuwste versie van de app.` }
        : dbVersion < appVersion
          ? { ok: true, message: `Schemaversie ${dbVersion}; deze app werkt hem bij naar ${appVersion} bij het openen.` }
          : { ok: true, message: `Schemaversie ${dbVersion} (gelijk aan de app).` };

    const integrityRows = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
    const integrityOk = integrityRows.length === 1 && integrityRows[0] === 'ok';

    const fkRows = db.pragma('foreign_key_check') as { table: string; rowid: number | null; parent: string; fkid: number }[];
    const fkProblems = fkRows.slice(0, 50).map((r) => `tabel ${r.table}, rij ${r.rowid ?? '?'}: verwijst naar een ontbrekende rij in ${r.parent}`);

    const chain = verifyAuditChain(db);
    const audit = chain.ok
      ? { ok: true, entries: chain.entries, message: `${chain.entries} regels in het auditlogboek, de keten is ongeschonden.` }
      : { ok: false, entries: chain.entries, brokenAt: chain.brokenAt, message: `Het auditlogboek is onderbroken bij regel ${chain.brokenAt}: ${chain.reason}.` };

    const report: VerifyReport = {
      ok: schema.ok && integrityOk && fkRows.length === 0 && chain.ok,
      database: dbPath,
      schema: { database: dbVersion, app: appVersion, ...schema },
      integrity: { ok: integrityOk, problems: integrityOk ? [] : integrityRows.slice(0, 50) },
      foreignKeys: { ok: fkRows.length === 0, problems: fkProblems },
      audit,
    };
    return report;
  } finally {
    db.close();
  }
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('verify')
    .description('Controleer de database: schemaversie, integriteit en het auditlogboek')
    .option('--json', 'rapport als JSON')
    .action((opts: { json?: boolean }) => {
      const report = verifyDatabase(ctx.dbPath(), ctx.key());
      if (!report.ok) ctx.exitCode = 1;
      if (opts.json) return ctx.json(report);
      const mark = (ok: boolean) => (ok ? 'in orde' : 'FOUT   ');
      ctx.out(`Controle van ${report.database}`);
      ctx.out(`  ${mark(report.schema.ok)}  ${report.schema.message}`);
      ctx.out(`  ${mark(report.integrity.ok)}  ${report.integrity.ok ? 'Integriteit van de database (integrity_check).' : 'De database is beschadigd (integrity_check):'}`);
      for (const p of report.integrity.problems) ctx.out(`             - ${p}`);
      ctx.out(`  ${mark(report.foreignKeys.ok)}  ${report.foreignKeys.ok ? 'Alle verwijzingen tussen records kloppen.' : 'Verwijzingen naar ontbrekende records:'}`);
      for (const p of report.foreignKeys.problems) ctx.out(`             - ${p}`);
      ctx.out(`  ${mark(report.audit.ok)}  ${report.audit.message}`);
      ctx.out('');
      ctx.out(report.ok ? 'Alles in orde.' : 'Er zijn problemen gevonden. Zet zo nodig de laatste goede reservekopie terug en bewaar deze database voor onderzoek.');
    });
}
