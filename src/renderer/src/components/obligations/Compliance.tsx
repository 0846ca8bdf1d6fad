// What the compliance engine adds to an incident or a measure screen, in one embeddable piece each:
//   <Checklist loaded={useChecklist(12)} />  at the top: "possibly a sexual offence?" and its steps
//   <IncidentCompliance incidentId={12} checklist={…} />  the incident's own legal steps and the advice
//   <MeasureCompliance measure={m} />       the legal steps of one measure, its hearings, an objection
//                                           received against a pupil's schorsing or expulsion, and for
//                                           an expulsion the search for another school and a dispute
// Each step is shown once: a sexual-offence step in the checklist, a measure's step under its measure,
// the rest in the incident's list. Every list refreshes by itself after any write (useLoad).
import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Checklist as ChecklistData } from '@shared/api/obligations';
import type { Measure } from '@shared/api/measures';
import { Section } from '../fields';
import { ObligationList } from './ObligationList';
import { checklistShows } from './Checklist';
import { AdvicePanel } from './AdvicePanel';
import { Hearings } from './Hearings';
import { DisputeForm, ExpulsionSearch } from './ExpulsionSearch';
import { ObjectionForm } from './ObjectionForm';
import { can } from '../../server/can';

export function IncidentCompliance({ incidentId, checklist }: { incidentId: number; checklist: ChecklistData | null }) {
  const { t } = useTranslation('obligations');
  return (
    <Stack gap="md">
      <ObligationList incidentId={incidentId} eigenStappen title={t('list.title')} />
      <Section title={t('advice.title')}>
        {/* The checklist at the top already asks or lists the sexual-offence point. */}
        <AdvicePanel incidentId={incidentId} zonderZeden={checklistShows(checklist)} />
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

export function MeasureCompliance({ measure }: { measure: Measure }) {
  const { t } = useTranslation('obligations');
  const expulsion = measure.soort === 'voornemen_verwijdering' || measure.soort === 'verwijdering';
  return (
    <Stack gap="sm">
      <ObligationList measureId={measure.id} />
      {/* Hearings, searches, objection and dispute are read and recorded by the school leader only. */}
      {HEARINGS.has(measure.soort) && can('obligations.hearings.list') && (
        <>
          <Title order={3} size="h5">
            {t('hearings.title')}
          </Title>
          <Hearings measureId={measure.id} staff={measure.persoon.soort === 'medewerker'} />
        </>
      )}
      {expulsion && measure.persoon.soort === 'leerling' && can('obligations.searches.list') && (
        <>
          <Title order={3} size="h5">
            {t('searches.title')}
          </Title>
          <ExpulsionSearch measureId={measure.id} />
        </>
      )}
      {(measure.soort === 'schorsing' || measure.soort === 'verwijdering') &&
        measure.persoon.soort === 'leerling' &&
        can('obligations.objection.get') && (
          <>
            <Title order={3} size="h5">
              {t('objection.title')}
            </Title>
            <ObjectionForm measureId={measure.id} />
          </>
        )}
      {measure.soort === 'verwijdering' && can('obligations.dispute.get') && (
        <>
          <Title order={3} size="h5">
            {t('dispute.title')}
          </Title>
          <DisputeForm measureId={measure.id} />
        </>
      )}
    </Stack>
  );
}
