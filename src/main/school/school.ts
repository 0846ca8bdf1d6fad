// The school's own details (one row, id = 1): name, sector, address, signatory, anti-pestcoördinator.
import type { Ctx } from '../context/context';
import type { DB } from '../db/open';
import type { School } from '@shared/api/school';
import type { Parsed } from '@shared/api';
import type { Sector, Regio } from '@shared/domain';

interface SchoolRow {
  naam: string;
  sector: Sector;
  brin: string | null;
  openbaar: number;
  regio: Regio;
  bevoegd_gezag: string | null;
  straat: string | null;
  postcode: string | null;
  plaats: string | null;
  telefoon: string | null;
  email: string | null;
  website: string | null;
  ondertekenaar_naam: string | null;
  ondertekenaar_functie: string | null;
  anti_pest_naam: string | null;
  anti_pest_email: string | null;
  updated_at: string;
}

export function getSchool(db: DB): School | null {
  const r = db.prepare('SELECT * FROM school WHERE id = 1').get() as SchoolRow | undefined;
  if (!r) return null;
  return {
    naam: r.naam,
    sector: r.sector,
    brin: r.brin,
    openbaar: r.openbaar === 1,
    regio: r.regio,
    bevoegdGezag: r.bevoegd_gezag,
    straat: r.straat,
    postcode: r.postcode,
    plaats: r.plaats,
    telefoon: r.telefoon,
    email: r.email,
    website: r.website,
    ondertekenaarNaam: r.ondertekenaar_naam,
    ondertekenaarFunctie: r.ondertekenaar_functie,
    antiPestNaam: r.anti_pest_naam,
    antiPestEmail: r.anti_pest_email,
    updatedAt: r.updated_at,
  };
}

export function saveSchool(ctx: Ctx, s: Parsed<'school.save'>): School {
  const before = getSchool(ctx.db);
  const now = ctx.nowIso();
  ctx.db
    .prepare(
      `INSERT INTO school (id, naam, sector, brin, openbaar, regio, bevoegd_gezag, straat, postcode, plaats, telefoon, email, website,
         ondertekenaar_naam, ondertekenaar_functie, anti_pest_naam, anti_pest_email, created_at, updated_at)
       VALUES (1, @naam, @sector, @brin, @openbaar, @regio, @bevoegd_gezag, @straat, @postcode, @plaats, @telefoon, @email, @website,
         @ondertekenaar_naam, @ondertekenaar_functie, @anti_pest_naam, @anti_pest_email, @now, @now)
       ON CONFLICT(id) DO UPDATE SET naam = excluded.naam, sector = excluded.sector, brin = excluded.brin, openbaar = excluded.openbaar,
         regio = excluded.regio, bevoegd_gezag = excluded.bevoegd_gezag, straat = excluded.straat, postcode = excluded.postcode,
         plaats = excluded.plaats, telefoon = excluded.telefoon, email = excluded.email, website = excluded.website,
         ondertekenaar_naam = excluded.ondertekenaar_naam, ondertekenaar_functie = excluded.ondertekenaar_functie,
         anti_pest_naam = excluded.anti_pest_naam, anti_pest_email = excluded.anti_pest_email, updated_at = excluded.updated_at`,
    )
    .run({
      naam: s.naam,
      sector: s.sector,
      brin: s.brin ?? null,
      openbaar: s.openbaar ? 1 : 0,
      regio: s.regio,
      bevoegd_gezag: s.bevoegdGezag ?? null,
      straat: s.straat ?? null,
      postcode: s.postcode ?? null,
      plaats: s.plaats ?? null,
      telefoon: s.telefoon ?? null,
      email: s.email ?? null,
      website: s.website ?? null,
      ondertekenaar_naam: s.ondertekenaarNaam ?? null,
      ondertekenaar_functie: s.ondertekenaarFunctie ?? null,
      anti_pest_naam: s.antiPestNaam ?? null,
      anti_pest_email: s.antiPestEmail ?? null,
      now,
    });
  const after = getSchool(ctx.db)!;
  ctx.audit('school', 1, before ? 'gewijzigd' : 'aangemaakt', before, after);
  return after;
}
