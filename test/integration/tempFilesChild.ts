// The child process of temp-files.test.ts, started with SQLITE_TMPDIR, TMPDIR, TMP and TEMP
// pointing at a folder the parent watches. It runs what could spill into temporary files: a real
// retention destruction of a pupil with many incidents, a large sort with a small cache, a backup
// (in its worker thread), verify, diagnose and a restore. With `--temp-store-file` it only runs the
// sort on a connection set back to SQLite's default, which must show up in the watched folder.
import fs from 'node:fs';
import path from 'node:path';
import { Core, defaultDataDir } from '../../src/main/app/core';
import { verifyDatabase } from '../../src/main/app/verify';
import { diagnoseOpenFailure } from '../../src/main/app/diagnose';
import { restoreBackup } from '../../src/main/backup/restore';
import type { MethodName, Input, Output } from '../../src/shared/api';

const [dir, backups, key, mode] = process.argv.slice(2);
const dbPath = path.join(dir, 'schoolprotocol.db');
const say = (s: string) => fs.writeSync(1, `${s}\n`);
const core = Core.open({
  dbPath,
  key,
  create: true,
  actor: 'tijdelijk',
  now: () => new Date('2026-11-16T09:00:00Z'),
  // Such as the backup worker not starting (the backup is then made on this thread): the parent
  // wants an empty stderr, so that the worker's own connection is the one tested.
  onInternalError: (what, e) => fs.writeSync(2, `${what}: ${String(e)}\n`),
});

async function call<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>> {
  const r = await core.invoke(method, input);
  if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
  return r.value;
}

/** A sort of 200,000 rows of 128 characters (25 MB) with a 256 kB cache: SQLite spills it unless temp_store is MEMORY. */
function largeSort(): number {
  core.db.pragma('cache_size = -256');
  let n = 0;
  const rows = core.db.prepare(
    'WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200000) SELECT i, hex(randomblob(64)) AS s FROM n ORDER BY s',
  );
  for (const _row of rows.iterate()) n++;
  return n;
}

if (mode === '--temp-store-file') {
  core.db.pragma('temp_store = DEFAULT');
  say(`gesorteerd:${largeSort()}`);
  core.close();
  process.exit(0);
}

await call('school.save', {
  naam: 'De Linde',
  sector: 'VO',
  regio: 'midden',
  ondertekenaarNaam: 'A. Visser',
  ondertekenaarFunctie: 'directeur',
});
await call('protocols.createFromTemplate', { ingangsdatum: '2015-08-01' });
const siebe = await call('people.create', {
  soort: 'leerling',
  voornaam: 'Siebe',
  achternaam: 'Wouterlooij',
  leerlingnummer: '778899',
  ingeschrevenOp: '2016-08-15',
  uitgeschrevenOp: '2022-07-31',
});
const noor = await call('people.create', { soort: 'leerling', voornaam: 'Noor', achternaam: 'Bakker' });
const story = 'Siebe Wouterlooij (leerlingnummer 778899) stuurde opnieuw berichten in de klassengroep. '.repeat(20);
for (let i = 0; i < 120; i++) {
  const dag = `2021-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
  await call('incidents.create', {
    datumVoorval: dag,
    datumMelding: dag,
    locatie: 'buiten_school',
    platform: 'whatsapp',
    categorie: 'pesten',
    ernst: 'laag',
    omschrijving: `${i}: ${story}`,
    // Every tenth also concerns Noor, who stays: that incident lives on without Siebe's name.
    betrokkenen: [{ personId: siebe.id, rol: 'dader' }, ...(i % 10 === 0 ? [{ personId: noor.id, rol: 'slachtoffer' as const }] : [])],
  });
}
for (const o of (await call('obligations.list', { personId: siebe.id, status: ['open'], limit: 500 })).rows)
  await call('obligations.markNotApplicable', { id: o.id, reden: 'Afgerond.' });
const destroyed = await call('trust.retention.destroy', { personIds: [siebe.id], bevestigdDoor: 'A. Visser' });
say(`vernietigd:${destroyed.personen}:${destroyed.meldingen}`);

say(`gesorteerd:${largeSort()}`);

const backup = await call('trust.backup.now', { naar: backups });
core.close();
say(`reservekopie:${backup.backup.naam}`);
say(`verify:${verifyDatabase(dbPath, key).ok}`);
say(`diagnose:${diagnoseOpenFailure(dbPath, key, backups).soort}`);
restoreBackup({ dbPath, dataDir: defaultDataDir(dbPath), key, source: backup.backup.pad });
say('teruggezet');
