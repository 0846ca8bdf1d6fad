// `init`: creates a new encrypted database with the current schema. Without a key (--key-stdin or
// SCHOOLPROTOCOL_KEY) a new random key is made and shown ONCE, with how to keep it: without the
// key nobody can open the data.
import fs from 'node:fs';
import type { Command } from 'commander';
import type { CliContext } from '../context';
import { CliError } from '../context';
import { createKeyFile, generateKey, keyFilePath } from '../../security/devKeyFile';
import { schemaVersion } from '../../db/migrate';

export function register(program: Command, ctx: CliContext): void {
  program
    .command('init')
    .description('Maak een nieuwe, versleutelde database aan')
    .option('--write-key-file', 'bewaar de sleutel in "<db>.key" naast de database (alleen voor test en demo)')
    .action((opts: { writeKeyFile?: boolean }) => {
      const dbPath = ctx.dbPath();
      if (fs.existsSync(dbPath)) throw new CliError(`De database ${dbPath} bestaat al; er is niets gewijzigd.`);
      const given = ctx.keyOrNull();
      const key = given ?? generateKey();
      if (opts.writeKeyFile) {
        if (fs.existsSync(keyFilePath(dbPath))) throw new CliError(`Het sleutelbestand ${keyFilePath(dbPath)} bestaat al; er is niets gewijzigd.`);
      }
      const core = ctx.openCore({ create: true, key });
      const version = schemaVersion(core.db);
      core.close();
      if (opts.writeKeyFile) createKeyFile(dbPath, key);
      ctx.out(`Database aangemaakt: ${dbPath} (schemaversie ${version}, versleuteld).`);
      if (!given) {
        ctx.out('');
        ctx.out('Nieuwe databasesleutel (wordt maar één keer getoond):');
        ctx.out(`  ${key}`);
        ctx.out('');
        ctx.out('Bewaar deze sleutel veilig, bijvoorbeeld in de wachtwoordkluis van de school.');
        ctx.out('Zonder de sleutel kan niemand de gegevens openen, ook wij niet: er is geen achterdeur.');
        ctx.out('Geef hem later op met de omgevingsvariabele SCHOOLPROTOCOL_KEY of via stdin met --key-stdin, nooit als argument.');
      }
      if (opts.writeKeyFile) ctx.out(`De sleutel staat ook in ${keyFilePath(dbPath)} (alleen leesbaar voor u; niet voor echte gegevens).`);
    });
}
