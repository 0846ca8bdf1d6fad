// Planning: the calendar of a school year (the annual evaluation with the anti-pestcoördinator, the
// recurring moments, the obligations' due dates and the evaluation's actions) as a list or a month
// grid, the .ics export of the whole year, and the evaluation itself (#/planning/evaluatie/<id>).
import { useState } from 'react';
import { Alert, Button, Group, SegmentedControl, Stack, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import type { CalendarItem } from '@shared/api/calendar';
import { PageHeader } from '../components/PageHeader';
import { useApp } from '../components/AppContext';
import { useRouter } from '../components/router';
import { useLoad } from '../components/useLoad';
import { useSessionState } from '../components/useSessionState';
import { YearPicker, useSchoolYears } from '../components/reports/YearPicker';
import { useFileAction } from '../components/export/useFileAction';
import { ListView } from '../components/calendar/ListView';
import { MonthView } from '../components/calendar/MonthView';
import { MomentModal } from '../components/calendar/MomentModal';
import { EvaluationPage, NewEvaluationPage } from '../components/calendar/EvaluationPage';
import { can } from '../server/can';

const MONTH_KEYS = ['08', '09', '10', '11', '12', '01', '02', '03', '04', '05', '06', '07'];

function Calendar() {
  const { t } = useTranslation('calendar');
  const { status } = useApp();
  const years = useSchoolYears();
  const [state, setState] = useSessionState<{ jaar: string | null; view: 'lijst' | 'maand'; maand: number | null }>('sp.planning', {
    jaar: null,
    view: 'lijst',
    maand: null,
  });
  const year = state.jaar ?? status?.huidigSchooljaar ?? null;
  const items = useLoad(year ? () => call('calendar.list', { schooljaar: year }) : null, [year]);
  const [moment, setMoment] = useState<CalendarItem | null>(null);
  const { busy, run } = useFileAction();
  const today = status?.vandaag ?? '';
  // The month grid opens on this month when it is in the chosen year, else on August.
  const monthIndex = state.maand ?? (year && status?.huidigSchooljaar === year ? Math.max(0, MONTH_KEYS.indexOf(today.slice(5, 7))) : 0);
  const list = items.data ?? [];
  const hasEvaluation = list.some((i) => i.soort === 'evaluatie');

  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')}>
        <Group align="flex-end" gap="sm" wrap="nowrap">
          <YearPicker years={years} value={year} onChange={(jaar) => setState((s) => ({ ...s, jaar, maand: null }))} />
          <Button
            variant="default"
            loading={busy !== null}
            disabled={!year}
            onClick={() => year && void run('ics', () => call('calendar.ics', { schooljaar: year }))}
            data-testid="planning-ics"
          >
            {t('actions.exportYear')}
          </Button>
          {can('evaluations.plan') && (
            <Button component="a" href="#/planning/evaluatie/nieuw" data-testid="evaluatie-plannen">
              {t('actions.plan')}
            </Button>
          )}
        </Group>
      </PageHeader>
      <Stack>
        {items.data && !hasEvaluation && (
          <Alert color="schoolblauw" variant="light" title={t('noEvaluation.title')} data-testid="geen-evaluatie">
            {t('noEvaluation.body')}
          </Alert>
        )}
        <SegmentedControl
          aria-label={t('view.label')}
          w={220}
          value={state.view}
          onChange={(v) => setState((s) => ({ ...s, view: v as 'lijst' | 'maand' }))}
          data={[
            { value: 'lijst', label: t('view.list') },
            { value: 'maand', label: t('view.month') },
          ]}
        />
        {items.error && <Alert color="red">{items.error.message}</Alert>}
        {!items.data && items.loading && <Loader aria-label={t('common:loading')} />}
        {items.data && year && state.view === 'lijst' && <ListView items={list} schooljaar={year} onMoment={setMoment} />}
        {items.data && year && state.view === 'maand' && (
          <MonthView
            items={list}
            schooljaar={year}
            index={monthIndex}
            onIndex={(maand) => setState((s) => ({ ...s, maand }))}
            today={today}
            onMoment={setMoment}
          />
        )}
      </Stack>
      {moment && year && (
        <MomentModal
          item={moment}
          schooljaar={year}
          onClose={() => setMoment(null)}
          onSaved={() => {
            setMoment(null);
            items.reload();
          }}
        />
      )}
    </>
  );
}

export default function Planning() {
  const { segments } = useRouter();
  if (segments[1] === 'evaluatie' && segments[2] === 'nieuw') return <NewEvaluationPage />;
  if (segments[1] === 'evaluatie' && /^\d+$/.test(segments[2] ?? '')) return <EvaluationPage id={Number(segments[2])} />;
  return <Calendar />;
}
