// The benchmark data set: a school board's worth of people and ten school years of incidents,
// generated with a fixed seed so runs compare. Rows go straight in with prepared statements in
// large transactions (the API would take hours for a million incidents); the shape of every row
// is what the core itself writes, so the core's queries meet realistic data.
import fs from 'node:fs';
import path from 'node:path';
import { Core, defaultDataDir } from '../src/main/core/core';
import { schoolYearOf } from '../src/shared/schoolYear';
import { PLATFORM, LOCATIE, ERNST, INCIDENT_STATUS, CATEGORIE } from '../src/shared/domain';
import { writeAudit } from '../src/main/audit/audit';
import { writeAuditHead } from '../src/main/audit/anchor';

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
  const r = rng(o.seed ?? 20261122);
  const now = `${o.lastYearStart + 1}-06-30T10:00:00.000Z`;
  db.pragma('synchronous = OFF'); // generation only; the bench reopens with the app's settings

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
  const created = (entity: string, id: number, after: Record<string, unknown>) =>
    writeAudit(db, { at: now, actor: 'bench', entity, entityId: id, action: 'aangemaakt', after });
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
  const insIncident = db.prepare(
    `INSERT INTO incident (nummer, datum_voorval, datum_melding, locatie, platform, categorie, ernst, omschrijving, status, protocol_id, schooljaar, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
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
    `INSERT INTO obligation (bron, bron_id, measure_id, incident_id, person_id, regel, sleutel, volgorde, titel, grondslag, actor, uiterlijk, te_laat_vanaf, status, gedaan_op, gedaan_door, created_at, updated_at)
     VALUES ('maatregel', ?, ?, ?, ?, ?, '', ?, ?, ?, 'schoolleiding', ?, ?, ?, ?, ?, ?, ?)`,
  );
  const OBLIGATIONS: [string, string, string][] = [
    ['schorsing_besluit', 'Schriftelijk besluit schorsing versturen', 'Besluit zonder uitstel, met redenen, begin en einde (DOMAIN §6.1).'],
    ['schorsing_isd', 'Melden bij de Inspectie (Internet Schooldossier)', 'Schorsing langer dan één dag: melden via het Internet Schooldossier (wet: schorsing langer dan een dag).'],
    ['schorsing_leerplicht', 'Leerplichtambtenaar informeren', 'Schoolbeleid: leerplicht op de hoogte bij schorsing (wet: schorsing langer dan een dag).'],
  ];
  const insFts = db.prepare(`INSERT INTO incident_fts (rowid, nummer, omschrijving, namen) VALUES (?, ?, ?, ?)`);
  const nameOf = db.prepare(`SELECT zoeknaam FROM person WHERE id = ?`).pluck();
  const categories = CATEGORIE.codes;
  const catWeights = categories.map(
    (c) => ({ pesten: 30, kwetsen: 15, beeld_zonder_toestemming: 12, les: 12, bedreiging: 6, discriminatie: 5 })[c as string] ?? 2,
  );
  // Bulk load the standard way: set the incident table's indexes and triggers aside, insert in
  // order, then rebuild them once from their own SQL (much faster than a million index updates).
  const aside = db
    .prepare(
      `SELECT type, name, sql FROM sqlite_master WHERE tbl_name IN ('incident', 'category') AND type IN ('index', 'trigger') AND sql IS NOT NULL`,
    )
    .all() as { type: string; name: string; sql: string }[];
  for (const a of aside) db.exec(`DROP ${a.type.toUpperCase()} "${a.name}"`);
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
          ).lastInsertRowid,
        );
        const dader = r.pick(pupils);
        const slachtoffer = r.pick(pupils);
        insInvolved.run(id, dader, 'dader');
        insInvolved.run(id, slachtoffer, 'slachtoffer');
        const names = [nameOf.get(dader), nameOf.get(slachtoffer)];
        if (r.next() < 0.3) {
          const w = r.pick(pupils);
          insInvolved.run(id, w, 'getuige');
          names.push(nameOf.get(w));
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
            OBLIGATIONS.forEach(([regel, titel, grondslag], n) => {
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
        insFts.run(id, nummer, omschrijving, names.join(' '));
        created('melding', id, { nummer, categorie: cat });
      }
    })();
    if ((done / batch) % 10 === 0) log(`meldingen: ${Math.min(o.incidents, done + batch)} / ${o.incidents}`);
  }
  log('indexen en tellingen opbouwen…');
  db.transaction(() => {
    db.exec(`UPDATE incident SET categorie_rang = (SELECT rang FROM category c WHERE c.code = incident.categorie)`);
    db.exec(`DELETE FROM incident_count`);
    db.exec(`INSERT INTO incident_count (schooljaar, status, categorie, platform, ernst, n)
             SELECT schooljaar, status, categorie, platform, ernst, count(*) FROM incident GROUP BY 1, 2, 3, 4, 5`);
    for (const a of aside) db.exec(a.sql);
  })();
  db.pragma('synchronous = FULL');
  db.exec('ANALYZE');
  db.pragma('wal_checkpoint(TRUNCATE)');
  // The head file once at the end, not per entry (what the core writes after each call).
  writeAuditHead(db, o.dbPath);
  const persons = pupils.length + parents.length + staff.length;
  core.close();
  return { persons, incidents: o.incidents, ms: performance.now() - t0 };
}
