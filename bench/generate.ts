// The benchmark data set: a school board's worth of people and ten school years of incidents,
// generated with a fixed seed so runs compare. Rows go straight in with prepared statements in
// large transactions (the API would take hours for a million incidents); the shape of every row
// is what the core itself writes, so the core's queries meet realistic data.
//
// Bulk load: every index and trigger in the schema is set aside while the rows go in (with the
// triggers of migrations 007-010 and 018 firing for every row and every index kept row by row, a
// million incidents had written 300 MB of their 2 GB after 15 minutes, and slowing). Afterwards
// the indexes are rebuilt from their own SQL, the tables those triggers keep are computed once
// with set-based SQL (DERIVED below, each the fill its migration itself uses), and the triggers
// come back. `mode: 'triggers'` loads the same rows with every index and trigger live:
// test/integration/bench-generate.test.ts holds the bulk result against it.
import fs from 'node:fs';
import path from 'node:path';
import { Core, defaultDataDir } from '../src/main/app/core';
import { schoolYearOf } from '../src/shared/schoolYear';
import { PLATFORM, LOCATIE, ERNST, INCIDENT_STATUS, CATEGORIE } from '../src/shared/domain';
import { writeAudit, entryHash, GENESIS_HASH } from '../src/main/audit/audit';
import { auditKeyOf, entryHmac, markAuditWritten, writeAuditHead } from '../src/main/audit/anchor';
import type { DB } from '../src/main/db/open';

export interface GenerateOptions {
  dbPath: string;
  key: string;
  schools: number;
  pupilsPerSchool: number;
  staffPerSchool: number;
  incidents: number;
  years: number;
  /** Last school year's start year (the data run up to and including that school year). */
  lastYearStart: number;
  seed?: number;
  log?: (msg: string) => void;
  /**
   * 'bulk' (default): indexes and triggers set aside during the load, kept tables computed once.
   * 'triggers': every index and trigger live, row by row (the reference the test compares with; slow).
   */
  mode?: 'bulk' | 'triggers';
}

/**
 * The triggers that fire while the generator inserts its rows, and what keeps their table in bulk
 * mode. Only INSERT triggers can fire (the load neither updates nor deletes), plus the UPDATE
 * trigger that their upserts reach. A new INSERT trigger in a migration stops generation until it
 * is listed here with the set-based SQL for its table (assertTriggersKnown).
 */
const HANDLED_TRIGGERS: Record<string, string> = {
  incident_count_insert: 'incident_count',
  incident_categorie_rang_insert: 'incident.categorie_rang (written with the row)',
  person_laatste_melding_incident_insert: 'person_laatste_melding',
  person_laatste_melding_ip_insert: 'person_laatste_melding',
  incident_rol_count_incident_insert: 'incident_rol_count',
  incident_rol_count_ip_insert: 'incident_rol_count',
  retentie_person_insert: 'retentie_peildatum',
  retentie_link_insert: 'retentie_peildatum',
  retentie_laatste_melding_insert: 'retentie_peildatum',
  retentie_laatste_melding_update: 'retentie_peildatum',
  retentie_herberekenen_insert: 'retentie_peildatum (retentie_herberekenen stays empty)',
  person_version_insert: 'person_version',
  category_rang_after_insert: '(category is not written by the generator)',
};

/**
 * The kept tables, computed once after the load from the loaded rows. Each statement is the fill
 * the table's own migration uses for existing rows (the triggers keep the same result row by row);
 * they run in this order (retentie_peildatum reads person_laatste_melding). person_version counts
 * every person insert: `personsBefore` is bound to the highest person id before the load.
 */
const DERIVED: [table: string, sql: string][] = [
  // 007_performance: one row per combination of the filterable columns.
  [
    'incident_count',
    `DELETE FROM incident_count;
     INSERT INTO incident_count (schooljaar, status, categorie, platform, ernst, n)
       SELECT schooljaar, status, categorie, platform, ernst, count(*) FROM incident GROUP BY 1, 2, 3, 4, 5;`,
  ],
  // 008_dashboard: each person's last incident, as reporter or involved.
  [
    'person_laatste_melding',
    `DELETE FROM person_laatste_melding;
     INSERT INTO person_laatste_melding (person_id, datum)
       SELECT person_id, max(datum) FROM (
         SELECT ip.person_id, i.datum_voorval AS datum FROM incident i CROSS JOIN incident_person ip ON ip.incident_id = i.id
         UNION ALL
         SELECT melder_id, datum_voorval FROM incident WHERE melder_id IS NOT NULL
       ) GROUP BY person_id;`,
  ],
  // 009_report_figures: per school year, role and person, in how many incidents.
  [
    'incident_rol_count',
    `DELETE FROM incident_rol_count;
     INSERT INTO incident_rol_count (schooljaar, rol, person_id, n)
       SELECT schooljaar, rol, person_id, count(*) FROM (
         SELECT i.schooljaar, ip.rol, ip.person_id FROM incident_person ip JOIN incident i ON i.id = ip.incident_id
         UNION ALL
         SELECT schooljaar, 'melder', melder_id FROM incident WHERE melder_id IS NOT NULL)
       GROUP BY 1, 2, 3;`,
  ],
  // 010_retention_state: the peildatum from the rule's own view, for everyone at once.
  [
    'retentie_peildatum',
    `DELETE FROM retentie_peildatum;
     INSERT INTO retentie_peildatum (person_id, soort, peildatum)
       SELECT person_id, soort, peildatum FROM retentie_peildatum_nu WHERE peildatum IS NOT NULL;`,
  ],
  // 018_person_version: the counter moved once per person inserted.
  ['person_version', `UPDATE person_version SET n = n + (SELECT count(*) FROM person WHERE id > @personsBefore) WHERE id = 1;`],
  // Not a trigger's table: the quick-search index (incidents/fts.ts), in one pass. The names are
  // the involved pupils' zoeknaam in the order they were involved, as the row-by-row load wrote them.
  [
    'incident_fts',
    `DELETE FROM incident_fts;
     INSERT INTO incident_fts (rowid, nummer, omschrijving, namen)
       SELECT i.id, i.nummer, i.omschrijving,
         (SELECT group_concat(p.zoeknaam, ' ' ORDER BY ip.id) FROM incident_person ip JOIN person p ON p.id = ip.person_id
          WHERE ip.incident_id = i.id AND p.soort = 'leerling')
       FROM incident i ORDER BY i.id;`,
  ],
];

/** Throws when the schema has an INSERT trigger this generator does not know how to replace. */
export function assertTriggersKnown(triggers: { name: string; sql: string }[]): void {
  for (const t of triggers) {
    const event = /\b(?:BEFORE|AFTER|INSTEAD\s+OF)\s+(INSERT|UPDATE|DELETE)\b/i.exec(t.sql)?.[1]?.toUpperCase();
    if (event === 'INSERT' && !Object.hasOwn(HANDLED_TRIGGERS, t.name))
      throw new Error(
        `bench/generate.ts kent trigger ${t.name} niet: voeg aan HANDLED_TRIGGERS en DERIVED toe wat die trigger bijhoudt, ` +
          'anders klopt de gegenereerde database niet met wat de app zelf schrijft.',
      );
  }
}

/**
 * The audit entry writeAudit (audit/audit.ts) writes, with the previous hash kept in memory instead
 * of read back and the statement prepared once: the same rows, hash chain and HMAC anchor.
 */
function auditWriter(db: DB) {
  const key = auditKeyOf(db);
  const ins = db.prepare(
    `INSERT INTO audit_log (at, actor, account, entity, entity_id, action, before_json, after_json, prev_hash, hash, hmac)
     VALUES (?, ?, NULL, ?, ?, 'aangemaakt', NULL, ?, ?, ?, ?)`,
  );
  let prev = (db.prepare('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1').pluck().get() as string | undefined) ?? GENESIS_HASH;
  markAuditWritten(db);
  return (at: string, actor: string, entity: string, id: number, after: Record<string, unknown>) => {
    const row = {
      at,
      actor,
      account: null,
      entity,
      entity_id: String(id),
      action: 'aangemaakt',
      before_json: null,
      after_json: JSON.stringify(after),
    };
    const hash = entryHash(prev, row);
    ins.run(at, actor, entity, row.entity_id, row.after_json, prev, hash, entryHmac(key, hash));
    prev = hash;
  };
}

/** mulberry32: a small, fast, seedable PRNG (the numbers only need to be repeatable). */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)],
    /** Picks with weights (skewed distributions look like real schools: much pesten, little radicalisering). */
    weighted: <T>(xs: readonly T[], ws: readonly number[]): T => {
      const total = ws.reduce((s, w) => s + w, 0);
      let r = next() * total;
      for (let i = 0; i < xs.length; i++) {
        r -= ws[i];
        if (r <= 0) return xs[i];
      }
      return xs[xs.length - 1];
    },
  };
}

const VOORNAMEN = [
  'Daan',
  'Sem',
  'Lucas',
  'Noah',
  'Levi',
  'Finn',
  'Bram',
  'Milan',
  'Jesse',
  'Thijs',
  'Emma',
  'Julia',
  'Mila',
  'Tess',
  'Sophie',
  'Zoë',
  'Sara',
  'Nora',
  'Fenna',
  'Lotte',
  'Yara',
  'Mohammed',
  'Ayoub',
  'Chloë',
  'Elif',
  'Noor',
  'Liam',
  'Saar',
  'Jasmijn',
  'Ruben',
];
const ACHTERNAMEN: [string | null, string][] = [
  [null, 'Jansen'],
  ['de', 'Vries'],
  ['van den', 'Berg'],
  ['van', 'Dijk'],
  ['', 'Bakker'],
  [null, 'Visser'],
  [null, 'Smit'],
  ['de', 'Boer'],
  [null, 'Mulder'],
  ['de', 'Groot'],
  [null, 'Bos'],
  [null, 'Vos'],
  [null, 'Peters'],
  [null, 'Hendriks'],
  ['van', 'Leeuwen'],
  [null, 'Dekker'],
  [null, 'Brouwer'],
  ['de', 'Wit'],
  [null, 'Dijkstra'],
  [null, 'Özdemir'],
  [null, 'Yılmaz'],
  [null, 'El Amrani'],
  ['van der', 'Linden'],
  [null, 'Kok'],
  [null, 'Jacobs'],
];
const PLAATSEN = ['Tiel', 'Culemborg', 'Geldermalsen', 'Zaltbommel', 'Utrecht', 'Nijmegen'];
const WIE = ['Een leerling', 'Een klasgenoot', 'Een oud-leerling', 'Een groep leerlingen', 'Een ouder', 'Een onbekende'];
const WAT = ['plaatste', 'deelde', 'stuurde door', 'verspreidde', 'zette online'];
const VOORWERP = [
  'een bewerkte foto',
  'een filmpje',
  'een screenshot',
  'een spraakbericht',
  'een meme',
  'een nepprofiel',
  'een lijst met cijfers',
  'een adres',
  'een dreigende tekst',
  'een gemanipuleerde video',
  'een privéfoto',
  'een stemopname',
];
const WAAR = [
  'in de klassengroep',
  'in een openbare story',
  'op een anoniem account',
  'in een chat na schooltijd',
  'tijdens de gymles',
  'op het schoolplein',
  'in de mediatheek',
  'tijdens een excursie',
  'tijdens de pauze',
  'in een gameserver',
];
const GEVOLG = [
  'De betrokkene voelde zich gekwetst.',
  'Ouders hebben de school gebeld.',
  'De mentor is ingelicht.',
  'Het bericht is inmiddels verwijderd.',
  'Er zijn screenshots bewaard als bewijs.',
  'De leerling durfde niet meer naar school.',
  'Het account is gemeld bij het platform.',
  'Een getuige heeft het gemeld bij de teamleider.',
];
const ZINNEN = [
  'Een leerling heeft in een groepsapp een bewerkte foto van een klasgenoot gedeeld met een kwetsende tekst.',
  'Via een anoniem account zijn berichten geplaatst over een docent.',
  'Tijdens de les is zonder toestemming gefilmd en het filmpje is op TikTok gezet.',
  'In een Snapchat-groep werd een leerling buitengesloten en uitgescholden.',
  'Een leerling ontving herhaaldelijk dreigende berichten na schooltijd.',
  'Er is een nepaccount aangemaakt op naam van een medeleerling.',
  'Persoonlijke gegevens van een leerling zijn in een openbare story gedeeld.',
  'Een ouder plaatste een beledigend bericht over de school op Facebook.',
  'Het wachtwoord van een schoolaccount is misbruikt om berichten te versturen.',
  'Een filmpje van een vechtpartij op het schoolplein werd rondgestuurd.',
];

export function generate(o: GenerateOptions): { persons: number; incidents: number; ms: number } {
  const t0 = performance.now();
  const log = o.log ?? (() => {});
  // A new data set starts without the old one's letters and evidence too: they belonged to the old
  // database, and a backup would copy them (each bench run adds 500 letters).
  for (const f of [o.dbPath, `${o.dbPath}-wal`, `${o.dbPath}-shm`, defaultDataDir(o.dbPath)])
    fs.rmSync(f, { force: true, recursive: true });
  fs.mkdirSync(path.dirname(o.dbPath), { recursive: true });
  const core = Core.open({
    dbPath: o.dbPath,
    key: o.key,
    create: true,
    actor: 'bench',
    now: () => new Date(`${o.lastYearStart + 1}-06-30T10:00:00Z`),
  });
  const db = core.db;
  const bulk = (o.mode ?? 'bulk') === 'bulk';
  const r = rng(o.seed ?? 20261122);
  const now = `${o.lastYearStart + 1}-06-30T10:00:00.000Z`;
  // Generation only; the bench reopens with the app's settings. A large page cache keeps the
  // growing tables and the index builds in memory (the app's 16 MB made every insert and every
  // CREATE INDEX decrypt pages again); nothing secret is deleted here.
  db.pragma('synchronous = OFF');
  db.pragma(`cache_size = -${1024 * 1024}`);
  db.pragma('secure_delete = OFF');

  // Every index and trigger, in schema order, to be put back after the load (bulk mode).
  const aside = db.prepare(`SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') AND sql IS NOT NULL`).all() as {
    type: 'index' | 'trigger';
    name: string;
    sql: string;
  }[];
  const personsBefore = Number(db.prepare('SELECT coalesce(max(id), 0) FROM person').pluck().get());
  if (bulk) {
    assertTriggersKnown(aside.filter((a) => a.type === 'trigger'));
    db.transaction(() => {
      for (const a of aside) db.exec(`DROP ${a.type.toUpperCase()} "${a.name}"`);
    })();
  }
  const rangOf = new Map(
    (db.prepare('SELECT code, rang FROM category').all() as { code: string; rang: number }[]).map((c) => [c.code, c.rang]),
  );

  db.prepare(
    `INSERT INTO school (id, naam, sector, brin, openbaar, regio, straat, postcode, plaats, telefoon, email, ondertekenaar_naam, ondertekenaar_functie, anti_pest_naam, created_at, updated_at)
     VALUES (1, 'Stichting Benchmark (30 scholen)', 'VO', '99ZZ', 0, 'midden', 'Stationsweg 1', '4001 AA', 'Tiel', '0344 123 456', 'info@benchmark.example', 'A. de Directeur', 'Bestuurder', 'P. Coördinator', ?, ?)`,
  ).run(now, now);

  // One protocol version per school year, each rule continuing the previous version's rule.
  const insVersion = db.prepare(
    `INSERT INTO protocol_version (titel, versie, ingangsdatum, vastgesteld_op, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const insSection = db.prepare(`INSERT INTO protocol_section (protocol_id, volgorde, nummer, titel) VALUES (?, ?, ?, ?)`);
  const insRule = db.prepare(
    `INSERT INTO protocol_rule (protocol_id, section_id, volgorde, nummer, tekst, vorige_regel_id) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const firstYear = o.lastYearStart - o.years + 1;
  const rulesByYear = new Map<number, { protocolId: number; rules: number[] }>();
  db.transaction(() => {
    let prev: number[] = [];
    for (let y = firstYear; y <= o.lastYearStart; y++) {
      const pid = Number(insVersion.run('Protocol sociale media', `${y}.1`, `${y}-08-01`, `${y}-07-01`, now, now).lastInsertRowid);
      const rules: number[] = [];
      for (let s = 1; s <= 4; s++) {
        const sid = Number(insSection.run(pid, s, String(s), `Onderdeel ${s}`).lastInsertRowid);
        for (let n = 1; n <= 5; n++) {
          const i = (s - 1) * 5 + n - 1;
          rules.push(
            Number(
              insRule.run(
                pid,
                sid,
                n,
                String(n),
                `Regel ${s}.${n}: het is niet toegestaan om anderen online te kwetsen of te bedreigen (${y}).`,
                prev[i] ?? null,
              ).lastInsertRowid,
            ),
          );
        }
      }
      rulesByYear.set(y, { protocolId: pid, rules });
      prev = rules;
    }
  })();

  // People.
  const insPerson = db.prepare(
    `INSERT INTO person (soort, voornaam, roepnaam, tussenvoegsel, achternaam, geslacht, geboortedatum, leerlingnummer, groep, leerjaar, functie, personeelsnummer,
       straat, postcode, plaats, email, ingeschreven_op, uitgeschreven_op, zoeknaam, created_at, updated_at)
     VALUES (@soort, @voornaam, @voornaam, @tv, @an, @g, @gd, @lln, @groep, @leerjaar, @functie, @pnr, @straat, @postcode, @plaats, @email, @in, @uit, @zoek, @now, @now)`,
  );
  // Every record gets its 'aangemaakt' entry as the core writes it (writeAudit: hash chain and HMAC
  // anchor), so `verify` on a bench database finds no record added outside the app.
  // (The reference mode uses writeAudit itself, so the test also holds the fast writer against it.)
  const writeFast = bulk ? auditWriter(db) : null;
  const created = (entity: string, id: number, after: Record<string, unknown>) =>
    writeFast
      ? writeFast(now, 'bench', entity, id, after)
      : writeAudit(db, { at: now, actor: 'bench', entity, entityId: id, action: 'aangemaakt', after });
  const addPerson = (row: ReturnType<typeof naam>) => {
    const id = Number(insPerson.run(row).lastInsertRowid);
    created('persoon', id, { soort: row.soort });
    return id;
  };
  const insLink = db.prepare(`INSERT INTO guardian_link (leerling_id, ouder_id, relatie, gezag, ontvangt_post) VALUES (?, ?, ?, 1, 1)`);
  const pupils: number[] = [];
  const staff: number[] = [];
  const parents: number[] = [];
  const naam = (soort: string, extra: Record<string, unknown>) => {
    const vn = r.pick(VOORNAMEN);
    const [tv, an] = r.pick(ACHTERNAMEN);
    return {
      soort,
      voornaam: vn,
      tv: tv || null,
      an,
      g: r.pick(['m', 'v']),
      gd: null,
      lln: null,
      groep: null,
      leerjaar: null,
      functie: null,
      pnr: null,
      straat: `Dorpsstraat ${r.int(1, 250)}`,
      postcode: `${r.int(1000, 9999)} ${String.fromCharCode(65 + r.int(0, 25), 65 + r.int(0, 25))}`,
      plaats: r.pick(PLAATSEN),
      email: null,
      in: null,
      uit: null,
      zoek: [vn, tv, an, vn].filter(Boolean).join(' ').toLowerCase(),
      now,
      ...extra,
    };
  };
  db.transaction(() => {
    let nr = 100000;
    for (let s = 0; s < o.schools; s++) {
      for (let i = 0; i < o.pupilsPerSchool; i++) {
        const born = r.int(o.lastYearStart - 18, o.lastYearStart - 11);
        const left = r.next() < 0.3 ? `${r.int(firstYear + 1, o.lastYearStart)}-07-15` : null;
        const id = addPerson(
          naam('leerling', {
            gd: `${born}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`,
            lln: String(nr++),
            groep: `${r.int(1, 6)}${r.pick(['A', 'B', 'C'])}`,
            leerjaar: r.int(1, 6),
            in: `${born + 12}-08-20`,
            uit: left,
          }),
        );
        pupils.push(id);
        const guardians = r.next() < 0.2 ? 2 : 1;
        for (let g = 0; g < guardians; g++) {
          const pid = addPerson(naam('ouder', { email: `ouder${id}-${g}@example.nl` }));
          parents.push(pid);
          insLink.run(id, pid, g === 0 ? 'moeder' : 'vader');
        }
      }
      for (let i = 0; i < o.staffPerSchool; i++) {
        staff.push(
          addPerson(
            naam('medewerker', {
              functie: r.pick(['Docent', 'Mentor', 'Conciërge', 'Teamleider', 'Onderwijsassistent']),
              pnr: `P${s}-${i}`,
            }),
          ),
        );
      }
    }
  })();
  log(`personen: ${pupils.length} leerlingen, ${parents.length} ouders, ${staff.length} medewerkers`);

  // Incidents with involved people, rules, measures, reports, FTS rows and audit entries.
  // Bulk: categorie_rang written with the row, as incident_categorie_rang_insert would set it;
  // with triggers live the trigger sets it (the column's default 0 goes in).
  const insIncident = db.prepare(
    `INSERT INTO incident (nummer, datum_voorval, datum_melding, locatie, platform, categorie, ernst, omschrijving, status, protocol_id, schooljaar, created_at, updated_at, categorie_rang)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insInvolved = db.prepare(`INSERT OR IGNORE INTO incident_person (incident_id, person_id, rol) VALUES (?, ?, ?)`);
  const insIncRule = db.prepare(`INSERT OR IGNORE INTO incident_rule (incident_id, rule_id) VALUES (?, ?)`);
  const insMeasure = db.prepare(
    `INSERT INTO measure (incident_id, person_id, soort, status, besluit_datum, besloten_door, startdatum, einddatum, duur_dagen, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, 'Teamleider', ?, ?, ?, ?, ?)`,
  );
  const insReport = db.prepare(
    `INSERT INTO external_report (incident_id, instantie, soort, datum, door, created_at, updated_at) VALUES (?, ?, ?, ?, 'Directeur', ?, ?)`,
  );
  const insObligation = db.prepare(
    `INSERT INTO obligation (bron, bron_id, measure_id, incident_id, person_id, regel, sleutel, volgorde, titel, titel_en, grondslag, actor, uiterlijk, te_laat_vanaf, status, gedaan_op, gedaan_door, created_at, updated_at)
     VALUES ('maatregel', ?, ?, ?, ?, ?, '', ?, ?, ?, ?, 'schoolleiding', ?, ?, ?, ?, ?, ?, ?)`,
  );
  // [rule, Dutch title, English title (migration 019), basis]
  const OBLIGATIONS: [string, string, string, string][] = [
    [
      'schorsing_besluit',
      'Schriftelijk besluit schorsing versturen',
      'Send the written decision on the suspension (schorsing)',
      'Besluit zonder uitstel, met redenen, begin en einde.',
    ],
    [
      'schorsing_isd',
      'Melden bij de Inspectie (Internet Schooldossier)',
      'Report to the Inspectorate (Internet Schooldossier)',
      'Schorsing langer dan één dag: melden via het Internet Schooldossier (wet: schorsing langer dan een dag).',
    ],
    [
      'schorsing_leerplicht',
      'Leerplichtambtenaar informeren',
      'Inform the compulsory-education officer (leerplichtambtenaar)',
      'Schoolbeleid: leerplicht op de hoogte bij schorsing (wet: schorsing langer dan een dag).',
    ],
  ];
  const insFts = db.prepare(`INSERT INTO incident_fts (rowid, nummer, omschrijving, namen) VALUES (?, ?, ?, ?)`);
  const nameOf = db.prepare(`SELECT zoeknaam FROM person WHERE id = ?`).pluck();
  const categories = CATEGORIE.codes;
  const catWeights = categories.map(
    (c) => ({ pesten: 30, kwetsen: 15, beeld_zonder_toestemming: 12, les: 12, bedreiging: 6, discriminatie: 5 })[c as string] ?? 2,
  );
  const perYearCounter = new Map<number, number>();
  const totalDays = o.years * 365;
  const start = Date.UTC(firstYear, 7, 1);
  const batch = 20000;
  for (let done = 0; done < o.incidents; done += batch) {
    db.transaction(() => {
      for (let k = done; k < Math.min(o.incidents, done + batch); k++) {
        // Spread evenly over the years (k ordered) with a jitter, so dates correlate with ids as in life.
        const day = Math.min(totalDays - 1, Math.floor((k / o.incidents) * totalDays) + r.int(0, 3));
        const d = new Date(start + day * 86400000).toISOString().slice(0, 10);
        const sj = schoolYearOf(d);
        const y = Number(sj.slice(0, 4));
        const melding = d;
        const cal = Number(melding.slice(0, 4));
        const seq = (perYearCounter.get(cal) ?? 0) + 1;
        perYearCounter.set(cal, seq);
        const nummer = `M${cal}-${String(seq).padStart(4, '0')}`;
        const status = y < o.lastYearStart ? 'afgesloten' : r.pick(INCIDENT_STATUS.codes);
        const cat = r.weighted(categories, catWeights);
        const proto = rulesByYear.get(y) ?? rulesByYear.get(o.lastYearStart)!;
        const omschrijving =
          r.next() < 0.3
            ? `${r.pick(ZINNEN)} ${r.pick(GEVOLG)}`
            : `${r.pick(WIE)} ${r.pick(WAT)} ${r.pick(VOORWERP)} ${r.pick(WAAR)} (${d}). ${r.pick(GEVOLG)} ${r.pick(GEVOLG)}`;
        const id = Number(
          insIncident.run(
            nummer,
            d,
            melding,
            r.pick(LOCATIE.codes),
            r.weighted(PLATFORM.codes, [20, 20, 20, 25, 3, 4, 3, 1, 3, 1]),
            cat,
            r.weighted(ERNST.codes, [40, 35, 20, 5]),
            omschrijving,
            status,
            proto.protocolId,
            sj,
            now,
            now,
            bulk ? rangOf.get(cat) : 0,
          ).lastInsertRowid,
        );
        const dader = r.pick(pupils);
        const slachtoffer = r.pick(pupils);
        insInvolved.run(id, dader, 'dader');
        insInvolved.run(id, slachtoffer, 'slachtoffer');
        const names: unknown[] = bulk ? [] : [nameOf.get(dader), nameOf.get(slachtoffer)];
        if (r.next() < 0.3) {
          const w = r.pick(pupils);
          insInvolved.run(id, w, 'getuige');
          if (!bulk) names.push(nameOf.get(w));
        }
        if (r.next() < 0.03) insInvolved.run(id, r.pick(staff), 'dader');
        insIncRule.run(id, r.pick(proto.rules));
        if (r.next() < 0.5) {
          const soort = r.weighted(['gesprek', 'waarschuwing', 'schorsing', 'inname_telefoon'], [50, 30, 8, 12]);
          const dur = soort === 'schorsing' ? r.int(1, 3) : null;
          const mid = Number(
            insMeasure.run(
              id,
              dader,
              soort,
              'uitgevoerd',
              d,
              soort === 'schorsing' ? d : null,
              soort === 'schorsing' ? d : null,
              dur,
              now,
              now,
            ).lastInsertRowid,
          );
          created('maatregel', mid, { soort, persoon: dader });
          if (soort === 'schorsing') {
            OBLIGATIONS.forEach(([regel, titel, titelEn, grondslag], n) => {
              // Older years were dealt with; this year some are still open (and some overdue).
              const open = y === o.lastYearStart && r.next() < 0.3;
              insObligation.run(
                mid,
                mid,
                id,
                dader,
                regel,
                n,
                titel,
                titelEn,
                grondslag,
                d,
                d,
                open ? 'open' : 'gedaan',
                open ? null : d,
                open ? null : 'Teamleider',
                now,
                now,
              );
            });
          }
        }
        if (r.next() < 0.05) {
          const instantie = r.pick(['vertrouwensinspecteur', 'politie', 'inspectie']);
          const rid = Number(insReport.run(id, instantie, r.pick(['consultatie', 'melding']), d, now, now).lastInsertRowid);
          created('externe_melding', rid, { instantie, melding: id });
        }
        if (!bulk) insFts.run(id, nummer, omschrijving, names.join(' '));
        created('melding', id, { nummer, categorie: cat });
      }
    })();
    if ((done / batch) % 10 === 0) log(`meldingen: ${Math.min(o.incidents, done + batch)} / ${o.incidents}`);
  }
  const secs = (t: number) => `${((performance.now() - t) / 1000).toFixed(1)} s`;
  log(`rijen geladen na ${secs(t0)}`);
  if (bulk) {
    // Indexes first (the fills read through them), then the kept tables, then the triggers.
    const tIndexes = performance.now();
    for (const a of aside.filter((x) => x.type === 'index')) {
      const t = performance.now();
      db.exec(a.sql);
      if (performance.now() - t > 5000) log(`index ${a.name}: ${secs(t)}`);
    }
    log(`${aside.filter((x) => x.type === 'index').length} indexen opgebouwd in ${secs(tIndexes)}`);
    for (const [table, sql] of DERIVED) {
      const t = performance.now();
      db.transaction(() => {
        if (sql.includes('@personsBefore')) db.prepare(sql).run({ personsBefore });
        else db.exec(sql);
      })();
      log(`${table} berekend in ${secs(t)}`);
    }
    db.transaction(() => {
      for (const a of aside.filter((x) => x.type === 'trigger')) db.exec(a.sql);
    })();
  }
  db.pragma('synchronous = FULL');
  const tAnalyze = performance.now();
  db.exec('ANALYZE');
  db.pragma('wal_checkpoint(TRUNCATE)');
  log(`ANALYZE en checkpoint in ${secs(tAnalyze)}`);
  // The head file once at the end, not per entry (what the core writes after each call).
  writeAuditHead(db, o.dbPath);
  const persons = pupils.length + parents.length + staff.length;
  core.close();
  return { persons, incidents: o.incidents, ms: performance.now() - t0 };
}
