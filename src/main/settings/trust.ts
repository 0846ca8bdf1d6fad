// The trust settings (key 'trust' in the setting table): idle lock, backup folder, retention terms.
import { z } from 'zod';
import type { DB } from '../db/open';
import { readSetting } from './settings';
import { readComplianceSettings } from './compliance';

export const TRUST_SETTINGS_KEY = 'trust';

export const trustSettingsSchema = z.object({
  /** Lock the app after this many minutes without keyboard or mouse. */
  vergrendelNaMinuten: z.number().int().min(1).max(480).default(10),
  /** The folder the school picked for backups (absolute; a network drive is fine). */
  backupMap: z.string().max(1000).nullable().default(null),
  /** A backup once a day when the app runs (the doors call trust.backupIfDue). */
  automatischeBackup: z.boolean().default(true),
  /**
   * Parents and externals: years after the last incident they were part of (or their children left).
   * The pupil and staff terms are the compliance settings' (settings/compliance.ts), read below.
   */
  bewaartermijnOverigJaren: z.number().int().min(1).max(20).default(2),
});
export type TrustSettings = z.output<typeof trustSettingsSchema>;

export const readTrustSettings = (db: DB): TrustSettings => readSetting(db, TRUST_SETTINGS_KEY, trustSettingsSchema);

export interface RetentionTerms {
  leerling: number;
  medewerker: number;
  overig: number;
}

/** The retention terms in years: pupils and staff from the compliance settings. */
export function retentionTerms(db: DB): RetentionTerms {
  const c = readComplianceSettings(db);
  return {
    leerling: c.bewaartermijnLeerlingJaren,
    medewerker: c.bewaartermijnMedewerkerJaren,
    overig: readTrustSettings(db).bewaartermijnOverigJaren,
  };
}
