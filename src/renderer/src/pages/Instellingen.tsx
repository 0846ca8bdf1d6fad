// Instellingen: one tab per concept (the list lives in settings/tabs.ts); the tab is part of the
// address (#/instellingen/protocollen), so leaving a tab with unsaved changes asks first.
import { Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../components/PageHeader';
import { useRouter } from '../components/router';
import { SETTINGS_TABS } from './settings/tabs';

export default function Instellingen({ tab }: { tab: string | null }) {
  const { t } = useTranslation('settings');
  const { navigate } = useRouter();
  const active = SETTINGS_TABS.find((x) => x.id === tab) ?? SETTINGS_TABS[0];
  return (
    <>
      <PageHeader title={t('title')} />
      <Tabs value={active.id} onChange={(v) => v && navigate(`/instellingen/${v}`)} keepMounted={false}>
        <Tabs.List mb="md">
          {SETTINGS_TABS.map((x) => (
            <Tabs.Tab key={x.id} value={x.id}>
              {t(x.labelKey, { ns: x.ns })}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {SETTINGS_TABS.map((x) => (
          <Tabs.Panel key={x.id} value={x.id}>
            {x.id === active.id && <x.Component />}
          </Tabs.Panel>
        ))}
      </Tabs>
    </>
  );
}
