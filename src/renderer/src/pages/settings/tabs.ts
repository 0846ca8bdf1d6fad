// The tabs of Instellingen. Another concept adds its settings page here with ONE line: an id (the
// route: #/instellingen/<id>), the i18n namespace and key of its label, and its component.
import type { ComponentType } from 'react';
import School from './School';
import Protocollen from './Protocollen';
import Compliance from './Compliance';
import AnnualSettings from '../../components/calendar/AnnualSettings';
import Brieven from './Brieven';
import Importeren from './Importeren';
import Beveiliging from './Beveiliging';
import Privacy from '../Privacy';
import Accounts from './Accounts';
import MijnAccount from './MijnAccount';
import type { MethodName } from '@shared/api';
import type { AccountRol } from '@shared/domain';
import { isServerMode } from '../../server/session';
import { roleMayCall } from '../../server/can';

export interface SettingsTab {
  id: string;
  ns: string;
  labelKey: string;
  Component: ComponentType;
  /** The method the page opens with: on the school server the tab shows only to the roles the contract lets call it. */
  opens: MethodName;
  /** Only on the school server (accounts). */
  serverOnly?: boolean;
}

export const SETTINGS_TABS: SettingsTab[] = [
  { id: 'school', ns: 'settings', labelKey: 'tabs.school', Component: School, opens: 'school.get' },
  { id: 'protocollen', ns: 'settings', labelKey: 'tabs.protocollen', Component: Protocollen, opens: 'protocols.list' },
  { id: 'compliance', ns: 'obligations', labelKey: 'settings.tab', Component: Compliance, opens: 'obligations.settings.get' },
  { id: 'jaarcyclus', ns: 'calendar', labelKey: 'settings.tab', Component: AnnualSettings, opens: 'calendar.settings.get' },
  { id: 'brieven', ns: 'letters', labelKey: 'settings.tab', Component: Brieven, opens: 'letters.settings.get' },
  { id: 'importeren', ns: 'imports', labelKey: 'tab', Component: Importeren, opens: 'imports.sources.list' },
  { id: 'beveiliging', ns: 'trust', labelKey: 'tabBeveiliging', Component: Beveiliging, opens: 'trust.settings.get' },
  { id: 'privacy', ns: 'trust', labelKey: 'tabPrivacy', Component: Privacy, opens: 'trust.privacy' },
  { id: 'accounts', ns: 'accounts', labelKey: 'tab', Component: Accounts, opens: 'accounts.list', serverOnly: true },
  { id: 'mijn-account', ns: 'accounts', labelKey: 'tabMine', Component: MijnAccount, opens: 'accounts.me', serverOnly: true },
];

/** The tabs for the caller: on the single-PC app all but the server's own; on the server those the role may open. */
export function tabsFor(rol: AccountRol | null): SettingsTab[] {
  if (!isServerMode) return SETTINGS_TABS.filter((x) => !x.serverOnly);
  return rol ? SETTINGS_TABS.filter((x) => roleMayCall(rol, x.opens)) : [];
}
