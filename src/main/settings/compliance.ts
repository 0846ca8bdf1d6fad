// The school's compliance settings (docs/LAW.md: the terms the law leaves to the school), stored under the
// 'obligations' key. Retention years live here too: retention (retention/retention.ts) reads them
// with readComplianceSettings.
import type { DB } from '../db/open';
import type { Ctx } from '../context/context';
import { readSetting, writeSetting } from './settings';
import { complianceSettings } from '@shared/api/obligations';
import type { ComplianceSettings } from '@shared/api/obligations';

export const SETTINGS_KEY = 'obligations';

export const readComplianceSettings = (db: DB): ComplianceSettings => readSetting(db, SETTINGS_KEY, complianceSettings);

export function saveComplianceSettings(ctx: Ctx, value: ComplianceSettings): ComplianceSettings {
  // The ladder is read top-down by count; keep it sorted so "the next step" is well defined.
  const sorted = { ...value, escalatieladder: [...value.escalatieladder].sort((a, b) => a.vanaf - b.vanaf) };
  return writeSetting(ctx, SETTINGS_KEY, complianceSettings, sorted);
}
