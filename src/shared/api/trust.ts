// Trust: passphrase and lock, backups, retention, access requests, data-breach register (DOMAIN.md §6.7–6.9).
export const trustApi = {};
