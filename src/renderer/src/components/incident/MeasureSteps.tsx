// Per measure of an incident, folded: its legal steps, hearings and what else is recorded about it.
// Each fold says how many steps are still open, so a closed fold hides nothing urgent.
import { Accordion, Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import type { Measure } from '@shared/api/measures';
import { MAATREGEL } from '@shared/domain';
import { useLoad } from '../useLoad';
import { label } from '../format';
import { MeasureCompliance } from '../obligations/Compliance';

export function MeasureSteps({ incidentId, measures }: { incidentId: number; measures: Measure[] }) {
  const { t } = useTranslation('incidents');
  const tasks = useLoad(() => call('obligations.list', { incidentId, status: ['open'], limit: 500 }), [incidentId]);
  if (measures.length === 0) return null;
  const openOf = (id: number) => tasks.data?.rows.filter((o) => o.measureId === id).length ?? 0;
  return (
    <Accordion variant="separated" mt="sm" data-testid="maatregel-stappen">
      {measures.map((m) => (
        <Accordion.Item key={m.id} value={String(m.id)}>
          <Accordion.Control>
            {t('measures.steps', { soort: label(MAATREGEL, m.soort), naam: m.persoon.naam })}
            {openOf(m.id) > 0 && (
              <Badge ml="sm" variant="filled" color="orange.2" autoContrast radius="sm">
                {t('measures.openSteps', { count: openOf(m.id) })}
              </Badge>
            )}
          </Accordion.Control>
          <Accordion.Panel>
            <MeasureCompliance measure={m} />
          </Accordion.Panel>
        </Accordion.Item>
      ))}
    </Accordion>
  );
}
