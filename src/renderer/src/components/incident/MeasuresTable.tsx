// The measures and the reports to authorities of one incident, as small tables with an edit button.
import { Button, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Measure } from '@shared/api/measures';
import type { ExternalReport } from '@shared/api/externalReports';
import { MAATREGEL, MAATREGEL_STATUS, INSTANTIE, MELDING_SOORT } from '@shared/domain';
import { label, shortDate } from '../format';
import { LetterButton } from '../letters/LetterButton';
import { hasReportLetter, useLetterKinds } from '../letters/useLetterKinds';
import { can } from '../../server/can';

export function MeasuresTable({ measures, onEdit }: { measures: Measure[]; onEdit: (m: Measure) => void }) {
  const { t } = useTranslation('incidents');
  if (!measures.length)
    return (
      <Text size="sm" c="dimmed">
        {t('measures.none')}
      </Text>
    );
  return (
    <Table withTableBorder verticalSpacing="xs" data-testid="maatregelen">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('measures.persoon')}</Table.Th>
          <Table.Th>{t('measures.soort')}</Table.Th>
          <Table.Th>{t('measures.status')}</Table.Th>
          <Table.Th>{t('measures.besluitDatum')}</Table.Th>
          <Table.Th>{t('measures.periode')}</Table.Th>
          <Table.Th>{t('measures.duurDagen')}</Table.Th>
          <Table.Th miw={120}>
            <VisuallyHidden>{t('common:actions.edit')}</VisuallyHidden>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {measures.map((m) => (
          <Table.Tr key={m.id}>
            <Table.Td>
              <a href={`#/personen/${m.personId}/dossier`}>{m.persoon.naam}</a>
            </Table.Td>
            <Table.Td>{label(MAATREGEL, m.soort)}</Table.Td>
            <Table.Td>{label(MAATREGEL_STATUS, m.status)}</Table.Td>
            <Table.Td>{shortDate(m.besluitDatum)}</Table.Td>
            <Table.Td>{m.startdatum ? `${shortDate(m.startdatum)} – ${shortDate(m.einddatum)}` : ''}</Table.Td>
            <Table.Td>{m.duurDagen ?? ''}</Table.Td>
            <Table.Td>
              <Group gap="xs">
                {can('measures.update') && (
                  <Button
                    size="compact-sm"
                    variant="light"
                    onClick={() => onEdit(m)}
                    aria-label={t('measures.editOf', { soort: label(MAATREGEL, m.soort), naam: m.persoon.naam })}
                  >
                    {t('common:actions.edit')}
                  </Button>
                )}
                {/* Letters for this measure: preview, then "Definitief maken". */}
                {m.status !== 'ingetrokken' && <LetterButton measureId={m.id} />}
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function ReportsTable({ reports, onEdit }: { reports: ExternalReport[]; onEdit: (r: ExternalReport) => void }) {
  const { t } = useTranslation('incidents');
  const letterKinds = useLetterKinds();
  if (!reports.length)
    return (
      <Text size="sm" c="dimmed">
        {t('reports.none')}
      </Text>
    );
  return (
    <Table withTableBorder verticalSpacing="xs" data-testid="externe-meldingen">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('reports.instantie')}</Table.Th>
          <Table.Th>{t('reports.soort')}</Table.Th>
          <Table.Th>{t('reports.datum')}</Table.Th>
          <Table.Th>{t('reports.door')}</Table.Th>
          <Table.Th>{t('reports.kenmerk')}</Table.Th>
          <Table.Th miw={120}>
            <VisuallyHidden>{t('common:actions.edit')}</VisuallyHidden>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {reports.map((r) => (
          <Table.Tr key={r.id}>
            <Table.Td>{label(INSTANTIE, r.instantie)}</Table.Td>
            <Table.Td>{label(MELDING_SOORT, r.soort)}</Table.Td>
            <Table.Td>
              {shortDate(r.datum)} {r.tijd ?? ''}
            </Table.Td>
            <Table.Td>{r.door}</Table.Td>
            <Table.Td className="sp-wrap">{r.kenmerk}</Table.Td>
            <Table.Td>
              <Group gap="xs">
                {can('externalReports.update') && (
                  <Button
                    size="compact-sm"
                    variant="light"
                    onClick={() => onEdit(r)}
                    aria-label={t('reports.editOf', { instantie: label(INSTANTIE, r.instantie) })}
                  >
                    {t('common:actions.edit')}
                  </Button>
                )}
                {hasReportLetter(letterKinds, r.instantie) && <LetterButton reportId={r.id} personId={r.personId ?? undefined} />}
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
