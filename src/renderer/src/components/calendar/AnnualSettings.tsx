// Instellingen › Jaarcyclus: when reminders of the calendar appear on the overview, whether the
// obligations' deadlines go into the .ics, and the minimum group size of the yearly report.
import { useEffect, useState } from 'react';
import { Button, Checkbox, Group, NumberInput, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useSubmit } from '../../api/useSubmit';
import { Section } from '../fields';
import { can } from '../../server/can';

export default function AnnualSettings() {
  const { t } = useTranslation('calendar');
  const [dagen, setDagen] = useState<number | string>(14);
  const [verpl, setVerpl] = useState(true);
  const [min, setMin] = useState<number | string>(5);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = useSubmit();

  useEffect(() => {
    void call('calendar.settings.get', {}).then((r) => {
      if (r.ok) {
        setDagen(r.value.herinneringDagen);
        setVerpl(r.value.verplichtingenInAgenda);
      }
    });
    void call('reports.settings.get', {}).then((r) => r.ok && setMin(r.value.minimaleGroepsgrootte));
  }, []);

  // On the school server each setting is changed by the roles its method names (the anti-pest
  // coordinator: the calendar's, not the report's); the other is shown, disabled.
  const mayCalendar = can('calendar.settings.save');
  const mayReports = can('reports.settings.save');

  // Two settings, two writes: both are tried, and the field messages of both are shown.
  const save = () =>
    submit.run(
      async () => {
        const a = mayCalendar
          ? await call('calendar.settings.save', { herinneringDagen: Number(dagen), verplichtingenInAgenda: verpl })
          : null;
        const b = mayReports ? await call('reports.settings.save', { minimaleGroepsgrootte: Number(min) }) : null;
        setErrors({ ...(a && !a.ok ? (a.error.fields ?? {}) : {}), ...(b && !b.ok ? (b.error.fields ?? {}) : {}) });
        if (a && !a.ok) return { ok: false as const, error: a.error };
        if (b && !b.ok) return { ok: false as const, error: b.error };
        return { ok: true as const, value: null };
      },
      { errorTitle: t('common:errors.notSaved'), saved: t('settings.saved') },
    );

  return (
    <Section title={t('settings.title')}>
      <Stack maw={560}>
        <NumberInput
          label={t('settings.reminderDays')}
          description={t('settings.reminderDaysHelp')}
          value={dagen}
          onChange={setDagen}
          min={0}
          max={90}
          error={errors.herinneringDagen}
          w={260}
          disabled={!mayCalendar}
        />
        <Checkbox
          label={t('settings.obligationsInIcs')}
          checked={verpl}
          onChange={(e) => setVerpl(e.currentTarget.checked)}
          disabled={!mayCalendar}
        />
        <NumberInput
          label={t('reports:privacy.minGroup')}
          description={t('reports:privacy.minGroupHelp')}
          value={min}
          onChange={setMin}
          min={2}
          max={50}
          error={errors.minimaleGroepsgrootte}
          w={260}
          disabled={!mayReports}
        />
        <Text size="xs" c="dimmed">
          {t('reports:privacy.body', { min: Number(min) || 5 })}
        </Text>
        {(mayCalendar || mayReports) && (
          <Group>
            <Button onClick={() => void save()}>{t('common:actions.save')}</Button>
          </Group>
        )}
      </Stack>
    </Section>
  );
}
