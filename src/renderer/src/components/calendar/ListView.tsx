// The calendar of a school year as a list, by month.
import { Badge, ColorSwatch, Group, Stack, Table, Text } from '@mantine/core';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarItem } from '@shared/api/calendar';
import { COLOR, itemBadges, itemDates, itemTitle, itemBelongsTo } from './items';
import { ItemActions } from './ItemActions';
import { DutchNote } from '../DutchNote';
import { keepNumbers } from '../incidentNumber';

const MONTH_KEYS = ['08', '09', '10', '11', '12', '01', '02', '03', '04', '05', '06', '07'];

function BelongsTo({ text }: { text: string | null }) {
  if (!text) return null;
  return (
    <Text size="xs" c="dimmed" data-testid="hoort-bij">
      {keepNumbers(text)}
    </Text>
  );
}

export function ListView({
  items,
  schooljaar,
  onMoment,
}: {
  items: CalendarItem[];
  schooljaar: string;
  onMoment: (item: CalendarItem) => void;
}) {
  const { t } = useTranslation('calendar');
  const months = t('reports:maanden', { returnObjects: true }) as string[];
  if (!items.length) return <Text c="dimmed">{t('list.empty')}</Text>;
  const groups = MONTH_KEYS.map((m, i) => ({ m, naam: months[i], items: items.filter((x) => x.datum.slice(5, 7) === m) })).filter(
    (g) => g.items.length,
  );
  return (
    <Table withTableBorder verticalSpacing="xs" data-testid="planning-lijst" aria-label={t('title')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col" w={230}>
            {t('list.date')}
          </Table.Th>
          <Table.Th scope="col" w={110}>
            {t('list.time')}
          </Table.Th>
          <Table.Th scope="col">{t('list.what')}</Table.Th>
          <Table.Th scope="col" w={180}>
            {t('list.status')}
          </Table.Th>
          <Table.Th scope="col" w={240} style={{ textAlign: 'right' }}>
            {t('list.actions')}
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {groups.map((g) => (
          <Fragment key={g.m}>
            <Table.Tr bg="gray.1">
              <Table.Th scope="rowgroup" colSpan={5} tt="capitalize">
                {g.naam}
              </Table.Th>
            </Table.Tr>
            {g.items.map((item) => (
              <Table.Tr key={item.key} data-testid={`item-${item.key}`}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{itemDates(t, item)}</Table.Td>
                <Table.Td>{item.tijdStart ? `${item.tijdStart}–${item.tijdEind}` : t('list.allDay')}</Table.Td>
                <Table.Td>
                  <Stack gap={2}>
                    <Group gap={6} wrap="nowrap">
                      <ColorSwatch color={`var(--mantine-color-${COLOR[item.soort]}-6)`} size={10} aria-hidden />
                      <Text size="sm" fw={item.soort === 'evaluatie' ? 700 : 500} lang={item.soort === 'verplichting' ? 'nl' : undefined}>
                        {itemTitle(t, item)}
                      </Text>
                      {item.soort === 'verplichting' && <DutchNote />}
                    </Group>
                    <BelongsTo text={itemBelongsTo(t, item)} />
                    {item.locatie && (
                      <Text size="xs" c="dimmed">
                        {item.locatie}
                      </Text>
                    )}
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {itemBadges(t, item).map((b) => (
                      <Badge key={b.label} color={b.color} variant="light" size="sm">
                        {b.label}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <ItemActions item={item} schooljaar={schooljaar} onMoment={onMoment} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Fragment>
        ))}
      </Table.Tbody>
    </Table>
  );
}
