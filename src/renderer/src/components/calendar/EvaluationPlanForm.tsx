// Planning the annual evaluation: date, times, place, the school year discussed, participants
// (the anti-pestcoördinator is required: the core refuses the plan without one) and the agenda.
import { ActionIcon, Button, Group, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useSubmit } from '../../api/useSubmit';
import type { Evaluation, EvaluationPlanInput, DeelnemerRol } from '@shared/api/calendar';
import { DEELNEMER_ROL } from '@shared/api/calendar';
import { DateField, Section, TimeField } from '../fields';
import { useFormState } from '../useFormState';
import { useUnsavedGuard } from '../router';
import { useSchoolYears } from '../reports/YearPicker';

export interface PlanValues {
  datum: string;
  tijdStart: string;
  tijdEind: string;
  locatie: string;
  evaluatieSchooljaar: string;
  agenda: string;
  deelnemers: { personId: number | null; naam: string; rol: DeelnemerRol; email: string }[];
}

export const planValuesOf = (e: Evaluation): PlanValues => ({
  datum: e.datum,
  tijdStart: e.tijdStart,
  tijdEind: e.tijdEind,
  locatie: e.locatie ?? '',
  evaluatieSchooljaar: e.evaluatieSchooljaar,
  agenda: e.agenda ?? '',
  deelnemers: e.deelnemers.map((d) => ({ personId: d.personId, naam: d.naam, rol: d.rol, email: d.email ?? '' })),
});

export function EvaluationPlanForm({
  id,
  initial,
  readOnly,
  onSaved,
}: {
  id: number | null;
  initial: PlanValues;
  readOnly?: boolean;
  onSaved: (e: Evaluation) => void;
}) {
  const { t } = useTranslation('calendar');
  const f = useFormState<PlanValues>(initial);
  const submit = useSubmit();
  const years = useSchoolYears();
  useUnsavedGuard(f.dirty && !readOnly);
  const v = f.values;
  const setP = (i: number, patch: Partial<PlanValues['deelnemers'][number]>) =>
    f.set(
      'deelnemers',
      v.deelnemers.map((d, j) => (j === i ? { ...d, ...patch } : d)),
    );

  const save = () => {
    const input: EvaluationPlanInput = {
      datum: v.datum,
      tijdStart: v.tijdStart,
      tijdEind: v.tijdEind,
      locatie: v.locatie,
      agenda: v.agenda,
      evaluatieSchooljaar: v.evaluatieSchooljaar || undefined,
      deelnemers: v.deelnemers.map((d) => ({ personId: d.personId, naam: d.naam, rol: d.rol, email: d.email })),
    };
    return submit.run(() => (id === null ? call('evaluations.plan', input) : call('evaluations.update', { ...input, id })), {
      form: f,
      errorTitle: t('common:errors.notSaved'),
      saved: t('evaluation.planned'),
      onSuccess: (saved) => {
        f.reset(planValuesOf(saved));
        onSaved(saved);
      },
    });
  };

  return (
    <Section title={t('evaluation.planning')}>
      <Stack>
        <SimpleGrid cols={{ base: 1, md: 4 }}>
          <DateField
            label={t('evaluation.date')}
            value={v.datum}
            onChange={(x) => f.set('datum', x)}
            required
            error={f.err('datum')}
            disabled={readOnly}
          />
          <TimeField label={t('evaluation.start')} value={v.tijdStart} onChange={(x) => f.set('tijdStart', x)} error={f.err('tijdStart')} />
          <TimeField label={t('evaluation.end')} value={v.tijdEind} onChange={(x) => f.set('tijdEind', x)} error={f.err('tijdEind')} />
          <TextInput
            label={t('evaluation.location')}
            value={v.locatie}
            onChange={(e) => f.set('locatie', e.currentTarget.value)}
            error={f.err('locatie')}
            disabled={readOnly}
          />
        </SimpleGrid>
        <Select
          label={t('evaluation.evaluatedYear')}
          description={t('evaluation.evaluatedYearHelp')}
          data={years.map((y) => y.schooljaar)}
          value={v.evaluatieSchooljaar || null}
          onChange={(x) => f.set('evaluatieSchooljaar', x ?? '')}
          clearable
          w={{ base: '100%', md: 420 }}
          error={f.err('evaluatieSchooljaar')}
          disabled={readOnly}
        />
        <div>
          <Text fw={500} size="sm">
            {t('evaluation.participants')}
          </Text>
          <Text size="xs" c={f.err('deelnemers') ? 'red' : 'dimmed'} mb={6} role={f.err('deelnemers') ? 'alert' : undefined}>
            {f.err('deelnemers') ?? t('evaluation.participantsHelp')}
          </Text>
          <Stack gap="xs" data-testid="deelnemers">
            {v.deelnemers.map((d, i) => (
              <Group key={i} align="flex-end" gap="xs" wrap="nowrap">
                <TextInput
                  label={`${t('evaluation.name')} ${i + 1}`}
                  value={d.naam}
                  onChange={(e) => setP(i, { naam: e.currentTarget.value, personId: null })}
                  error={f.err(`deelnemers.${i}.naam`)}
                  style={{ flex: 2 }}
                  disabled={readOnly}
                />
                <Select
                  label={`${t('evaluation.role')} ${i + 1}`}
                  data={DEELNEMER_ROL.map((r) => ({ value: r, label: t(`rol.${r}`) }))}
                  value={d.rol}
                  onChange={(x) => x && setP(i, { rol: x as DeelnemerRol })}
                  allowDeselect={false}
                  style={{ flex: 1.3 }}
                  disabled={readOnly}
                />
                <TextInput
                  label={`${t('evaluation.email')} ${i + 1}`}
                  value={d.email}
                  onChange={(e) => setP(i, { email: e.currentTarget.value })}
                  error={f.err(`deelnemers.${i}.email`)}
                  style={{ flex: 1.5 }}
                  disabled={readOnly}
                />
                {!readOnly && (
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    size="lg"
                    mb={2}
                    onClick={() =>
                      f.set(
                        'deelnemers',
                        v.deelnemers.filter((_, j) => j !== i),
                      )
                    }
                    aria-label={t('evaluation.removeParticipant', { n: i + 1 })}
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
              onClick={() => f.set('deelnemers', [...v.deelnemers, { personId: null, naam: '', rol: 'medewerker', email: '' }])}
            >
              {t('evaluation.addParticipant')}
            </Button>
          )}
        </div>
        <Textarea
          label={t('evaluation.agenda')}
          description={t('evaluation.agendaHelp')}
          value={v.agenda}
          onChange={(e) => f.set('agenda', e.currentTarget.value)}
          autosize
          minRows={4}
          maxRows={14}
          error={f.err('agenda')}
          disabled={readOnly}
        />
        {!readOnly && (
          <Group justify="flex-end">
            <Button onClick={() => void save()} data-testid="evaluatie-plannen-opslaan">
              {t('evaluation.savePlan')}
            </Button>
          </Group>
        )}
      </Stack>
    </Section>
  );
}
