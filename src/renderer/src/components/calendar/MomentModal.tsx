// Changes this school year's date of a recurring moment (e.g. the Week van de Mediawijsheid), or
// goes back to the default.
import { useState } from 'react';
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useSubmit } from '../../api/useSubmit';
import type { CalendarItem, MomentSoort } from '@shared/api/calendar';
import { DateField } from '../fields';
import { itemTitle } from './items';

export function MomentModal({
  item,
  schooljaar,
  onClose,
  onSaved,
}: {
  item: CalendarItem;
  schooljaar: string;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation('calendar');
  const [datum, setDatum] = useState(item.datum);
  const [einddatum, setEinddatum] = useState(item.einddatum ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = useSubmit();
  const soort = item.soort as MomentSoort;

  const save = (reset: boolean) =>
    submit.run(
      () =>
        reset
          ? call('calendar.moments.reset', { schooljaar, soort })
          : call('calendar.moments.save', { schooljaar, soort, datum, einddatum: einddatum || null }),
      { fields: setErrors, saved: t('moment.saved'), onSuccess: onSaved },
    );

  return (
    <Modal opened onClose={onClose} title={itemTitle(t, item)} centered>
      <Stack>
        <Text size="sm">{t('moment.body', { schooljaar })}</Text>
        <Group grow>
          <DateField label={t('moment.start')} value={datum} onChange={setDatum} required error={errors.datum} />
          <DateField label={t('moment.end')} value={einddatum} onChange={setEinddatum} error={errors.einddatum} />
        </Group>
        <Group justify="space-between">
          <Button variant="subtle" onClick={() => void save(true)} disabled={submit.busy || !item.aangepast}>
            {t('moment.reset')}
          </Button>
          <Group>
            <Button variant="default" onClick={onClose}>
              {t('common:actions.cancel')}
            </Button>
            <Button onClick={() => void save(false)} loading={submit.busy}>
              {t('common:actions.save')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </Modal>
  );
}
