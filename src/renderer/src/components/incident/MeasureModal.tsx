// A measure (maatregel) for one of the people involved: the kinds offered depend on who it is
// (MAATREGEL_PER_SOORT). When a hard rule refuses it (e.g. a pupil schorsing over 5 school days),
// the core says so and the form asks for the reason to go beyond it. An intended expulsion needs the
// date the board intends to decide: the hearings fall due before it.
import { useState } from 'react';
import { Button, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useSubmit } from '../../api/useSubmit';
import type { Measure, MeasureInput } from '@shared/api/measures';
import type { PersonRef } from '@shared/api/people';
import type { ApiError } from '@shared/api';
import { MAATREGEL, MAATREGEL_PER_SOORT, MAATREGEL_STATUS, SCHORSING_VORM } from '@shared/domain';
import type { Maatregel } from '@shared/domain';
import { useFormState, str } from '../useFormState';
import { DateField, SaveError, submitOnly } from '../fields';
import { label, options, shortDate } from '../format';
import { ConflictDialog, conflictRows, useConflict } from '../ConflictDialog';
import { personLabel } from '../people/PersonPicker';

/**
 * The fields the form holds as text under the contract's own name: with personId and duurDagen the
 * form's one field list (values, start values, input and which messages sit next to a field follow
 * from it; a field the contract adds that is in neither list is a type error).
 */
const TEXT_FIELDS = [
  'soort',
  'status',
  'besluitDatum',
  'beslotenDoor',
  'startdatum',
  'einddatum',
  'vorm',
  'afsprakenSchoolwerk',
  'toelichting',
  'beoogdBesluit',
  'overrideReden',
] as const satisfies readonly (keyof MeasureInput & keyof Measure)[];
type TextField = (typeof TEXT_FIELDS)[number];

type Values = Record<TextField, string> & { personId: string; duurDagen: number | '' };

const FIELDS = new Set<string>([...TEXT_FIELDS, 'personId', 'duurDagen']);

/** A REGEL error that can be overridden names the override field or asks for a reason. */
export const asksForOverride = (e: ApiError) =>
  e.code === 'REGEL' && (e.field === 'overrideReden' || !!e.fields?.overrideReden || /reden|override/i.test(e.message));

function initial(m: Measure | null, people: PersonRef[], today: string, beslotenDoor: string): Values {
  const start: Partial<Record<TextField, string>> = { status: 'besloten', besluitDatum: today, beslotenDoor };
  const text = {} as Record<TextField, string>;
  for (const k of TEXT_FIELDS) text[k] = m ? str(m[k]) : (start[k] ?? '');
  return { personId: m ? String(m.personId) : people.length === 1 ? String(people[0].id) : '', ...text, duurDagen: m?.duurDagen ?? '' };
}

const DATES = new Set<string>(['besluitDatum', 'startdatum', 'einddatum', 'beoogdBesluit']);

/** The form's fields as the user reads them, for the conflict dialog. */
function shown(v: Values): Record<string, string> {
  const out: Record<string, string> = { duurDagen: String(v.duurDagen) };
  for (const k of TEXT_FIELDS) out[k] = DATES.has(k) ? shortDate(v[k]) : v[k];
  out.soort = label(MAATREGEL, v.soort);
  out.status = label(MAATREGEL_STATUS, v.status);
  out.vorm = v.vorm ? label(SCHORSING_VORM, v.vorm) : '';
  return out;
}

/** What the form passes on otherwise than as the text it holds (some fields only for some kinds). */
const OTHER_INPUT = {
  incidentId: (_v, c) => c.incidentId,
  personId: (v) => Number(v.personId) || 0,
  duurDagen: (v) => (v.duurDagen === '' ? null : v.duurDagen),
  vorm: (v) => (v.soort === 'schorsing' && v.vorm ? (v.vorm as 'intern' | 'extern') : null),
  afsprakenSchoolwerk: (v) => (v.soort === 'schorsing' ? v.afsprakenSchoolwerk : ''),
  beoogdBesluit: (v) => (v.soort === 'voornemen_verwijdering' ? v.beoogdBesluit : null),
  overrideReden: (v, c) => (c.override ? v.overrideReden : ''),
} satisfies { [K in keyof MeasureInput]?: (v: Values, c: { incidentId: number; override: boolean }) => MeasureInput[K] };

// Every field of the contract's input is in TEXT_FIELDS or OTHER_INPUT (else this line fails to compile).
const complete: Exclude<keyof MeasureInput, TextField | keyof typeof OTHER_INPUT> extends never ? true : never = true;
void complete;

function toInput(v: Values, c: { incidentId: number; override: boolean }): MeasureInput {
  const input: Record<string, unknown> = {};
  for (const k of TEXT_FIELDS) input[k] = v[k];
  for (const [k, to] of Object.entries(OTHER_INPUT)) input[k] = to(v, c);
  return input as MeasureInput;
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
  const f = useFormState<Values>(initial(measure, people, today, defaultBeslotenDoor), (p) => FIELDS.has(p));
  const submit = useSubmit();
  const [error, setError] = useState<string | null>(null);
  const [override, setOverride] = useState(!!measure?.overrideReden);
  // The measure as last read or saved: its version goes with the save (docs/SERVER.md "Tegelijk bewerken").
  const [base, setBase] = useState(measure);
  const conflict = useConflict<Measure>();

  const person = people.find((p) => String(p.id) === f.values.personId) ?? measure?.persoon ?? null;
  const allowed = person ? MAATREGEL_PER_SOORT[person.soort] : MAATREGEL.codes;
  const isSchorsing = f.values.soort === 'schorsing';
  const isVoornemen = f.values.soort === 'voornemen_verwijdering';

  /** `versie`: the version to save over (the stored one, after "Mijn versie opslaan"). */
  const save = (versie?: number) => {
    const input = toInput(f.values, { incidentId, override });
    return submit.run(
      () => (base ? call('measures.update', { ...input, id: base.id, versie: versie ?? base.versie }) : call('measures.create', input)),
      {
        error: setError,
        conflict: conflict.open,
        refusal: (e) => {
          if (asksForOverride(e)) setOverride(true);
          return f.showError(e);
        },
        onSuccess: (m) => {
          onSaved(m);
          onClose();
        },
      },
    );
  };
  const keepMine = () =>
    conflict.choose((huidig) => {
      setBase(huidig);
      return save(huidig.versie);
    });
  const takeTheirs = () =>
    conflict.choose((huidig) => {
      setBase(huidig);
      setOverride(!!huidig.overrideReden);
      f.reset(initial(huidig, people, today, defaultBeslotenDoor));
    });
  const conflictLabels: Record<string, string> = {
    ...Object.fromEntries(TEXT_FIELDS.map((k) => [k, t(`measures.${k}`)])),
    duurDagen: t('measures.duurDagen'),
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
          <Button type="submit" loading={submit.busy}>
            {t('common:actions.save')}
          </Button>
        </Group>
      </Stack>
      <ConflictDialog
        message={conflict.conflict?.message ?? null}
        rows={
          conflict.conflict
            ? conflictRows(conflictLabels, shown(initial(conflict.conflict.huidig, people, today, '')), shown(f.values))
            : []
        }
        busy={submit.busy}
        onKeepMine={keepMine}
        onTakeTheirs={takeTheirs}
        onClose={conflict.close}
      />
    </form>
  );
}
