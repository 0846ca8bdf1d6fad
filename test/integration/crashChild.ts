// The child process of crash.test.ts: opens the database through the core and writes as fast as
// it can, printing each id only after core.invoke answered (so after the COMMIT returned). The
// parent kills it with SIGKILL at a random moment. Migrations come from SCHOOLPROTOCOL_MIGRATIONS.
import fs from 'node:fs';
import { Core } from '../../src/main/app/core';

const [dbPath, key, round] = process.argv.slice(2);
const core = Core.open({ dbPath, key, create: true, actor: `ronde-${round}` });
const say = (s: string) => fs.writeSync(1, `${s}\n`);

async function call(method: string, input: unknown): Promise<{ id: number }> {
  const r = await core.invoke(method, input);
  if (!r.ok) {
    fs.writeSync(2, `${method}: ${JSON.stringify(r.error)}\n`);
    process.exit(2);
  }
  return r.value as { id: number };
}

// A person to hang legal holds on (each hold: a row plus its audit entry), made once.
const existing = core.db.prepare('SELECT id FROM person LIMIT 1').get() as { id: number } | undefined;
const personId = existing?.id ?? (await call('people.create', { soort: 'leerling', voornaam: 'Test', achternaam: 'Crash' })).id;
say('klaar');

for (let i = 0; ; i++) {
  if (i % 3 === 2) {
    const h = await call('trust.holds.create', {
      personId,
      soort: 'anders',
      reden: `Ronde ${round}, schrijfactie ${i}`,
      vanaf: '2026-01-01',
    });
    say(`h:${h.id}`);
  } else {
    const b = await call('trust.breaches.create', {
      omschrijving: `Ronde ${round}, schrijfactie ${i}`,
      ontdektOp: new Date().toISOString(),
      betrokkenen: 'testgegevens',
      risico: i % 2 === 0,
    });
    say(`b:${b.id}`);
  }
}
