// Instellingen: one tab per concept (the list lives in settings/tabs.ts); the tab is part of the
// address (#/instellingen/protocollen), so leaving a tab with unsaved changes asks first.
import { Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../components/PageHeader';
import { useRouter } from '../components/router';
import { tabsFor } from './settings/tabs';
import { useServerRole } from '../server/useMyAccount';

export default function Instellingen({ tab }: { tab: string | null }) {
  const { t } = useTranslation('settings');
  const { navigate } = useRouter();
  // On the school server a tab shows only to the roles that may open it (tabs.ts).
  const rol = useServerRole();
  const tabs = tabsFor(rol ?? null);
  // Until the role is known, a server tab in the address is not swapped for the first tab.
  if (rol === undefined) return <PageHeader title={t('title')} />;
  const active = tabs.find((x) => x.id === tab) ?? tabs[0];
  return (
    <>
      <PageHeader title={t('title')} />
      <Tabs value={active.id} onChange={(v) => v && navigate(`/instellingen/${v}`)} keepMounted={false}>
        <Tabs.List mb="md">
          {tabs.map((x) => (
            <Tabs.Tab key={x.id} value={x.id}>
              {t(x.labelKey, { ns: x.ns })}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {tabs.map((x) => (
          <Tabs.Panel key={x.id} value={x.id}>
            {x.id === active.id && <x.Component />}
          </Tabs.Panel>
        ))}
      </Tabs>
    </>
  );
}
