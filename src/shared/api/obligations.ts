// Obligations (DOMAIN.md §6): dated legal tasks per measure/incident, the dashboard, school days, compliance settings.
export const obligationsApi = {};
