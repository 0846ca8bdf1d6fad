// After the meeting: who was there, the minutes, the decisions (each can start a new protocol
// version once saved) and the actions with owner and deadline.
import { ActionIcon, Button, Checkbox, Group, Paper, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useSubmit } from '../../api/useSubmit';
import type { Evaluation } from '@shared/api/calendar';
import { DateField, Section } from '../fields';
import { useFormState } from '../useFormState';
import { useUnsavedGuard } from '../router';
import { DecisionProtocol } from './DecisionProtocol';
import { can } from '../../server/can';

interface RecordValues {
  aanwezig: Record<number, boolean>;
  notulen: string;
  besluiten: { id?: number; tekst: string }[];
  acties: { id?: number; omschrijving: string; eigenaar: string; deadline: string; status: 'open' | 'gedaan' }[];
}

const valuesOf = (e: Evaluation): RecordValues => ({
  aanwezig: Object.fromEntries(e.deelnemers.map((d) => [d.id, d.aanwezig ?? true])),
  notulen: e.notulen ?? '',
  besluiten: e.besluiten.map((d) => ({ id: d.id, tekst: d.tekst })),
  acties: e.acties.map((a) => ({
    id: a.id,
    omschrijving: a.omschrijving,
    eigenaar: a.eigenaar,
    deadline: a.deadline ?? '',
    status: a.status,
  })),
});

export function EvaluationRecordForm({ evaluation, onSaved }: { evaluation: Evaluation; onSaved: (e: Evaluation) => void }) {
  const { t } = useTranslation('calendar');
  const f = useFormState<RecordValues>(valuesOf(evaluation));
  const submit = useSubmit();
  // Closed, or on the school server a role that may read the evaluation but not record it.
  const readOnly = evaluation.status === 'gesloten' || !can('evaluations.record');
  useUnsavedGuard(f.dirty && !readOnly);
  const v = f.values;
  const saved = new Map(evaluation.besluiten.map((d) => [d.id, d]));

  const save = () =>
    submit.run(
      () =>
        call('evaluations.record', {
          id: evaluation.id,
          aanwezig: evaluation.deelnemers.map((d) => ({ participantId: d.id, aanwezig: v.aanwezig[d.id] ?? false })),
          notulen: v.notulen,
          besluiten: v.besluiten,
          acties: v.acties.map((a) => ({ ...a, deadline: a.deadline || null })),
        }),
      {
        form: f,
        errorTitle: t('common:errors.notSaved'),
        saved: t('evaluation.recorded'),
        onSuccess: (r) => {
          f.reset(valuesOf(r));
          onSaved(r);
        },
      },
    );

  const setB = (i: number, tekst: string) =>
    f.set(
      'besluiten',
      v.besluiten.map((d, j) => (j === i ? { ...d, tekst } : d)),
    );
  const setA = (i: number, patch: Partial<RecordValues['acties'][number]>) =>
    f.set(
      'acties',
      v.acties.map((a, j) => (j === i ? { ...a, ...patch } : a)),
    );

  return (
    <Section title={t('evaluation.record')}>
      <Stack>
        <Text size="sm" c="dimmed">
          {t('evaluation.recordHelp')}
        </Text>
        <div>
          <Text fw={500} size="sm" mb={4}>
            {t('evaluation.present')}
          </Text>
          <Group gap="lg">
            {evaluation.deelnemers.map((d) => (
              <Checkbox
                key={d.id}
                label={`${d.naam} (${t(`rol.${d.rol}`)})`}
                checked={v.aanwezig[d.id] ?? false}
                onChange={(e) => f.set('aanwezig', { ...v.aanwezig, [d.id]: e.currentTarget.checked })}
                disabled={readOnly}
              />
            ))}
          </Group>
        </div>
        <Textarea
          label={t('evaluation.minutes')}
          value={v.notulen}
          onChange={(e) => f.set('notulen', e.currentTarget.value)}
          autosize
          minRows={5}
          maxRows={20}
          error={f.err('notulen')}
          required
          disabled={readOnly}
        />

        <div>
          <Text fw={500} size="sm" mb={4}>
            {t('evaluation.decisions')}
          </Text>
          {f.err('besluiten') && (
            <Text size="xs" c="red" role="alert" mb={4}>
              {f.err('besluiten')}
            </Text>
          )}
          <Stack gap="xs" data-testid="besluiten">
            {v.besluiten.map((d, i) => {
              const s = d.id !== undefined ? saved.get(d.id) : undefined;
              return (
                <Paper key={d.id ?? `n${i}`} withBorder p="xs">
                  <Group align="flex-end" gap="xs" wrap="nowrap">
                    <Textarea
                      label={t('evaluation.decision', { n: i + 1 })}
                      value={d.tekst}
                      onChange={(e) => setB(i, e.currentTarget.value)}
                      autosize
                      minRows={1}
                      style={{ flex: 1 }}
                      error={f.err(`besluiten.${i}.tekst`)}
                      disabled={readOnly}
                    />
                    {!readOnly && !s?.protocolId && (
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        size="lg"
                        mb={2}
                        onClick={() =>
                          f.set(
                            'besluiten',
                            v.besluiten.filter((_, j) => j !== i),
                          )
                        }
                        aria-label={t('evaluation.removeDecision', { n: i + 1 })}
                      >
                        ×
                      </ActionIcon>
                    )}
                  </Group>
                  <div style={{ marginTop: 6 }}>
                    {s && evaluation.status !== 'gepland' ? (
                      <DecisionProtocol evaluation={evaluation} decision={s} onChanged={onSaved} />
                    ) : (
                      <Text size="xs" c="dimmed">
                        {t('protocol.saveFirst')}
                      </Text>
                    )}
                  </div>
                </Paper>
              );
            })}
          </Stack>
          {!readOnly && (
            <Button variant="subtle" size="compact-sm" mt="xs" onClick={() => f.set('besluiten', [...v.besluiten, { tekst: '' }])}>
              {t('evaluation.addDecision')}
            </Button>
          )}
        </div>

        <div>
          <Text fw={500} size="sm" mb={4}>
            {t('evaluation.actions')}
          </Text>
          <Stack gap="xs" data-testid="acties">
            {v.acties.map((a, i) => (
              <Group key={a.id ?? `n${i}`} align="flex-end" gap="xs" wrap="nowrap">
                <TextInput
                  label={`${t('evaluation.action')} ${i + 1}`}
                  value={a.omschrijving}
                  onChange={(e) => setA(i, { omschrijving: e.currentTarget.value })}
                  style={{ flex: 3 }}
                  error={f.err(`acties.${i}.omschrijving`)}
                  disabled={readOnly}
                />
                <TextInput
                  label={`${t('evaluation.owner')} ${i + 1}`}
                  value={a.eigenaar}
                  onChange={(e) => setA(i, { eigenaar: e.currentTarget.value })}
                  style={{ flex: 1.5 }}
                  error={f.err(`acties.${i}.eigenaar`)}
                  disabled={readOnly}
                />
                <DateField
                  label={`${t('evaluation.deadline')} ${i + 1}`}
                  value={a.deadline}
                  onChange={(x) => setA(i, { deadline: x })}
                  style={{ flex: 1.2 }}
                  error={f.err(`acties.${i}.deadline`)}
                  disabled={readOnly}
                />
                <Checkbox
                  label={t('evaluation.done')}
                  checked={a.status === 'gedaan'}
                  onChange={(e) => setA(i, { status: e.currentTarget.checked ? 'gedaan' : 'open' })}
                  mb={8}
                  disabled={readOnly}
                  aria-label={`${t('evaluation.done')}: ${t('evaluation.action')} ${i + 1}`}
                />
                {!readOnly && (
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    size="lg"
                    mb={2}
                    onClick={() =>
                      f.set(
                        'acties',
                        v.acties.filter((_, j) => j !== i),
                      )
                    }
                    aria-label={t('evaluation.removeAction', { n: i + 1 })}
                  >
                    ×
                  </ActionIcon>
                )}
              </Group>
            ))}
          </Stack>
          {!readOnly && (
            <Button
              variant="subtle"
              size="compact-sm"
              mt="xs"
              onClick={() => f.set('acties', [...v.acties, { omschrijving: '', eigenaar: '', deadline: '', status: 'open' }])}
            >
              {t('evaluation.addAction')}
            </Button>
          )}
        </div>
        {!readOnly && (
          <Group justify="flex-end">
            <Button onClick={() => void save()} data-testid="verslag-opslaan">
              {t('evaluation.saveRecord')}
            </Button>
          </Group>
        )}
      </Stack>
    </Section>
  );
}
