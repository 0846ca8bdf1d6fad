// Planning: the annual evaluation, recurring moments, .ics export (DOMAIN.md §8).
export const calendarApi = {};
