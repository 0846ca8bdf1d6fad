// What the compliance engine adds to an incident or a measure screen, in one embeddable piece each:
//   <IncidentCompliance incidentId={12} />  the sexual-offence checklist, advice, and the legal steps
//                                           of the incident and its measures
//   <MeasureCompliance measure={m} />       the legal steps of one measure, its hearings, an objection
//                                           received against a pupil's schorsing or expulsion, and for
//                                           an expulsion the search for another school and a dispute
import { useState } from 'react';
import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Measure } from '../../../../shared/api/measures';
import { Section } from '../fields';
import { ObligationList } from './ObligationList';
import { Checklist } from './Checklist';
import { AdvicePanel } from './AdvicePanel';
import { Hearings } from './Hearings';
import { DisputeForm, ExpulsionSearch } from './ExpulsionSearch';
import { ObjectionForm } from './ObjectionForm';

export function IncidentCompliance({ incidentId, refreshKey }: { incidentId: number; refreshKey?: unknown }) {
  const { t } = useTranslation('obligations');
  const [tick, setTick] = useState(0);
  const bump = () => setTick((n) => n + 1);
  return (
    <Stack gap="md">
      <Checklist incidentId={incidentId} onChanged={bump} refreshKey={refreshKey} />
      <Section title={t('list.title')}>
        <ObligationList incidentId={incidentId} zonderZeden onChanged={bump} refreshKey={`${String(refreshKey)}-${tick}`} />
      </Section>
      <Section title={t('advice.title')}>
        <AdvicePanel incidentId={incidentId} refreshKey={`${String(refreshKey)}-${tick}`} />
      </Section>
    </Stack>
  );
}

const HEARINGS = new Set([
  'schorsing',
  'voornemen_verwijdering',
  'verwijdering',
  'schriftelijke_berisping',
  'inhouding_salaris',
  'ontslag',
]);

export function MeasureCompliance({ measure, onChanged }: { measure: Measure; onChanged?: () => void }) {
  const { t } = useTranslation('obligations');
  const [tick, setTick] = useState(0);
  const bump = () => {
    setTick((n) => n + 1);
    onChanged?.();
  };
  const expulsion = measure.soort === 'voornemen_verwijdering' || measure.soort === 'verwijdering';
  return (
    <Stack gap="sm">
      <ObligationList measureId={measure.id} onChanged={bump} refreshKey={`${measure.updatedAt}-${tick}`} />
      {HEARINGS.has(measure.soort) && (
        <>
          <Title order={3} size="h5">
            {t('hearings.title')}
          </Title>
          <Hearings measureId={measure.id} staff={measure.persoon.soort === 'medewerker'} onChanged={bump} />
        </>
      )}
      {expulsion && measure.persoon.soort === 'leerling' && (
        <>
          <Title order={3} size="h5">
            {t('searches.title')}
          </Title>
          <ExpulsionSearch measureId={measure.id} onChanged={bump} />
        </>
      )}
      {(measure.soort === 'schorsing' || measure.soort === 'verwijdering') && measure.persoon.soort === 'leerling' && (
        <>
          <Title order={3} size="h5">
            {t('objection.title')}
          </Title>
          <ObjectionForm measureId={measure.id} onChanged={bump} />
        </>
      )}
      {measure.soort === 'verwijdering' && (
        <>
          <Title order={3} size="h5">
            {t('dispute.title')}
          </Title>
          <DisputeForm measureId={measure.id} onChanged={bump} />
        </>
      )}
    </Stack>
  );
}
