// The first-run checklist of the start page (Overzicht): what a new school sets up before the app can
// protect it. Each item is read from where it is actually kept, so it flips the moment it is done.
import { subYears } from 'date-fns/subYears';
import { format } from 'date-fns/format';
import { parseISO } from 'date-fns/parseISO';
import type { Ctx } from '../context/context';
import type { StartChecklist, StartItemId } from '@shared/api/obligations';
import { inForceId } from '../protocols/read';
import { getSchool } from '../school/school';
import { readTrustSettings } from '../settings/trust';
import { readLettersSettings, readLogo } from '../letters/settings';

const SCHOOL = '#/instellingen/school';
const LINK: Record<StartItemId, string> = {
  protocol: '#/instellingen/protocollen',
  personen: '#/instellingen/importeren',
  reservekopie: '#/instellingen/beveiliging',
  briefpapier: '#/instellingen/brieven',
  antipest: SCHOOL,
  evaluatie: '#/planning/evaluatie/nieuw',
};

const filled = (s: string | null | undefined) => !!s && s.trim() !== '';

export function getStartChecklist(ctx: Ctx): StartChecklist {
  const vandaag = ctx.today();
  const school = getSchool(ctx.db);
  const count = (sql: string, ...args: unknown[]) => (ctx.db.prepare(sql).get(...args) as { n: number }).n;

  // A logo whose file went missing prints no logo: not done.
  const logo = readLogo(ctx.files, readLettersSettings(ctx.db)) !== null;
  const ondertekenaar = filled(school?.ondertekenaarNaam);
  // A meeting still to come, or one held in the past year (closing it plans the next one).
  const evaluatie =
    count(
      `SELECT COUNT(*) AS n FROM evaluation WHERE (status = 'gepland' AND datum >= ?) OR (status IN ('gehouden','gesloten') AND datum >= ?)`,
      vandaag,
      format(subYears(parseISO(vandaag), 1), 'yyyy-MM-dd'),
    ) > 0;

  const item = (id: StartItemId, gedaan: boolean, ontbreekt: StartChecklist['items'][number]['ontbreekt'] = null, link = LINK[id]) => ({
    id,
    gedaan,
    link,
    ontbreekt,
  });
  const items = [
    item('protocol', inForceId(ctx.db, vandaag) !== null),
    item('personen', count(`SELECT COUNT(*) AS n FROM (SELECT 1 FROM person WHERE soort = 'leerling' LIMIT 1)`) > 0),
    item('reservekopie', filled(readTrustSettings(ctx.db).backupMap)),
    // The signatory is kept with the school's details, the logo with the letters: go where the gap is.
    logo && !ondertekenaar
      ? item('briefpapier', false, 'ondertekenaar', SCHOOL)
      : item('briefpapier', logo && ondertekenaar, ondertekenaar && !logo ? 'logo' : null),
    item('antipest', filled(school?.antiPestNaam)),
    item('evaluatie', evaluatie),
  ];
  return { items, compleet: items.every((i) => i.gedaan) };
}
