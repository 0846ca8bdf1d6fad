// The yearly report (Jaarverslag), evaluation pack and grid exports (DOMAIN.md §8–9).
export const yearReportsApi = {};
