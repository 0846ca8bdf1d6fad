// A measure (maatregel) for one of the people involved: the kinds offered depend on who it is
// (MAATREGEL_PER_SOORT). When a hard rule refuses it (e.g. a pupil schorsing over 5 school days),
// the core says so and the form asks for the reason to go beyond it. An intended expulsion needs the
// date the board intends to decide: the hearings fall due before it.
import { useState } from 'react';
import { Button, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import type { Measure, MeasureInput } from '@shared/api/measures';
import type { PersonRef } from '@shared/api/people';
import type { ApiError } from '@shared/api';
import { MAATREGEL, MAATREGEL_PER_SOORT, MAATREGEL_STATUS, SCHORSING_VORM } from '@shared/domain';
import type { Maatregel } from '@shared/domain';
import { useFormState, str } from '../useFormState';
import { DateField, SaveError, submitOnly } from '../fields';
import { options } from '../format';
import { personLabel } from '../people/PersonPicker';

interface Values {
  personId: string;
  soort: string;
  status: string;
  besluitDatum: string;
  beslotenDoor: string;
  startdatum: string;
  einddatum: string;
  duurDagen: number | '';
  vorm: string;
  afsprakenSchoolwerk: string;
  toelichting: string;
  beoogdBesluit: string;
  overrideReden: string;
}

const FIELDS = [
  'personId',
  'soort',
  'status',
  'besluitDatum',
  'beslotenDoor',
  'startdatum',
  'einddatum',
  'duurDagen',
  'vorm',
  'afsprakenSchoolwerk',
  'toelichting',
  'beoogdBesluit',
  'overrideReden',
];

/** A REGEL error that can be overridden names the override field or asks for a reason. */
export const asksForOverride = (e: ApiError) =>
  e.code === 'REGEL' && (e.field === 'overrideReden' || !!e.fields?.overrideReden || /reden|override/i.test(e.message));

function initial(m: Measure | null, people: PersonRef[], today: string, beslotenDoor: string): Values {
  return {
    personId: m ? String(m.personId) : people.length === 1 ? String(people[0].id) : '',
    soort: m?.soort ?? '',
    status: m?.status ?? 'besloten',
    besluitDatum: m?.besluitDatum ?? today,
    beslotenDoor: m ? str(m.beslotenDoor) : beslotenDoor,
    startdatum: str(m?.startdatum),
    einddatum: str(m?.einddatum),
    duurDagen: m?.duurDagen ?? '',
    vorm: str(m?.vorm),
    afsprakenSchoolwerk: str(m?.afsprakenSchoolwerk),
    toelichting: str(m?.toelichting),
    beoogdBesluit: str(m?.beoogdBesluit),
    overrideReden: str(m?.overrideReden),
  };
}

interface Props {
  opened: boolean;
  onClose: () => void;
  incidentId: number;
  people: PersonRef[];
  measure: Measure | null;
  today: string;
  defaultBeslotenDoor: string;
  onSaved: (m: Measure) => void;
}

export function MeasureModal(props: Props) {
  const { t } = useTranslation('incidents');
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={props.measure ? t('measures.edit') : t('measures.add')} size="xl">
      {/* Mounted afresh per opening, so the form starts from the measure (or empty). */}
      {props.opened && <MeasureForm {...props} />}
    </Modal>
  );
}

function MeasureForm({ onClose, incidentId, people, measure, today, defaultBeslotenDoor, onSaved }: Props) {
  const { t } = useTranslation('incidents');
  const f = useFormState<Values>(initial(measure, people, today, defaultBeslotenDoor), (p) => FIELDS.includes(p));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [override, setOverride] = useState(!!measure?.overrideReden);

  const person = people.find((p) => String(p.id) === f.values.personId) ?? measure?.persoon ?? null;
  const allowed = person ? MAATREGEL_PER_SOORT[person.soort] : MAATREGEL.codes;
  const isSchorsing = f.values.soort === 'schorsing';
  const isVoornemen = f.values.soort === 'voornemen_verwijdering';

  const save = async () => {
    setBusy(true);
    setError(null);
    const v = f.values;
    const input: MeasureInput = {
      incidentId,
      personId: Number(v.personId) || 0,
      soort: v.soort as Maatregel,
      status: v.status as MeasureInput['status'],
      besluitDatum: v.besluitDatum,
      beslotenDoor: v.beslotenDoor,
      startdatum: v.startdatum,
      einddatum: v.einddatum,
      duurDagen: v.duurDagen === '' ? null : v.duurDagen,
      vorm: isSchorsing && v.vorm ? (v.vorm as 'intern' | 'extern') : null,
      afsprakenSchoolwerk: isSchorsing ? v.afsprakenSchoolwerk : '',
      toelichting: v.toelichting,
      beoogdBesluit: isVoornemen ? v.beoogdBesluit : null,
      overrideReden: override ? v.overrideReden : '',
    };
    const r = measure ? await call('measures.update', { ...input, id: measure.id }) : await call('measures.create', input);
    setBusy(false);
    if (r.ok) {
      onSaved(r.value);
      onClose();
      return;
    }
    if (asksForOverride(r.error)) setOverride(true);
    const msg = f.showError(r.error);
    setError(msg ?? (r.error.code === 'VALIDATIE' ? null : r.error.message));
  };

  return (
    <form noValidate onSubmit={submitOnly(save)}>
      <Stack gap="sm">
        <SaveError error={error} testId="maatregel-fout" />
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Select
            label={t('measures.persoon')}
            data={people.map((p) => ({ value: String(p.id), label: personLabel(p) }))}
            value={f.values.personId || null}
            onChange={(v) => {
              f.set('personId', v ?? '');
              const next = people.find((p) => String(p.id) === v);
              if (next && f.values.soort && !MAATREGEL_PER_SOORT[next.soort].includes(f.values.soort as Maatregel)) f.set('soort', '');
            }}
            error={f.err('personId')}
            required
            // A click on the chosen person keeps them: with one person involved, a silent deselect
            // left "Voor wie" empty.
            allowDeselect={false}
            disabled={!!measure}
          />
          <Select
            label={t('measures.soort')}
            data={options(MAATREGEL, allowed)}
            value={f.values.soort || null}
            onChange={(v) => f.set('soort', v ?? '')}
            error={f.err('soort')}
            required
          />
          <Select
            label={t('measures.status')}
            data={options(MAATREGEL_STATUS)}
            value={f.values.status}
            onChange={(v) => f.set('status', v ?? 'besloten')}
            error={f.err('status')}
            allowDeselect={false}
          />
          <DateField
            label={t('measures.besluitDatum')}
            value={f.values.besluitDatum}
            onChange={(d) => f.set('besluitDatum', d)}
            error={f.err('besluitDatum')}
            required
          />
          <TextInput
            label={t('measures.beslotenDoor')}
            value={f.values.beslotenDoor}
            onChange={(e) => f.set('beslotenDoor', e.currentTarget.value)}
            error={f.err('beslotenDoor')}
          />
          {isVoornemen ? (
            <DateField
              label={t('measures.beoogdBesluit')}
              description={t('measures.beoogdBesluitHint')}
              value={f.values.beoogdBesluit}
              onChange={(d) => f.set('beoogdBesluit', d)}
              error={f.err('beoogdBesluit')}
              required={f.values.status !== 'ingetrokken'}
            />
          ) : (
            <div />
          )}
          <DateField
            label={t('measures.startdatum')}
            value={f.values.startdatum}
            onChange={(d) => f.set('startdatum', d)}
            error={f.err('startdatum')}
          />
          <DateField
            label={t('measures.einddatum')}
            value={f.values.einddatum}
            onChange={(d) => f.set('einddatum', d)}
            error={f.err('einddatum')}
          />
          {isSchorsing && (
            <>
              <NumberInput
                label={t('measures.duurDagen')}
                description={t('measures.duurHint')}
                value={f.values.duurDagen}
                onChange={(v) => f.set('duurDagen', typeof v === 'number' ? v : '')}
                error={f.err('duurDagen')}
                min={1}
                max={365}
                allowDecimal={false}
              />
              <Select
                label={t('measures.vorm')}
                data={options(SCHORSING_VORM)}
                value={f.values.vorm || null}
                onChange={(v) => f.set('vorm', v ?? '')}
                error={f.err('vorm')}
              />
            </>
          )}
        </SimpleGrid>
        {isSchorsing && (
          <Textarea
            label={t('measures.afsprakenSchoolwerk')}
            value={f.values.afsprakenSchoolwerk}
            onChange={(e) => f.set('afsprakenSchoolwerk', e.currentTarget.value)}
            error={f.err('afsprakenSchoolwerk')}
            autosize
            minRows={2}
          />
        )}
        <Textarea
          label={t('measures.toelichting')}
          value={f.values.toelichting}
          onChange={(e) => f.set('toelichting', e.currentTarget.value)}
          error={f.err('toelichting')}
          autosize
          minRows={2}
        />
        {override && (
          <Textarea
            label={t('measures.overrideReden')}
            description={t('measures.overrideHint')}
            value={f.values.overrideReden}
            onChange={(e) => f.set('overrideReden', e.currentTarget.value)}
            error={f.err('overrideReden')}
            autosize
            minRows={2}
            data-testid="override-reden"
          />
        )}
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onClose}>
            {t('common:actions.cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {t('common:actions.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
