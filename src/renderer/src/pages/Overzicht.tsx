// Overzicht, the start page: what must I do today? First the open steps of a sexual-offence path,
// then overdue obligations (red) and those due this week (orange), each with its basis in plain
// Dutch and settled right here (who, when); then the open incidents; then the upcoming moments.
import { Alert, Anchor, Badge, Button, Grid, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import type { Dashboard, DashboardMoment, Obligation } from '../../../shared/api/obligations';
import { ERNST, INCIDENT_STATUS } from '../../../shared/domain';
import { PageHeader } from '../components/PageHeader';
import { useLoad } from '../components/useLoad';
import { useCategories } from '../components/useCategories';
import { label, longDate, shortDate } from '../components/format';
import { ObligationItem } from '../components/obligations/ObligationItem';

export default function Overzicht() {
  const { t } = useTranslation('obligations');
  const loaded = useLoad(() => call('obligations.dashboard', {}), []);
  const d = loaded.data;
  return (
    <>
      <PageHeader title={t('dashboard.title')} subtitle={d ? t('dashboard.subtitle', { datum: longDate(d.vandaag) }) : undefined} />
      {loaded.error && <Alert color="red">{loaded.error.message}</Alert>}
      {!d ? (
        <Loader aria-label={t('common:loading')} />
      ) : (
        <Stack gap="lg">
          {d.urgent.length > 0 && <Urgent items={d.urgent} onChanged={loaded.reload} />}
          <Tasks d={d} onChanged={loaded.reload} />
          <Grid gap="lg">
            <Grid.Col span={{ base: 12, lg: 8 }}>
              <OpenIncidents d={d} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 4 }}>
              <Moments items={d.momenten} />
            </Grid.Col>
          </Grid>
        </Stack>
      )}
    </>
  );
}

function Urgent({ items, onChanged }: { items: Obligation[]; onChanged: () => void }) {
  const { t } = useTranslation('obligations');
  // Grouped per incident: each path is one checklist.
  const byIncident = new Map<number, Obligation[]>();
  for (const o of items) byIncident.set(o.incidentId ?? 0, [...(byIncident.get(o.incidentId ?? 0) ?? []), o]);
  return (
    <Alert color="red" variant="light" title={t('dashboard.urgentTitle')} data-testid="dashboard-urgent">
      <Text size="sm" mb="sm">
        {t('dashboard.urgentBody')}
      </Text>
      <Stack gap="md">
        {[...byIncident.entries()].map(([incidentId, steps]) => (
          <Stack key={incidentId} gap="xs">
            <Anchor href={`#/meldingen/${incidentId}`} fw={600}>
              {t('item.naarMelding', { nummer: steps[0].incidentNummer ?? '' })}
              {steps[0].persoonNaam ? ` · ${steps[0].persoonNaam}` : ''}
            </Anchor>
            {steps.map((o) => (
              <ObligationItem key={o.id} o={o} onChanged={onChanged} showSource={false} />
            ))}
          </Stack>
        ))}
      </Stack>
    </Alert>
  );
}

function Tasks({ d, onChanged }: { d: Dashboard; onChanged: () => void }) {
  const { t } = useTranslation('obligations');
  if (d.teLaat.length === 0 && d.dezeWeek.length === 0)
    return (
      <Alert color="teal" variant="light" data-testid="dashboard-niets">
        {t('dashboard.nietsTeDoen')}
      </Alert>
    );
  return (
    <Stack gap="md">
      {d.teLaat.length > 0 && (
        <section aria-labelledby="dash-te-laat" data-testid="dashboard-te-laat">
          <Group gap="xs" mb="xs">
            <Title order={2} size="h4" id="dash-te-laat">
              {t('dashboard.teLaat')}
            </Title>
            <Badge color="red.9" variant="filled" circle>
              {d.teLaat.length}
            </Badge>
          </Group>
          <Stack gap="xs">
            {d.teLaat.map((o) => (
              <ObligationItem key={o.id} o={o} onChanged={onChanged} />
            ))}
          </Stack>
        </section>
      )}
      {d.dezeWeek.length > 0 && (
        <section aria-labelledby="dash-deze-week" data-testid="dashboard-deze-week">
          <Group gap="xs" mb="xs">
            <Title order={2} size="h4" id="dash-deze-week">
              {t('dashboard.dezeWeek')}
            </Title>
            <Badge color="orange.3" variant="filled" autoContrast circle>
              {d.dezeWeek.length}
            </Badge>
          </Group>
          <Stack gap="xs">
            {d.dezeWeek.map((o) => (
              <ObligationItem key={o.id} o={o} onChanged={onChanged} />
            ))}
          </Stack>
        </section>
      )}
    </Stack>
  );
}

function OpenIncidents({ d }: { d: Dashboard }) {
  const { t } = useTranslation('obligations');
  const cats = useCategories();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="dash-meldingen" data-testid="dashboard-meldingen">
      <Group justify="space-between" mb="sm">
        <div>
          <Title order={2} size="h4" id="dash-meldingen">
            {t('dashboard.openMeldingen')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('dashboard.openMeldingenCount', { count: d.aantalOpenMeldingen })}
          </Text>
        </div>
        <Button component="a" href="#/meldingen" variant="default" size="compact-sm">
          {t('dashboard.alleMeldingen')}
        </Button>
      </Group>
      {d.openMeldingen.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('dashboard.geenOpenMeldingen')}
        </Text>
      ) : (
        <Table verticalSpacing={6} highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('dashboard.col.nummer')}</Table.Th>
              <Table.Th>{t('dashboard.col.datum')}</Table.Th>
              <Table.Th>{t('dashboard.col.categorie')}</Table.Th>
              <Table.Th>{t('dashboard.col.ernst')}</Table.Th>
              <Table.Th>{t('dashboard.col.status')}</Table.Th>
              <Table.Th>{t('dashboard.col.daders')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {d.openMeldingen.map((i) => (
              <Table.Tr key={i.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Anchor href={`#/meldingen/${i.id}`} size="sm">
                    {i.nummer}
                  </Anchor>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{shortDate(i.datumMelding)}</Table.Td>
                <Table.Td className="sp-wrap">{cats.labelOf(i.categorie)}</Table.Td>
                <Table.Td>{label(ERNST, i.ernst)}</Table.Td>
                <Table.Td>{label(INCIDENT_STATUS, i.status)}</Table.Td>
                <Table.Td className="sp-wrap">{i.daders}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}

function Moments({ items }: { items: DashboardMoment[] }) {
  const { t } = useTranslation('obligations');
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="dash-momenten" data-testid="dashboard-momenten">
      <Title order={2} size="h4" id="dash-momenten" mb="sm">
        {t('dashboard.momenten')}
      </Title>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('dashboard.geenMomenten')}
        </Text>
      ) : (
        <Stack gap="xs">
          {items.map((m, i) => (
            <Group key={`${m.datum}-${i}`} gap="sm" wrap="nowrap" align="baseline">
              <Text size="sm" c="dimmed" w={90} style={{ flexShrink: 0 }}>
                {shortDate(m.datum)}
              </Text>
              <div>
                {m.link ? (
                  <Anchor href={m.link} size="sm" fw={600}>
                    {m.titel}
                  </Anchor>
                ) : (
                  <Text size="sm" fw={600}>
                    {m.titel}
                  </Text>
                )}
                {m.toelichting && (
                  <Text size="sm" c="dimmed">
                    {m.toelichting}
                  </Text>
                )}
              </div>
            </Group>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
