// The buttons of one calendar item: add to the user's calendar (.ics), open the evaluation or the
// incident, or change the date of a recurring moment.
import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import type { CalendarItem } from '@shared/api/calendar';
import { useFileAction } from '../export/useFileAction';
import { shortDate } from '../format';
import { itemTitle, isMoment } from './items';
import { can } from '../../server/can';

export function ItemActions({
  item,
  schooljaar,
  onMoment,
}: {
  item: CalendarItem;
  schooljaar: string;
  onMoment: (item: CalendarItem) => void;
}) {
  const { t } = useTranslation('calendar');
  const { busy, run } = useFileAction();
  const title = itemTitle(t, item);
  return (
    <Group gap={6} wrap="nowrap" justify="flex-end">
      {item.evaluationId && item.soort === 'evaluatie' && (
        <Button
          size="compact-sm"
          variant="light"
          component="a"
          href={`#/planning/evaluatie/${item.evaluationId}`}
          aria-label={t('actions.openOf', { datum: shortDate(item.datum) })}
        >
          {t('actions.open')}
        </Button>
      )}
      {item.incidentId && can('incidents.get') && (
        <Button
          size="compact-sm"
          variant="light"
          component="a"
          href={`#/meldingen/${item.incidentId}`}
          aria-label={`${t('actions.open')}: ${title}`}
        >
          {t('actions.open')}
        </Button>
      )}
      {isMoment(item) && can('calendar.moments.save') && (
        <Button size="compact-sm" variant="light" onClick={() => onMoment(item)} aria-label={t('actions.changeDateOf', { titel: title })}>
          {t('actions.changeDate')}
        </Button>
      )}
      <Button
        size="compact-sm"
        variant="default"
        loading={busy !== null}
        onClick={() => void run('ics', () => call('calendar.ics', { schooljaar, key: item.key }))}
        aria-label={t('actions.exportItemOf', { titel: title, datum: shortDate(item.datum) })}
        data-testid={`ics-${item.key}`}
      >
        .ics
      </Button>
    </Group>
  );
}
