// An objection (bezwaar) received against a schorsing or an expulsion: the day it arrived and a
// note. Saving it lets the core set out the board's decision on the objection, with its term.
import { useEffect } from 'react';
import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useSubmit } from '../../api/useSubmit';
import { useLoad } from '../useLoad';
import { useFormState } from '../useFormState';
import { DateField, submitOnly } from '../fields';
import { can } from '../../server/can';

export function ObjectionForm({ measureId }: { measureId: number }) {
  const { t } = useTranslation('obligations');
  const loaded = useLoad(() => call('obligations.objection.get', { measureId }), [measureId]);
  const f = useFormState({ ontvangenOp: '', toelichting: '' }, (p) => p === 'ontvangenOp' || p === 'toelichting');
  const { rebase } = f;
  const stored = loaded.data;
  // rebase, not reset: a refresh after a write elsewhere keeps what is being typed.
  useEffect(() => {
    if (stored) rebase({ ontvangenOp: stored.ontvangenOp, toelichting: stored.toelichting ?? '' });
  }, [stored, rebase]);
  const submit = useSubmit();
  const save = () => {
    const v = f.values;
    return submit.run(
      () => call('obligations.objection.save', { measureId, ontvangenOp: v.ontvangenOp, toelichting: v.toelichting || null }),
      {
        form: f,
        saved: t('objection.saved'),
        onSuccess: () => f.reset(v),
      },
    );
  };
  return (
    <form aria-label={t('objection.title')} onSubmit={submitOnly(save)} data-testid="bezwaar">
      <Stack gap="xs">
        <Text size="sm" c="dimmed">
          {t('objection.intro')}
        </Text>
        <Group grow align="flex-start">
          <DateField
            label={t('objection.ontvangenOp')}
            value={f.values.ontvangenOp}
            onChange={(v) => f.set('ontvangenOp', v)}
            error={f.err('ontvangenOp')}
            withAsterisk
          />
          <TextInput
            label={t('objection.toelichting')}
            value={f.values.toelichting}
            onChange={(e) => f.set('toelichting', e.currentTarget.value)}
            error={f.err('toelichting')}
          />
        </Group>
        {can('obligations.objection.save') && (
          <Group justify="flex-end">
            <Button type="submit" variant="light" disabled={!f.dirty}>
              {t('objection.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
