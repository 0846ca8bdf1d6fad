// Marking an obligation done, right where it is shown: who did it, the date, for the sexual-offence
// path also the time, for a decision step the outcome, and a note. A warning is "seen and weighed"
// instead, and then the note (what was weighed) is required. The core's Dutch messages appear next
// to their fields.
import { Button, Group, Paper, Radio, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useSubmit } from '../../api/useSubmit';
import type { Obligation } from '@shared/api/obligations';
import { useApp } from '../AppContext';
import { DateField, TimeField, submitOnly } from '../fields';
import { useFormState } from '../useFormState';
import { useDoerName } from './useDoer';

export function DoneForm({ o, onDone, onCancel }: { o: Obligation; onDone: (o: Obligation) => void; onCancel: () => void }) {
  const { t } = useTranslation('obligations');
  const { status } = useApp();
  const [naam, remember] = useDoerName();
  const f = useFormState({ door: naam, datum: status?.vandaag ?? '', tijd: '', uitkomst: '', toelichting: '' });
  const submit = useSubmit();
  const gezien = o.waarschuwing;

  const save = async () => {
    const v = f.values;
    // The core stores the note either way; for a warning the dossier needs the weighing itself.
    if (gezien && !v.toelichting.trim()) {
      f.showError({ code: 'VALIDATIE', message: t('done.afwegingNodig'), field: 'toelichting' });
      return;
    }
    const input = {
      id: o.id,
      door: v.door,
      datum: v.datum,
      tijd: v.tijd || null,
      uitkomst: (v.uitkomst || null) as 'aangifte' | 'geen_aangifte' | null,
      toelichting: v.toelichting || null,
    };
    await submit.run(() => call('obligations.markDone', input), {
      form: f,
      saved: t(gezien ? 'done.savedGezien' : 'done.saved'),
      onSuccess: (done) => {
        remember(v.door);
        onDone(done);
      },
    });
  };

  return (
    <Paper withBorder p="sm" mt="xs" bg="var(--mantine-color-gray-0)">
      <form aria-label={t(gezien ? 'done.titleGezien' : 'done.title', { titel: o.titel })} onSubmit={submitOnly(save)}>
        <Stack gap="xs">
          <Group grow align="flex-start">
            <TextInput
              label={t(gezien ? 'done.doorGezien' : 'done.door')}
              value={f.values.door}
              onChange={(e) => f.set('door', e.currentTarget.value)}
              error={f.err('door')}
              withAsterisk
              data-autofocus
            />
            <DateField
              label={t('done.datum')}
              value={f.values.datum}
              onChange={(v) => f.set('datum', v)}
              error={f.err('datum')}
              withAsterisk
            />
            {o.tijdVerplicht && (
              <TimeField
                label={t('done.tijd')}
                value={f.values.tijd}
                onChange={(v) => f.set('tijd', v)}
                error={f.err('tijd')}
                description={t('done.tijdVerplicht')}
              />
            )}
          </Group>
          {o.beslissing && (
            <Radio.Group
              label={t('done.uitkomst')}
              value={f.values.uitkomst}
              onChange={(v) => f.set('uitkomst', v)}
              error={f.err('uitkomst')}
              withAsterisk
            >
              <Group mt={4}>
                <Radio value="aangifte" label={t('done.aangifte')} />
                <Radio value="geen_aangifte" label={t('done.geenAangifte')} />
              </Group>
            </Radio.Group>
          )}
          <Textarea
            label={t(gezien ? 'done.afweging' : 'done.toelichting')}
            value={f.values.toelichting}
            onChange={(e) => f.set('toelichting', e.currentTarget.value)}
            error={f.err('toelichting')}
            withAsterisk={gezien}
            autosize
            minRows={gezien ? 2 : 1}
          />
          {f.errors._ && <Text c="red">{f.errors._}</Text>}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onCancel}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" loading={submit.busy}>
              {t('done.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

export function NvtForm({ o, onDone, onCancel }: { o: Obligation; onDone: (o: Obligation) => void; onCancel: () => void }) {
  const { t } = useTranslation('obligations');
  const f = useFormState({ reden: '' });
  const submit = useSubmit();
  const save = () =>
    submit.run(() => call('obligations.markNotApplicable', { id: o.id, reden: f.values.reden }), {
      form: f,
      saved: t('nvt.saved'),
      onSuccess: onDone,
    });
  return (
    <Paper withBorder p="sm" mt="xs" bg="var(--mantine-color-gray-0)">
      <form onSubmit={submitOnly(save)}>
        <Group align="flex-end" gap="xs">
          <TextInput
            style={{ flex: 1 }}
            label={t('nvt.reden')}
            value={f.values.reden}
            onChange={(e) => f.set('reden', e.currentTarget.value)}
            error={f.err('reden')}
            withAsterisk
            data-autofocus
          />
          <Button variant="default" onClick={onCancel}>
            {t('common:actions.cancel')}
          </Button>
          <Button type="submit" loading={submit.busy}>
            {t('nvt.save')}
          </Button>
        </Group>
      </form>
    </Paper>
  );
}
