// `backup [--to MAP]` and `restore BESTAND [--sleutel-stdin] [--controleer]`: the same backups as the
// app (backup/backup.ts). The recovery key of a backup made with another key comes from stdin (asked
// without echo on a terminal) or SCHOOLPROTOCOL_HERSTELSLEUTEL, never from an argument (context.ts).
// A backup goes to the folder set in the app (Instellingen → Beveiliging) or to --to. A restore
// checks the backup first (ours, key, integrity, schema version), makes a safety backup of the
// current database when it still opens and a backup folder is set, keeps the current database
// aside until the restored one opens, and puts it back if anything fails.
import path from 'node:path';
import { Option } from 'commander';
import type { Command } from 'commander';
import type { CliContext } from '../context';
import { CliError, describeError, keyOnCommandLine } from '../context';
import { defaultDataDir } from '../../app/core';
import { checkBackupWhileClosed, restoreWhileClosed } from '../../app/host';
import { dutchLongDateOf } from '@shared/dates';
import { KEY_RE } from '../../db/open';

const RECOVERY_HOW =
  'Geef --sleutel-stdin: op een terminal vraagt de opdrachtregel er dan om zonder hem te tonen, anders leest hij hem van stdin. ' +
  'Of zet hem in de omgevingsvariabele SCHOOLPROTOCOL_HERSTELSLEUTEL.';

const size = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} kB`);
const when = (iso: string | null) =>
  iso
    ? `${dutchLongDateOf(iso)} ${new Date(iso).toLocaleTimeString('nl-NL', { timeZone: 'Europe/Amsterdam', hour: '2-digit', minute: '2-digit' })}`
    : 'onbekende datum';

function listDamaged(ctx: CliContext, beschadigd: string[], what: string): void {
  if (!beschadigd.length) return;
  ctx.exitCode = 1;
  ctx.out(`LET OP: ${beschadigd.length === 1 ? 'dit bestand' : `deze ${beschadigd.length} bestanden`} ${what} (de database wel):`);
  for (const b of beschadigd) ctx.out(`  - ${b}`);
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('backup')
    .description('Maak een versleutelde reservekopie (database, bewijsstukken en brieven), met rotatie 7 dagen / 4 weken / 12 maanden')
    .option('--to <map>', 'naar deze map (anders de map uit Instellingen → Beveiliging)')
    .option('--json', 'resultaat als JSON')
    .action(async (opts: { to?: string; json?: boolean }) => {
      const core = ctx.openCore();
      try {
        const r = await core.invoke('trust.backup.now', opts.to ? { naar: path.resolve(opts.to) } : {});
        if (!r.ok) throw new CliError(describeError(r.error));
        // Files that did not match the database are recorded with the run: say so loudly.
        const o = await core.invoke('trust.backup.overview', {});
        const waarschuwing = o.ok && o.value.laatsteGelukt?.naam === r.value.backup.naam ? o.value.laatsteGelukt.fout : null;
        if (waarschuwing) {
          ctx.err(`LET OP: ${waarschuwing}`);
          ctx.exitCode = 1;
        }
        if (opts.json) return ctx.json({ ...r.value, waarschuwing });
        const b = r.value.backup;
        ctx.out(`Reservekopie gemaakt: ${b.pad}`);
        ctx.out(`  ${size(b.grootte)} database, ${b.bestanden} bewijsstukken en brieven, versleuteld met de sleutel van deze database.`);
        if (r.value.opgeruimd.length) ctx.out(`  Opgeruimd volgens de rotatie: ${r.value.opgeruimd.join(', ')}`);
      } finally {
        core.close();
      }
    });

  program
    .command('restore')
    .description('Zet een reservekopie terug (controleert eerst; de huidige database wordt opzij gezet, niet overschreven)')
    .argument('<bestand>', 'de map "reservekopie-…" of het bestand schoolprotocol.db daarin')
    .option(
      '--sleutel-stdin',
      'de herstelsleutel waarmee de reservekopie is gemaakt, als die anders is dan de huidige, van stdin (op een terminal: gevraagd zonder te tonen); anders SCHOOLPROTOCOL_HERSTELSLEUTEL',
    )
    .addOption(new Option('--sleutel [hex]').hideHelp())
    .option('--controleer', 'alleen controleren, niets terugzetten')
    .option('--json', 'resultaat als JSON')
    .action(async (bestand: string, opts: { sleutel?: string | boolean; sleutelStdin?: boolean; controleer?: boolean; json?: boolean }) => {
      if (opts.sleutel !== undefined) throw new CliError(keyOnCommandLine('herstelsleutel', RECOVERY_HOW));
      const dbPath = ctx.dbPath();
      const key = ctx.key();
      const source = path.resolve(bestand);
      const given = opts.sleutelStdin
        ? await ctx.readSecret('Herstelsleutel van de reservekopie (wordt niet getoond): ')
        : process.env.SCHOOLPROTOCOL_HERSTELSLEUTEL || undefined;
      const sourceKey = given?.replace(/[\s-]/g, '').toLowerCase();
      if (sourceKey !== undefined && !KEY_RE.test(sourceKey)) throw new CliError('Een herstelsleutel bestaat uit 64 tekens 0-9 en a-f.');
      if (path.resolve(source) === dbPath || source.startsWith(`${dbPath}-`) || source.startsWith(defaultDataDir(dbPath))) {
        throw new CliError('Kies een reservekopie, niet de database zelf of haar eigen map.');
      }
      const fail = (e: unknown): never => {
        throw new CliError((e as Error).message);
      };

      if (opts.controleer) {
        try {
          const check = checkBackupWhileClosed({ source, key, sourceKey });
          if (opts.json) return ctx.json(check);
          ctx.out(
            `${check.beschadigd.length ? 'De database in de reservekopie is in orde' : 'De reservekopie is in orde'}: ${check.schoolNaam ?? 'onbekende school'}, gemaakt ${when(check.gemaaktOp)}, schemaversie ${check.schemaversie}.`,
          );
          ctx.out(`  ${check.personen} personen, ${check.meldingen} meldingen, ${check.bestanden} bewijsstukken en brieven.`);
          listDamaged(ctx, check.beschadigd, 'kunnen niet worden teruggezet');
          return;
        } catch (e) {
          return fail(e);
        }
      }

      // The one restore of the app (app/host.ts): a safety backup of the current data first when it
      // still opens and a backup folder is set; when it does not open, it is put aside.
      let r;
      try {
        r = await restoreWhileClosed({ dbPath, key, source, sourceKey, actor: ctx.actor() });
      } catch (e) {
        return fail(e);
      }
      if (!opts.json) {
        if (r.veiligheidskopie) ctx.out(`Eerst een reservekopie van de huidige gegevens gemaakt: ${r.veiligheidskopie}`);
        else if (!r.huidigeOpende) ctx.out('De huidige database opent niet; hij wordt opzij gezet en blijft bewaard.');
      }
      if (opts.json) return ctx.json(r);
      ctx.out(
        `Teruggezet: de reservekopie van ${when(r.gemaaktOp)} (${r.schoolNaam ?? 'onbekende school'}, ${r.personen} personen, ${r.meldingen} meldingen).`,
      );
      if (r.opzij) ctx.out(`De vorige database staat opzij als ${r.opzij}`);
      listDamaged(ctx, r.beschadigd, 'zijn niet teruggezet');
      ctx.out('Wat na die datum is ingevoerd, moet opnieuw worden ingevoerd.');
    });
}
