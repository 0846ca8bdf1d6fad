// The calendar of a school year as a month grid (Monday first), one month of the school year at a
// time. A semantic table, so screen readers announce day and week; items that span days (the Week
// van de Mediawijsheid) appear on each of their days.
import { ActionIcon, Group, Select, Text, UnstyledButton } from '@mantine/core';
import { addDays, endOfMonth, format, getISODay, parseISO, startOfMonth } from 'date-fns';
import { useTranslation } from 'react-i18next';
import type { CalendarItem } from '@shared/api/calendar';
import { useRouter } from '../router';
import { COLOR, itemTitle, itemBelongsTo } from './items';
import './month.css';
import { can } from '../../server/can';

const MONTH_KEYS = ['08', '09', '10', '11', '12', '01', '02', '03', '04', '05', '06', '07'];

/** "2025-09" for month index 1 of school year 2025-2026. */
export const monthOf = (schooljaar: string, index: number) =>
  `${index < 5 ? schooljaar.slice(0, 4) : schooljaar.slice(5)}-${MONTH_KEYS[index]}`;

const MAX_PER_DAY = 3;

export function MonthView({
  items,
  schooljaar,
  index,
  onIndex,
  today,
  onMoment,
}: {
  items: CalendarItem[];
  schooljaar: string;
  index: number;
  onIndex: (i: number) => void;
  today: string;
  onMoment: (item: CalendarItem) => void;
}) {
  const { t } = useTranslation('calendar');
  const { navigate } = useRouter();
  const months = t('reports:maanden', { returnObjects: true }) as string[];
  const weekdays = t('month.weekdays', { returnObjects: true }) as string[];
  const first = startOfMonth(parseISO(`${monthOf(schooljaar, index)}-01`));
  const last = endOfMonth(first);
  const gridStart = addDays(first, 1 - getISODay(first));
  const weeks: Date[][] = [];
  for (let d = gridStart; d <= last; d = addDays(d, 7)) weeks.push(Array.from({ length: 7 }, (_, i) => addDays(d, i)));
  const on = (iso: string) => items.filter((x) => x.datum <= iso && (x.einddatum ?? x.datum) >= iso);
  const open = (item: CalendarItem) => {
    if (item.soort === 'evaluatie' && item.evaluationId) navigate(`/planning/evaluatie/${item.evaluationId}`);
    else if (item.incidentId) {
      if (can('incidents.get')) navigate(`/meldingen/${item.incidentId}`);
    } else if (
      (item.soort === 'protocol_start' || item.soort === 'mediawijsheid' || item.soort === 'monitor') &&
      can('calendar.moments.save')
    )
      onMoment(item);
  };

  return (
    <div data-testid="planning-maand">
      <Group mb="sm" gap="xs">
        <ActionIcon
          variant="default"
          size="lg"
          onClick={() => onIndex(Math.max(0, index - 1))}
          disabled={index === 0}
          aria-label={t('month.previous')}
        >
          ‹
        </ActionIcon>
        <Select
          aria-label={t('month.label')}
          data={MONTH_KEYS.map((_, i) => ({ value: String(i), label: `${months[i]} ${monthOf(schooljaar, i).slice(0, 4)}` }))}
          value={String(index)}
          onChange={(v) => v !== null && onIndex(Number(v))}
          allowDeselect={false}
          w={200}
        />
        <ActionIcon
          variant="default"
          size="lg"
          onClick={() => onIndex(Math.min(11, index + 1))}
          disabled={index === 11}
          aria-label={t('month.next')}
        >
          ›
        </ActionIcon>
      </Group>
      <table className="sp-month" aria-label={`${months[index]} ${format(first, 'yyyy')}`}>
        <thead>
          <tr>
            {weekdays.map((w) => (
              <th key={w} scope="col">
                {w}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={format(week[0], 'yyyy-MM-dd')}>
              {week.map((d) => {
                const iso = format(d, 'yyyy-MM-dd');
                const inMonth = d.getMonth() === first.getMonth();
                const list = inMonth ? on(iso) : [];
                return (
                  <td key={iso} className={`${inMonth ? '' : 'sp-month-out'} ${iso === today ? 'sp-month-today' : ''}`} data-date={iso}>
                    <Text
                      size="xs"
                      fw={iso === today ? 700 : 500}
                      c={inMonth ? undefined : 'dimmed'}
                      aria-label={iso === today ? `${format(d, 'd')} (${t('month.today')})` : undefined}
                    >
                      {format(d, 'd')}
                    </Text>
                    {list.slice(0, MAX_PER_DAY).map((item) => (
                      <UnstyledButton
                        key={item.key}
                        className="sp-month-chip"
                        style={{
                          borderLeftColor: `var(--mantine-color-${COLOR[item.soort]}-6)`,
                          background: `var(--mantine-color-${COLOR[item.soort]}-0)`,
                        }}
                        onClick={() => open(item)}
                        title={[itemTitle(t, item), itemBelongsTo(t, item)].filter(Boolean).join(' – ')}
                      >
                        {item.tijdStart ? `${item.tijdStart} ` : ''}
                        {itemTitle(t, item)}
                      </UnstyledButton>
                    ))}
                    {list.length > MAX_PER_DAY && (
                      <Text size="xs" c="dimmed">
                        {t('month.more', { count: list.length - MAX_PER_DAY })}
                      </Text>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
