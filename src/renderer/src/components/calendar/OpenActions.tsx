// The actions of earlier evaluations that are still open: ticked off here as they get done,
// also after their evaluation was closed.
import { Checkbox, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useSubmit } from '../../api/useSubmit';
import { useLoad } from '../useLoad';
import { Section } from '../fields';
import { shortDate } from '../format';
import { can } from '../../server/can';

export function OpenActions({ exceptEvaluationId }: { exceptEvaluationId?: number }) {
  const { t } = useTranslation('calendar');
  const list = useLoad(() => call('evaluations.openActions', {}), []);
  const rows = (list.data ?? []).filter((a) => a.evaluationId !== exceptEvaluationId);
  const submit = useSubmit();
  // Ticked off one by one; a refused tick shows why, and the list is read again either way.
  const done = (actionId: number) =>
    submit.run(() => call('evaluations.setActionStatus', { actionId, status: 'gedaan' }), {
      concurrent: true,
      onSuccess: list.reload,
      onError: list.reload,
    });
  return (
    <Section title={t('evaluation.openActions')}>
      {!rows.length ? (
        <Text size="sm" c="dimmed">
          {t('evaluation.noOpenActions')}
        </Text>
      ) : (
        <Stack gap="xs" data-testid="open-acties">
          {rows.map((a) => (
            <Checkbox
              key={a.id}
              checked={false}
              onChange={() => void done(a.id)}
              disabled={!can('evaluations.setActionStatus')}
              aria-label={t('evaluation.markDone', { actie: a.omschrijving })}
              label={
                <span>
                  {a.omschrijving} — {a.eigenaar}
                  {a.deadline ? `, ${t('evaluation.deadline').toLowerCase()} ${shortDate(a.deadline)}` : ''}{' '}
                  <Text span size="xs" c="dimmed">
                    ({t('evaluation.agreedOn', { datum: shortDate(a.evaluatieDatum) })})
                  </Text>
                </span>
              }
            />
          ))}
        </Stack>
      )}
    </Section>
  );
}
