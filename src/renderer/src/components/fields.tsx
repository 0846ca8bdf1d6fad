// Shared inputs: a Dutch date field (typed as 21-11-2026 or picked) and a time field, both giving the
// API's ISO strings, plus the layout piece for a form section and the "not saved" message of a form.
import { DateInput, TimePicker } from '@mantine/dates';
import type { DateInputProps } from '@mantine/dates';
import { Alert, Paper, Title } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import i18n from '../i18n';

const pad = (n: number) => String(n).padStart(2, '0');

/** Accepts 21-11-2026, 21-11-26, 21/11/2026, 21.11.2026 and 2026-11-21. */
export function parseDutchDate(input: string): string | null {
  const s = input.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  let y: number, mo: number, d: number;
  if (m) [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else {
    m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})$/.exec(s);
    if (!m) return null;
    [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (y < 100) y += 2000;
  }
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${pad(mo)}-${pad(d)}`;
}

type DateFieldProps = Omit<DateInputProps, 'value' | 'onChange'> & {
  value: string | null | undefined;
  onChange: (iso: string) => void;
};

/** A date as "dd-mm-jjjj"; the value is YYYY-MM-DD or "" when empty. */
export function DateField({ value, onChange, ...rest }: DateFieldProps) {
  return (
    <DateInput
      valueFormat="DD-MM-YYYY"
      placeholder={i18n.t('common:datePlaceholder')}
      dateParser={parseDutchDate}
      clearable={!rest.required}
      value={value || null}
      onChange={(v) => onChange(v ?? '')}
      popoverProps={{ withinPortal: true }}
      clearButtonProps={{ 'aria-label': i18n.t('common:actions.clearDate') }}
      // The picker's arrows need names of their own (a screen reader reads them); the heading
      // button keeps its visible text ("november 2026") as its name.
      ariaLabels={i18n.t('common:calendarLabels', { returnObjects: true }) as Record<string, string>}
      {...rest}
    />
  );
}

/** A time of day as 24-hour "HH:MM" (the browser's own time input would follow the OS locale). */
export function TimeField(props: { label: string; value: string; onChange: (v: string) => void; error?: string; description?: string }) {
  return (
    <TimePicker
      label={props.label}
      description={props.description}
      format="24h"
      value={props.value}
      onChange={(v) => props.onChange(v ? v.slice(0, 5) : '')}
      error={props.error}
      clearable
      hoursInputLabel={i18n.t('common:time.hours', { label: props.label })}
      minutesInputLabel={i18n.t('common:time.minutes', { label: props.label })}
      clearButtonProps={{ 'aria-label': i18n.t('common:time.clear', { label: props.label }) }}
    />
  );
}

/** A titled block of a form page. */
export function Section({ title, children, actions }: { title: string; children: ReactNode; actions?: ReactNode }) {
  return (
    <Paper withBorder p="md" radius="sm" component="section" aria-label={title}>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 12, marginBottom: 12 }}>
        <Title order={3} size="h4">
          {title}
        </Title>
        {actions}
      </div>
      {children}
    </Paper>
  );
}

/** The form-level message when saving failed (field messages stand next to their fields). */
export function SaveError({ error, testId }: { error: string | null | undefined; testId?: string }) {
  const { t } = useTranslation('common');
  if (!error) return null;
  return (
    <Alert color="red" title={t('errors.notSaved')} data-testid={testId}>
      {error}
    </Alert>
  );
}

/**
 * A form's submit handler that keeps the submit to this form: several forms sit inside the
 * incident's own form (a hearing, a task done, a measure), and React passes a submit on to the
 * outer form, which would save the incident too.
 */
export const submitOnly =
  (save: () => unknown) =>
  (e: FormEvent): void => {
    e.preventDefault();
    e.stopPropagation();
    void save();
  };
