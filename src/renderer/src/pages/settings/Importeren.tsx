// Instellingen → Importeren: pupils, guardians and staff from the school's administration, the
// protocol from its document, and the log of earlier imports with the remembered mappings.
import { useState } from 'react';
import { Paper, Stack, Tabs, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { RosterImport } from '../../components/imports/RosterImport';
import { ProtocolImport } from '../../components/imports/ProtocolImport';
import { ImportHistory } from '../../components/imports/ImportHistory';

export default function Importeren() {
  const { t } = useTranslation('imports');
  // Bumped after an import, so the log shows it.
  const [refresh, setRefresh] = useState(0);
  const bump = () => setRefresh((n) => n + 1);
  return (
    <Stack gap="md">
      <Text size="sm">{t('intro')}</Text>
      <Tabs defaultValue="roster" variant="outline">
        <Tabs.List>
          <Tabs.Tab value="roster">{t('tabs.roster')}</Tabs.Tab>
          <Tabs.Tab value="protocol">{t('tabs.protocol')}</Tabs.Tab>
          <Tabs.Tab value="history">{t('tabs.history')}</Tabs.Tab>
        </Tabs.List>
        <Paper withBorder p="md" style={{ borderTop: 0, borderTopLeftRadius: 0, borderTopRightRadius: 0 }}>
          <Tabs.Panel value="roster">
            <RosterImport onApplied={bump} />
          </Tabs.Panel>
          <Tabs.Panel value="protocol">
            <ProtocolImport onSaved={bump} />
          </Tabs.Panel>
          <Tabs.Panel value="history">
            <ImportHistory refresh={refresh} />
          </Tabs.Panel>
        </Paper>
      </Tabs>
    </Stack>
  );
}
