// Handlers for the calendar methods of the API contract (src/shared/api/calendar.ts).
import type { Handlers } from '../core/context';
import type { calendarApi } from '../../shared/api/calendar';

export const calendarHandlers: Handlers<keyof typeof calendarApi> = {};
