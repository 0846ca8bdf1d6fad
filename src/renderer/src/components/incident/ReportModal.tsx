// A report to an authority (vertrouwensinspecteur, politie, Inspectie via ISD, leerplichtambtenaar)
// with its own fields: date, time, by whom, reference number; police unit and address for the police.
import { useState } from 'react';
import { Button, Group, Modal, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import type { ExternalReport, ExternalReportInput } from '@shared/api/externalReports';
import type { Measure } from '@shared/api/measures';
import type { PersonRef } from '@shared/api/people';
import { INSTANTIE, MELDING_SOORT, MAATREGEL } from '@shared/domain';
import { useFormState, str } from '../useFormState';
import { DateField, TimeField, SaveError, submitOnly } from '../fields';
import { options, label, shortDate } from '../format';
import { personLabel } from '../people/PersonPicker';

interface Values {
  instantie: string;
  soort: string;
  datum: string;
  tijd: string;
  door: string;
  kenmerk: string;
  politieEenheid: string;
  schooladresGebruikt: string;
  contactpersoon: string;
  toelichting: string;
  personId: string;
  measureId: string;
}

const FIELDS = [
  'instantie',
  'soort',
  'datum',
  'tijd',
  'door',
  'kenmerk',
  'politieEenheid',
  'schooladresGebruikt',
  'contactpersoon',
  'toelichting',
  'personId',
  'measureId',
];

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
  const r0 = report;
  const f = useFormState<Values>(
    {
      instantie: r0?.instantie ?? '',
      soort: r0?.soort ?? '',
      datum: r0?.datum ?? today,
      tijd: str(r0?.tijd),
      door: r0 ? str(r0.door) : defaultDoor,
      kenmerk: str(r0?.kenmerk),
      politieEenheid: str(r0?.politieEenheid),
      schooladresGebruikt: r0?.schooladresGebruikt == null ? '' : r0.schooladresGebruikt ? 'ja' : 'nee',
      contactpersoon: str(r0?.contactpersoon),
      toelichting: str(r0?.toelichting),
      personId: r0?.personId ? String(r0.personId) : '',
      measureId: r0?.measureId ? String(r0.measureId) : '',
    },
    (p) => FIELDS.includes(p),
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const politie = f.values.instantie === 'politie';

  const save = async () => {
    setBusy(true);
    setError(null);
    const v = f.values;
    const input: ExternalReportInput = {
      incidentId,
      instantie: v.instantie as ExternalReportInput['instantie'],
      soort: v.soort as ExternalReportInput['soort'],
      datum: v.datum,
      tijd: v.tijd,
      door: v.door,
      kenmerk: v.kenmerk,
      politieEenheid: politie ? v.politieEenheid : '',
      schooladresGebruikt: politie && v.schooladresGebruikt ? v.schooladresGebruikt === 'ja' : null,
      contactpersoon: v.contactpersoon,
      toelichting: v.toelichting,
      personId: v.personId ? Number(v.personId) : null,
      measureId: v.measureId ? Number(v.measureId) : null,
    };
    const r = report ? await call('externalReports.update', { ...input, id: report.id }) : await call('externalReports.create', input);
    setBusy(false);
    if (r.ok) {
      onSaved(r.value);
      onClose();
    } else setError(f.showError(r.error));
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
          <Button type="submit" loading={busy}>
            {t('common:actions.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
