// The open tasks of the start page, grouped per incident and person: a header with
// the person, the incident number and its category, then one compact row per task. The steps of a
// sexual-offence path come first, then the group with the earliest date.
import { Anchor, Box, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Dashboard, Obligation } from '@shared/api/obligations';
import { useCategories } from '../useCategories';
import { TaskRow } from './TaskRow';
import { keepNumbers } from '../incidentNumber';

interface TaskGroup {
  key: string;
  tasks: Obligation[];
  zeden: boolean;
}

const isZeden = (o: Obligation) => o.urgent && o.regel.startsWith('zeden.');
const dateOf = (o: Obligation) => o.uiterlijk ?? o.teLaatVanaf ?? '9999-12-31';

export function groupTasks(tasks: Obligation[]): TaskGroup[] {
  const groups = new Map<string, TaskGroup>();
  for (const o of tasks) {
    // Per incident and person: one incident can have tasks about several pupils.
    const key = o.incidentId || o.personId ? `${o.incidentId ?? ''}:${o.personId ?? ''}` : 'overig';
    const g = groups.get(key) ?? { key, tasks: [], zeden: false };
    g.tasks.push(o);
    g.zeden ||= isZeden(o);
    groups.set(key, g);
  }
  // The steps of the sexual-offence path keep the core's order (the order of the law); the rest by date.
  for (const g of groups.values())
    g.tasks.sort((a, b) => Number(isZeden(b)) - Number(isZeden(a)) || (isZeden(a) ? 0 : dateOf(a).localeCompare(dateOf(b))));
  const earliest = (g: TaskGroup) => g.tasks.map(dateOf).sort()[0];
  return [...groups.values()].sort((a, b) => Number(b.zeden) - Number(a.zeden) || earliest(a).localeCompare(earliest(b)));
}

export function TaskGroups({ tasks, d, onChanged }: { tasks: Obligation[]; d: Dashboard; onChanged: () => void }) {
  const { t } = useTranslation('obligations');
  const cats = useCategories();
  const meldingen = new Map(d.taakMeldingen.map((m) => [m.id, m]));
  return (
    <Stack gap="xs">
      {groupTasks(tasks).map((g) => {
        const first = g.tasks[0];
        const melding = first.incidentId ? meldingen.get(first.incidentId) : undefined;
        const naam = first.persoonNaam ?? (g.key === 'overig' ? t('dashboard.overig') : '');
        return (
          <Box key={g.key} data-testid={g.zeden ? 'dashboard-urgent' : 'taakgroep'}>
            <Group gap="xs" px="xs" py={2} bg={g.zeden ? 'red.0' : 'gray.1'} wrap="wrap">
              <Text size="sm" fw={700}>
                {naam}
              </Text>
              {melding && (
                <Anchor href={`#/meldingen/${melding.id}`} size="sm" c="blue.9">
                  {keepNumbers(t('item.naarMelding', { nummer: melding.nummer }))}
                </Anchor>
              )}
              {melding && (
                <Text size="sm" c="gray.8">
                  {cats.labelOf(melding.categorie)}
                </Text>
              )}
              {first.personId && first.persoonNaam && (
                <Anchor href={`#/personen/${first.personId}/dossier`} size="sm" c="blue.9">
                  {t('item.naarDossier', { naam: first.persoonNaam })}
                </Anchor>
              )}
            </Group>
            {g.zeden && (
              <Text size="xs" c="red.9" px="xs" pt={2}>
                {t('dashboard.urgentTitle')}: {t('dashboard.urgentBody')}
              </Text>
            )}
            <Box component="ul" m={0} p={0}>
              {g.tasks.map((o) => (
                <TaskRow key={o.id} o={o} vandaag={d.vandaag} onChanged={onChanged} />
              ))}
            </Box>
          </Box>
        );
      })}
    </Stack>
  );
}
