// A report to an authority (vertrouwensinspecteur, politie, Inspectie via ISD, leerplichtambtenaar)
// with its own fields: date, time, by whom, reference number; police unit and address for the police.
import { useState } from 'react';
import { Button, Group, Modal, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useSubmit } from '../../api/useSubmit';
import type { ExternalReport, ExternalReportInput } from '@shared/api/externalReports';
import type { Measure } from '@shared/api/measures';
import type { PersonRef } from '@shared/api/people';
import { INSTANTIE, MELDING_SOORT, MAATREGEL } from '@shared/domain';
import { useFormState, str } from '../useFormState';
import { DateField, TimeField, SaveError, submitOnly } from '../fields';
import { options, label, shortDate } from '../format';
import { personLabel } from '../people/PersonPicker';
import { ConflictDialog, conflictRows, useConflict } from '../ConflictDialog';

/**
 * The fields the form holds as text under the contract's own name: with the three below the form's
 * one field list (values, start values, input and which messages sit next to a field follow from it;
 * a field the contract adds that is in neither list is a type error).
 */
const TEXT_FIELDS = [
  'instantie',
  'soort',
  'datum',
  'tijd',
  'door',
  'kenmerk',
  'politieEenheid',
  'contactpersoon',
  'toelichting',
] as const satisfies readonly (keyof ExternalReportInput & keyof ExternalReport)[];
type TextField = (typeof TEXT_FIELDS)[number];

/** Held as text too, but passed on otherwise: yes/no, and ids. */
type Values = Record<TextField | 'schooladresGebruikt' | 'personId' | 'measureId', string>;

const FIELDS = new Set<string>([...TEXT_FIELDS, 'schooladresGebruikt', 'personId', 'measureId']);

function initial(r: ExternalReport | null, today: string, door: string): Values {
  const start: Partial<Record<TextField, string>> = { datum: today, door };
  const text = {} as Record<TextField, string>;
  for (const k of TEXT_FIELDS) text[k] = r ? str(r[k]) : (start[k] ?? '');
  return {
    ...text,
    schooladresGebruikt: r?.schooladresGebruikt == null ? '' : r.schooladresGebruikt ? 'ja' : 'nee',
    personId: r?.personId ? String(r.personId) : '',
    measureId: r?.measureId ? String(r.measureId) : '',
  };
}

/** What the form passes on otherwise than as the text it holds (the police fields only for the police). */
const OTHER_INPUT = {
  incidentId: (_v, incidentId) => incidentId,
  politieEenheid: (v) => (v.instantie === 'politie' ? v.politieEenheid : ''),
  schooladresGebruikt: (v) => (v.instantie === 'politie' && v.schooladresGebruikt ? v.schooladresGebruikt === 'ja' : null),
  personId: (v) => (v.personId ? Number(v.personId) : null),
  measureId: (v) => (v.measureId ? Number(v.measureId) : null),
} satisfies { [K in keyof ExternalReportInput]?: (v: Values, incidentId: number) => ExternalReportInput[K] };

// Every field of the contract's input is in TEXT_FIELDS or OTHER_INPUT (else this line fails to compile).
const complete: Exclude<keyof ExternalReportInput, TextField | keyof typeof OTHER_INPUT> extends never ? true : never = true;
void complete;

function toInput(v: Values, incidentId: number): ExternalReportInput {
  const input: Record<string, unknown> = {};
  for (const k of TEXT_FIELDS) input[k] = v[k];
  for (const [k, to] of Object.entries(OTHER_INPUT)) input[k] = to(v, incidentId);
  return input as ExternalReportInput;
}

interface Props {
  opened: boolean;
  onClose: () => void;
  incidentId: number;
  people: PersonRef[];
  measures: Measure[];
  report: ExternalReport | null;
  today: string;
  defaultDoor: string;
  onSaved: (r: ExternalReport) => void;
}

export function ReportModal(props: Props) {
  const { t } = useTranslation('incidents');
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={props.report ? t('reports.edit') : t('reports.add')} size="xl">
      {props.opened && <ReportForm {...props} />}
    </Modal>
  );
}

function ReportForm({ onClose, incidentId, people, measures, report, today, defaultDoor, onSaved }: Props) {
  const { t } = useTranslation('incidents');
  const f = useFormState<Values>(initial(report, today, defaultDoor), (p) => FIELDS.has(p));
  const submit = useSubmit();
  const [error, setError] = useState<string | null>(null);
  const politie = f.values.instantie === 'politie';
  // The report as last read: its version goes with the save (docs/SERVER.md "Tegelijk bewerken").
  const [base, setBase] = useState(report);
  const conflict = useConflict<ExternalReport>();

  /** `versie`: the version to save over (the stored one, after "Mijn versie opslaan"). */
  const save = (versie?: number) => {
    const input = toInput(f.values, incidentId);
    return submit.run(
      () =>
        base
          ? call('externalReports.update', { ...input, id: base.id, versie: versie ?? base.versie })
          : call('externalReports.create', input),
      {
        form: f,
        error: setError,
        conflict: conflict.open,
        onSuccess: (saved) => {
          onSaved(saved);
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
      f.reset(initial(huidig, today, defaultDoor));
    });
  /** The form's fields as the user reads them, for the conflict dialog. */
  const shownReport = (v: Values): Record<string, string> => ({
    ...v,
    instantie: label(INSTANTIE, v.instantie),
    soort: label(MELDING_SOORT, v.soort),
    datum: shortDate(v.datum),
    schooladresGebruikt: v.schooladresGebruikt ? t(`common:${v.schooladresGebruikt === 'ja' ? 'yes' : 'no'}`) : '',
    personId: people.find((p) => String(p.id) === v.personId)?.naam ?? '',
    measureId: (() => {
      const m = measures.find((x) => String(x.id) === v.measureId);
      return m ? `${label(MAATREGEL, m.soort)} (${shortDate(m.besluitDatum)})` : '';
    })(),
  });
  const conflictLabels: Record<string, string> = {
    ...Object.fromEntries(TEXT_FIELDS.map((k) => [k, t(`reports.${k}`)])),
    schooladresGebruikt: t('reports.schooladresGebruikt'),
    personId: t('reports.persoon'),
    measureId: t('reports.maatregel'),
  };

  const text = (k: keyof Values, lbl: string) => (
    <TextInput label={lbl} value={f.values[k]} onChange={(e) => f.set(k, e.currentTarget.value)} error={f.err(k)} />
  );

  return (
    <form noValidate onSubmit={submitOnly(save)}>
      <Stack gap="sm">
        <SaveError error={error} />
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Select
            label={t('reports.instantie')}
            data={options(INSTANTIE)}
            value={f.values.instantie || null}
            onChange={(v) => f.set('instantie', v ?? '')}
            error={f.err('instantie')}
            required
          />
          <Select
            label={t('reports.soort')}
            data={options(MELDING_SOORT)}
            value={f.values.soort || null}
            onChange={(v) => f.set('soort', v ?? '')}
            error={f.err('soort')}
            required
          />
          <DateField
            label={t('reports.datum')}
            value={f.values.datum}
            onChange={(d) => f.set('datum', d)}
            error={f.err('datum')}
            required
          />
          <TimeField label={t('reports.tijd')} value={f.values.tijd} onChange={(v) => f.set('tijd', v)} error={f.err('tijd')} />
          {text('door', t('reports.door'))}
          {text('kenmerk', politie ? t('reports.kenmerkPolitie') : t('reports.kenmerk'))}
          {politie && (
            <>
              {text('politieEenheid', t('reports.politieEenheid'))}
              <Select
                label={t('reports.schooladresGebruikt')}
                data={[
                  { value: 'ja', label: t('common:yes') },
                  { value: 'nee', label: t('common:no') },
                ]}
                value={f.values.schooladresGebruikt || null}
                onChange={(v) => f.set('schooladresGebruikt', v ?? '')}
                error={f.err('schooladresGebruikt')}
                clearable
              />
            </>
          )}
          {text('contactpersoon', t('reports.contactpersoon'))}
          <Select
            label={t('reports.persoon')}
            data={people.map((p) => ({ value: String(p.id), label: personLabel(p) }))}
            value={f.values.personId || null}
            onChange={(v) => f.set('personId', v ?? '')}
            error={f.err('personId')}
            clearable
            allowDeselect={false}
          />
          {measures.length > 0 && (
            <Select
              label={t('reports.maatregel')}
              data={measures.map((m) => ({
                value: String(m.id),
                label: `${label(MAATREGEL, m.soort)} – ${m.persoon.naam} (${shortDate(m.besluitDatum)})`,
              }))}
              value={f.values.measureId || null}
              onChange={(v) => f.set('measureId', v ?? '')}
              error={f.err('measureId')}
              clearable
            />
          )}
        </SimpleGrid>
        <Textarea
          label={t('reports.toelichting')}
          value={f.values.toelichting}
          onChange={(e) => f.set('toelichting', e.currentTarget.value)}
          error={f.err('toelichting')}
          autosize
          minRows={2}
        />
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
            ? conflictRows(conflictLabels, shownReport(initial(conflict.conflict.huidig, today, '')), shownReport(f.values))
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
