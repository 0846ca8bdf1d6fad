// The school-year picker every annual page uses: the years with data plus the current and the next
// (calendar.schoolYears), the current one marked.
import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useLoad } from '../useLoad';
import type { SchoolYearOption } from '@shared/api/calendar';

export function useSchoolYears(): SchoolYearOption[] {
  return useLoad(() => call('calendar.schoolYears', {}), []).data ?? [];
}

export function YearPicker({ value, onChange, years }: { value: string | null; onChange: (v: string) => void; years: SchoolYearOption[] }) {
  const { t } = useTranslation('reports');
  return (
    <Select
      label={t('yearPicker')}
      data={years.map((y) => ({ value: y.schooljaar, label: y.huidig ? t('yearCurrent', { year: y.schooljaar }) : y.schooljaar }))}
      value={value}
      onChange={(v) => v && onChange(v)}
      allowDeselect={false}
      w={200}
      data-testid="jaar-kiezer"
    />
  );
}
