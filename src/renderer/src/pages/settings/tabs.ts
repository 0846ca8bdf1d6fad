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

export interface SettingsTab {
  id: string;
  ns: string;
  labelKey: string;
  Component: ComponentType;
}

export const SETTINGS_TABS: SettingsTab[] = [
  { id: 'school', ns: 'settings', labelKey: 'tabs.school', Component: School },
  { id: 'protocollen', ns: 'settings', labelKey: 'tabs.protocollen', Component: Protocollen },
  { id: 'compliance', ns: 'obligations', labelKey: 'settings.tab', Component: Compliance },
  { id: 'jaarcyclus', ns: 'calendar', labelKey: 'settings.tab', Component: AnnualSettings },
  { id: 'brieven', ns: 'letters', labelKey: 'settings.tab', Component: Brieven },
  { id: 'importeren', ns: 'imports', labelKey: 'tab', Component: Importeren },
  { id: 'beveiliging', ns: 'trust', labelKey: 'tabBeveiliging', Component: Beveiliging },
  { id: 'privacy', ns: 'trust', labelKey: 'tabPrivacy', Component: Privacy },
];
