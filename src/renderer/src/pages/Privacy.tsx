// Privacy: what is stored, where, for how long and who can read
// it; and the three registers a privacy officer asks for: retention (review and destroy), access
// requests and data breaches. Shown as a tab of Instellingen (#/instellingen/privacy).
import { useState } from 'react';
import { Alert, Loader, Stack, Tabs, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { useLoad } from '../components/useLoad';
import { Section } from '../components/fields';
import { dateTime } from '../components/format';
import { RetentionPanel } from '../components/trust/RetentionPanel';
import { AccessRequestsPanel } from '../components/trust/AccessRequestsPanel';
import { BreachesPanel } from '../components/trust/BreachesPanel';
import { can } from '../server/can';

export default function Privacy() {
  const { t } = useTranslation('trust');
  const [tab, setTab] = useState('info');
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('privacy.intro')}
      </Text>
      <Tabs value={tab} onChange={(v) => v && setTab(v)} variant="pills" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="info">{t('privacy.tabInfo')}</Tabs.Tab>
          {/* On the school server each register shows to the roles that may read it (the beheerder: the breaches). */}
          {can('trust.retention.list') && <Tabs.Tab value="bewaren">{t('privacy.tabRetention')}</Tabs.Tab>}
          {can('trust.accessRequests.list') && <Tabs.Tab value="inzage">{t('privacy.tabRequests')}</Tabs.Tab>}
          {can('trust.breaches.list') && <Tabs.Tab value="datalekken">{t('privacy.tabBreaches')}</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="info">
          <Facts />
        </Tabs.Panel>
        <Tabs.Panel value="bewaren">
          <RetentionPanel />
        </Tabs.Panel>
        <Tabs.Panel value="inzage">
          <AccessRequestsPanel />
        </Tabs.Panel>
        <Tabs.Panel value="datalekken">
          <BreachesPanel />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function Facts() {
  const { t } = useTranslation('trust');
  const info = useLoad(() => call('trust.privacy', {}), []);
  if (info.error) return <Alert color="red">{info.error.message}</Alert>;
  const p = info.data;
  if (!p) return <Loader aria-label={t('common:loading')} />;
  const item = (title: string, body: string) => (
    <div>
      <Title order={3} size="h5">
        {title}
      </Title>
      <Text size="sm" mt={4} style={{ wordBreak: 'break-word' }}>
        {body}
      </Text>
    </div>
  );
  return (
    <Section title={t('privacy.title')}>
      <Stack gap="md">
        {item(t('privacy.whatTitle'), t('privacy.what'))}
        {item(
          t('privacy.whereTitle'),
          `${t('privacy.where', { db: p.databaseBestand, files: p.bestandenMap })} ${p.backupMap ? t('privacy.backupsWhere', { map: p.backupMap, when: p.laatsteBackup ? dateTime(p.laatsteBackup) : '—' }) : t('privacy.noBackups')}`,
        )}
        {item(t('privacy.howLongTitle'), t('privacy.howLong', p.bewaartermijnen))}
        {item(
          t('privacy.whoTitle'),
          t('privacy.who', { passphrase: p.wachtwoordIngesteld ? t('privacy.withPassphrase') : '', audit: p.aantallen.auditRegels }),
        )}
        <Text size="sm" c="dimmed">
          {t('privacy.counts', p.aantallen)}
        </Text>
      </Stack>
    </Section>
  );
}
