// The reports' options (the minimum group size below which counts are suppressed), stored under 'reports'.
import type { DB } from '../db/open';
import type { Ctx } from '../context/context';
import { readSetting, writeSetting } from '../settings/settings';
import { reportSettingsInput } from '@shared/api/yearReports';
import type { ReportSettings } from '@shared/api/yearReports';

const KEY = 'reports';

export const readReportSettings = (db: DB): ReportSettings => readSetting(db, KEY, reportSettingsInput);

export const saveReportSettings = (ctx: Ctx, value: ReportSettings): ReportSettings => writeSetting(ctx, KEY, reportSettingsInput, value);
