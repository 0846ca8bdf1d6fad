// What the app shell asks first: versions, whether a school exists, today and the school year.
// The app version comes from package.json through a JSON import, which tsx, vitest and the
// electron-vite bundle all resolve at build time (no file lookup at run time).
import pkg from '../../../package.json';
import type { Ctx } from '../context/context';
import type { AppStatus } from '@shared/api/school';
import { schemaVersion } from '../db/migrate';
import { schoolYearOf } from '@shared/schoolYear';
import { getSchool } from './school';

export const APP_VERSION: string = pkg.version;

export function appStatus(ctx: Ctx): AppStatus {
  const school = getSchool(ctx.db);
  const vandaag = ctx.today();
  return {
    appVersion: APP_VERSION,
    schemaVersion: schemaVersion(ctx.db),
    hasSchool: school !== null,
    schoolNaam: school?.naam ?? null,
    vandaag,
    huidigSchooljaar: schoolYearOf(vandaag),
  };
}
