// Overzicht, the start page: what must I do today? The open tasks grouped per incident in compact
// rows, the urgent ones pinned on top (overdue, due up to the next school day, the sexual-offence
// steps); until the school is set up, the first-run checklist; the rest of the week; then the open
// incidents and the upcoming moments.
import { Alert, Anchor, Badge, Button, Grid, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import type { Dashboard, DashboardMoment, Obligation } from '@shared/api/obligations';
import { ERNST, INCIDENT_STATUS } from '@shared/domain';
import { PageHeader } from '../components/PageHeader';
import { useLoad } from '../components/useLoad';
import { useCategories } from '../components/useCategories';
import { label, longDate, shortDate } from '../components/format';
import { StartChecklist } from '../components/dashboard/StartChecklist';
import { TaskGroups } from '../components/dashboard/TaskGroups';
import { isPinned } from '../components/dashboard/due';

export default function Overzicht() {
  const { t } = useTranslation('obligations');
  const loaded = useLoad(() => call('obligations.dashboard', {}), []);
  const start = useLoad(() => call('obligations.startChecklist', {}), []);
  const d = loaded.data;
  const c = start.data;
  // Marking a task done is a write: every loaded page, this one included, re-reads by itself (useLoad).
  const reload = () => undefined;
  const error = loaded.error ?? start.error;
  return (
    <>
      <PageHeader title={t('dashboard.title')} subtitle={d ? t('dashboard.subtitle', { datum: longDate(d.vandaag) }) : undefined}>
        <Button component="a" href="#/melden" variant="default" data-testid="melding-doen">
          {t('submissions:cta')}
        </Button>
      </PageHeader>
      {error && <Alert color="red">{error.message}</Alert>}
      {!d || !c ? (
        <Loader aria-label={t('common:loading')} />
      ) : (
        <Stack gap="lg">
          <Tasks d={d} compleet={c.compleet} checklist={c.compleet ? null : <StartChecklist c={c} />} onChanged={reload} />
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

/** The setup checklist stands after the urgent tasks (they cannot wait) and before the rest. */
function Tasks({ d, compleet, checklist, onChanged }: { d: Dashboard; compleet: boolean; checklist: ReactNode; onChanged: () => void }) {
  const { t } = useTranslation('obligations');
  const all = [...d.urgent, ...d.teLaat, ...d.dezeWeek];
  const eerst = all.filter((o) => isPinned(o, d));
  const daarna = all.filter((o) => !isPinned(o, d));
  return (
    <>
      {eerst.length > 0 && (
        <TaskSection
          id="dashboard-eerst"
          title={t('dashboard.eerst')}
          hint={t('dashboard.eerstUitleg')}
          tasks={eerst}
          d={d}
          onChanged={onChanged}
        />
      )}
      {checklist}
      {daarna.length > 0 && (
        <TaskSection id="dashboard-deze-week" title={t('dashboard.daarna')} tasks={daarna} d={d} onChanged={onChanged} />
      )}
      {/* "Nothing late" only for a school that is set up: on a new one an empty list means nothing. */}
      {all.length === 0 &&
        (compleet ? (
          <Alert color="teal" variant="light" data-testid="dashboard-niets">
            {t('dashboard.nietsTeDoen')}
          </Alert>
        ) : (
          <Text size="sm" data-testid="dashboard-nog-niets">
            {t('dashboard.nogGeenTaken')}
          </Text>
        ))}
    </>
  );
}

function TaskSection(p: { id: string; title: string; hint?: string; tasks: Obligation[]; d: Dashboard; onChanged: () => void }) {
  const red = p.id === 'dashboard-eerst';
  return (
    <section aria-labelledby={`${p.id}-titel`} data-testid={p.id}>
      <Group gap="xs" mb={4} align="baseline">
        <Title order={2} size="h4" id={`${p.id}-titel`}>
          {p.title}
        </Title>
        <Badge color={red ? 'red.9' : 'orange.3'} variant="filled" autoContrast>
          {p.tasks.length}
        </Badge>
        {p.hint && (
          <Text size="sm" c="gray.7">
            {p.hint}
          </Text>
        )}
      </Group>
      <TaskGroups tasks={p.tasks} d={p.d} onChanged={p.onChanged} />
    </section>
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
