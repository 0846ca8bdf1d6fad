// The calendar's options (reminder lead time, obligations in the .ics), stored under 'calendar'.
import type { DB } from '../db/open';
import type { Ctx } from '../context/context';
import { readSetting, writeSetting } from '../settings/settings';
import { calendarSettingsInput } from '@shared/api/calendar';
import type { CalendarSettings } from '@shared/api/calendar';

const KEY = 'calendar';

export const readCalendarSettings = (db: DB): CalendarSettings => readSetting(db, KEY, calendarSettingsInput);

export const saveCalendarSettings = (ctx: Ctx, value: CalendarSettings): CalendarSettings =>
  writeSetting(ctx, KEY, calendarSettingsInput, value);
