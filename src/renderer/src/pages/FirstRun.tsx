// First run: no school yet. Clear choices: load the fictional demo school and see a working
// product at once, create the own school with every field of school.save, or (in the desktop app)
// connect this computer to the school's own server and work there as a person with an account.
import { useState } from 'react';
import { Alert, Button, Card, Container, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { useSubmit } from '../api/useSubmit';
import { useApp } from '../components/AppContext';
import { SchoolForm } from '../components/SchoolForm';
import { setLanguage } from '../i18n';
import { ConnectServer, useCanConnect } from '../server/ConnectServer';

export default function FirstRun() {
  const { t, i18n } = useTranslation('settings');
  const { t: ts } = useTranslation('server');
  const { refresh } = useApp();
  const [mode, setMode] = useState<'choose' | 'create' | 'connect'>('choose');
  const canConnect = useCanConnect();
  const submit = useSubmit();
  const [error, setError] = useState<string | null>(null);

  const loadDemo = () =>
    submit.run(() => call('school.loadDemo', {}), {
      error: setError,
      saved: (d) => t('firstRun.demoLoaded', { naam: d.schoolNaam, personen: d.personen, meldingen: d.meldingen }),
      onSuccess: async () => {
        window.location.hash = '/overzicht';
        await refresh();
      },
    });

  return (
    <Container size="lg" py="xl" component="main">
      <Group justify="space-between" align="flex-start" mb="lg">
        <div>
          <Title order={1}>{t('firstRun.title')}</Title>
          <Text mt="xs" maw={720}>
            {t('firstRun.intro')}
          </Text>
        </div>
        <Button variant="subtle" onClick={() => setLanguage(i18n.language === 'en' ? 'nl' : 'en')}>
          {i18n.language === 'en' ? 'Nederlands' : 'English'}
        </Button>
      </Group>
      {error && (
        <Alert color="red" mb="md" title={t('common:errors.title')}>
          {error}
        </Alert>
      )}
      {mode === 'connect' ? (
        <ConnectServer onBack={() => setMode('choose')} />
      ) : mode === 'choose' ? (
        <SimpleGrid cols={{ base: 1, sm: canConnect ? 3 : 2 }} spacing="lg">
          <Card withBorder padding="lg">
            <Stack justify="space-between" h="100%">
              <div>
                <Title order={2} size="h3">
                  {t('firstRun.demoTitle')}
                </Title>
                <Text mt="xs">{t('firstRun.demoBody')}</Text>
              </div>
              <Button size="md" onClick={() => void loadDemo()} loading={submit.busy}>
                {t('firstRun.demoButton')}
              </Button>
            </Stack>
          </Card>
          <Card withBorder padding="lg">
            <Stack justify="space-between" h="100%">
              <div>
                <Title order={2} size="h3">
                  {t('firstRun.createTitle')}
                </Title>
                <Text mt="xs">{t('firstRun.createBody')}</Text>
              </div>
              <Button size="md" variant="outline" onClick={() => setMode('create')}>
                {t('firstRun.createButton')}
              </Button>
            </Stack>
          </Card>
          {canConnect && (
            <Card withBorder padding="lg">
              <Stack justify="space-between" h="100%">
                <div>
                  <Title order={2} size="h3">
                    {ts('connect.cardTitle')}
                  </Title>
                  <Text mt="xs">{ts('connect.cardBody')}</Text>
                </div>
                <Button size="md" variant="outline" onClick={() => setMode('connect')}>
                  {ts('connect.cardButton')}
                </Button>
              </Stack>
            </Card>
          )}
        </SimpleGrid>
      ) : (
        <Stack>
          <Group>
            <Button variant="subtle" onClick={() => setMode('choose')}>
              {t('firstRun.back')}
            </Button>
          </Group>
          <Title order={2} size="h3">
            {t('firstRun.createTitle')}
          </Title>
          <SchoolForm
            school={null}
            guard={false}
            onSaved={() => {
              window.location.hash = '/overzicht';
              void refresh();
            }}
          />
        </Stack>
      )}
    </Container>
  );
}
