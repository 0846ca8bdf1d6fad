// `npm run server`: the school server (server.ts, docs/SERVER.md).
//   npm run server -- --data DIR --port N [--cert FILE --key FILE] [--host NAME …] [--listen ADDR]
//   npm run server -- --data DIR --eerste-account GEBRUIKERSNAAM [--rol schoolleider|beheerder]
// The database is DIR/schoolprotocol.db. Its key comes from SCHOOLPROTOCOL_KEY, else from the key
// file DIR/schoolprotocol.db.key (made at the first start, readable by the owner only): never from
// the command line, where every user of the computer sees it (ps) and npm logs it.
// --key is the TLS certificate's private key file, not the database key.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startServer } from './server';
import { loadCertificate, selfSignedCertificate } from './tls';
import { accountsAuthenticator, createFirstAccount, FIRST_ACCOUNT_ROLES, sessionStillValid } from './accountsLink';
import type { FirstAccountRol } from './accountsLink';
import { createKeyFile, keyFilePath, readKeyFile } from '../security/devKeyFile';
import { KEY_RE } from '../db/open';
import { openHost } from '../app/host';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
export const DB_NAME = 'schoolprotocol.db';

const USAGE = `Gebruik:
  npm run server -- --data MAP --port POORT [--cert BESTAND --key BESTAND] [--host NAAM …] [--listen ADRES]
  npm run server -- --data MAP --eerste-account GEBRUIKERSNAAM [--rol schoolleider|beheerder]

  --data     de map met de database, de sleutel en het certificaat (wordt bij de eerste start gemaakt)
  --port     de poort (bijvoorbeeld 8443)
  --cert     het certificaat van de school (PEM); zonder: een eigen certificaat in de map
  --key      de privésleutel bij --cert (PEM), niet de databasesleutel
  --host     een naam of adres waarmee medewerkers de server bereiken (mag vaker); standaard de computernaam
  --listen   het adres waarop de server luistert (standaard alle adressen)
  De databasesleutel: SCHOOLPROTOCOL_KEY, anders het sleutelbestand in de map.`;

class UsageError extends Error {}

function databaseKey(dbPath: string, log: (s: string) => void): string {
  const fromEnv = process.env.SCHOOLPROTOCOL_KEY;
  let key = fromEnv || readKeyFile(dbPath);
  if (!key) {
    if (fs.existsSync(dbPath))
      throw new UsageError(`De database ${dbPath} bestaat al, maar er is geen sleutel. Zet de sleutel in SCHOOLPROTOCOL_KEY.`);
    key = createKeyFile(dbPath);
    log(
      `Nieuwe databasesleutel opgeslagen in ${keyFilePath(dbPath)} (alleen leesbaar voor dit account). Bewaar een kopie op een veilige plek.`,
    );
  }
  if (!KEY_RE.test(key)) throw new UsageError('De databasesleutel moet 64 hexadecimale tekens zijn.');
  return key.toLowerCase();
}

export async function main(argv = process.argv.slice(2), log = (s: string) => console.log(s)): Promise<(() => Promise<void>) | null> {
  const { values } = parseArgs({
    args: argv,
    options: {
      data: { type: 'string' },
      port: { type: 'string' },
      cert: { type: 'string' },
      key: { type: 'string' },
      host: { type: 'string', multiple: true },
      listen: { type: 'string' },
      'eerste-account': { type: 'string' },
      rol: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    log(USAGE);
    return null;
  }
  // The database key by mistake in --key: refuse before it is used anywhere.
  if (values.key !== undefined && KEY_RE.test(values.key) && !fs.existsSync(values.key))
    throw new UsageError(
      'Geef de databasesleutel niet mee op de opdrachtregel: zet hem in SCHOOLPROTOCOL_KEY. --key is de sleutel van het certificaat (een bestand).',
    );
  if (!values.data) throw new UsageError(`Geef de map op met --data.\n\n${USAGE}`);
  // Everything the server writes (database, evidence, letters, backups, certificate) is for its own account only.
  process.umask(0o077);
  const dir = path.resolve(values.data);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const dbPath = path.join(dir, DB_NAME);
  const key = databaseKey(dbPath, log);

  if (values['eerste-account'] !== undefined) {
    const rol = (values.rol ?? 'schoolleider') as FirstAccountRol;
    if (!FIRST_ACCOUNT_ROLES.includes(rol))
      throw new UsageError('Het eerste account is een schoolleider of een beheerder: --rol schoolleider of --rol beheerder.');
    const opened = openHost({ dbPath, key, create: true, actor: 'Schoolserver (installatie)' }, false);
    if (!opened.ok) throw new UsageError(opened.message);
    try {
      const made = await createFirstAccount(opened.host.core, values['eerste-account'], rol);
      log(`Account ${made.gebruikersnaam} (${rol}) is gemaakt.`);
      log(`Eenmalig wachtwoord: ${made.startwachtwoord}`);
      log(
        'Geef dit persoonlijk door. Bij de eerste keer inloggen kiest de gebruiker een eigen wachtwoord en stelt de authenticator-app in.',
      );
    } finally {
      opened.host.close();
    }
    return null;
  }

  const port = Number(values.port);
  if (!values.port || !Number.isInteger(port) || port < 1 || port > 65535)
    throw new UsageError('Geef een geldig poortnummer op met --port (bijvoorbeeld 8443).');
  if ((values.cert === undefined) !== (values.key === undefined))
    throw new UsageError('Geef --cert en --key samen op (het certificaat en zijn sleutel).');
  const hostNames = values.host?.length ? values.host : [os.hostname(), 'localhost', '127.0.0.1'];
  const certificate = values.cert ? loadCertificate(values.cert, values.key!) : await selfSignedCertificate(dir, hostNames);
  const staticDir = path.join(repoRoot, 'out', 'renderer');
  if (!fs.existsSync(path.join(staticDir, 'index.html'))) log('Let op: out/renderer ontbreekt; voer eerst `npm run build` uit.');

  const server = await startServer({
    dbPath,
    key,
    create: true,
    port,
    listen: values.listen,
    hostNames,
    certificate,
    staticDir,
    authenticate: accountsAuthenticator,
    stillValid: sessionStillValid,
  });
  log('');
  log('Schoolprotocol – schoolserver');
  for (const name of hostNames) log(`  Adres:        https://${name.includes(':') ? `[${name}]` : name}:${server.port}`);
  log(`  Database:     ${dbPath}`);
  log(`  Certificaat:  ${certificate.certFile}${certificate.selfSigned ? ' (eigen certificaat van de server)' : ''}`);
  log(`  Vingerafdruk: SHA-256 ${certificate.fingerprint}`);
  log(`  Geldig tot:   ${certificate.validTo.toISOString().slice(0, 10)}`);
  log('  Stoppen:      Ctrl+C');
  return server.close;
}

// Run as the entry point (npm run server), not when a test imports main().
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  main().then(
    (close) => {
      if (!close) return;
      const stop = () =>
        close().then(
          () => process.exit(0),
          () => process.exit(1),
        );
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    },
    (e: unknown) => {
      console.error(`Fout: ${(e as Error).message}`);
      process.exit(e instanceof UsageError ? 2 : 1);
    },
  );
}
