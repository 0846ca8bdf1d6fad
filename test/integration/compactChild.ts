// The child process of trust-compact.test.ts. "eenmaal": one start-up compaction, its result on
// stdout. "herhaal": marks a compaction pending and compacts, over and over, printing "c:<n>" after
// each, until the parent kills it at a random moment.
import fs from 'node:fs';
import { applyKey, connect } from '../../src/main/db/open';
import { compactAtStart, markCompactionPending } from '../../src/main/retention/compact';

const [dbPath, key, mode] = process.argv.slice(2);
const say = (s: string) => fs.writeSync(1, `${s}\n`);

if (mode === 'eenmaal') say(JSON.stringify(compactAtStart(dbPath, key)));
else {
  for (let n = 1; ; n++) {
    const db = connect(dbPath);
    applyKey(db, key);
    markCompactionPending(db, new Date().toISOString());
    db.close();
    const r = compactAtStart(dbPath, key);
    if (r.status !== 'gecompacteerd') {
      fs.writeSync(2, `${JSON.stringify(r)}\n`);
      process.exit(2);
    }
    say(`c:${n}`);
  }
}
