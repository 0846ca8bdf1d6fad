// `npm run preview`: starts the browser preview door (server.ts) on a development/demo database and
// prints the address to open. Not for real pupil data: the key lies beside the database in a file.
//   --db <file>    (or SCHOOLPROTOCOL_DB)   default ./.preview-data/schoolprotocol.db
//   the key: SCHOOLPROTOCOL_KEY, else the key file "<db>.key", created on first run (never an argument:
//   arguments show in ps and npm's debug log)
//   --port <n>     default: a random free port
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startPreview } from './server';
import { createKeyFile, keyFilePath, readKeyFile } from '../security/devKeyFile';
import { KEY_RE } from '../db/open';

const repoRoot = path.resolve(import.meta.dirname, '../../..');

async function main() {
  const { values } = parseArgs({
    options: { db: { type: 'string' }, key: { type: 'string' }, port: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.key !== undefined) throw new Error('Geef de sleutel niet als argument (dan staat hij in ps en in het debuglog van npm): zet hem in SCHOOLPROTOCOL_KEY.');
  if (values.help) {
    console.log('Gebruik: npm run preview -- [--db bestand] [--port poort]   (sleutel: SCHOOLPROTOCOL_KEY of het sleutelbestand naast de database)');
    return;
  }
  const dbPath = path.resolve(values.db ?? process.env.SCHOOLPROTOCOL_DB ?? path.join(repoRoot, '.preview-data', 'schoolprotocol.db'));
  fs.mkdirSync(path.dirname(dbPath), { recursive: true });
  let key = process.env.SCHOOLPROTOCOL_KEY ?? readKeyFile(dbPath);
  if (!key) {
    if (fs.existsSync(dbPath)) throw new Error(`De database ${dbPath} bestaat al, maar er is geen sleutel. Zet de sleutel in SCHOOLPROTOCOL_KEY.`);
    key = createKeyFile(dbPath);
    console.log(`Nieuwe sleutel opgeslagen in ${keyFilePath(dbPath)} (alleen leesbaar voor u).`);
  }
  if (!KEY_RE.test(key)) throw new Error('De sleutel moet 64 hexadecimale tekens zijn.');
  const port = values.port ? Number(values.port) : 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error('Geef een geldig poortnummer op.');
  const staticDir = path.join(repoRoot, 'out', 'renderer');
  if (!fs.existsSync(path.join(staticDir, 'index.html'))) console.warn('Let op: out/renderer ontbreekt; voer eerst `npx electron-vite build` uit.');

  const preview = await startPreview({ dbPath, key, port, staticDir });
  console.log('');
  console.log('Schoolprotocol – voorvertoning in de browser (voor ontwikkeling en demonstratie, niet voor echte leerlinggegevens)');
  console.log(`  Open:      ${preview.url}`);
  console.log(`  Database:  ${dbPath}`);
  console.log('  Stoppen:   Ctrl+C');
  const stop = () => {
    preview.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(`Fout: ${(e as Error).message}`);
  process.exit(1);
});
