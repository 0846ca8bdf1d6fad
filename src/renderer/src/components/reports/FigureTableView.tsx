// One table of the yearly figures: label, this year, last year, change; the total in bold.
import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FigureRow } from '@shared/api/yearReports';

export function FigureTableView({
  caption,
  labelHeader,
  rows,
  totaal,
  years,
  testId,
}: {
  caption: string;
  labelHeader: string;
  rows: (FigureRow & { naam: string })[];
  totaal: FigureRow | null;
  years: { huidig: string; vorig: string };
  testId?: string;
}) {
  const { t } = useTranslation('reports');
  const num = { style: { textAlign: 'right' as const } };
  return (
    <Table withTableBorder striped verticalSpacing={4} fz="sm" data-testid={testId} aria-label={caption}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{labelHeader}</Table.Th>
          <Table.Th scope="col" {...num}>
            {years.huidig}
          </Table.Th>
          <Table.Th scope="col" {...num}>
            {years.vorig}
          </Table.Th>
          <Table.Th scope="col" {...num}>
            {t('table.change')}
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.key}>
            <Table.Th scope="row" fw={400}>
              {r.naam}
            </Table.Th>
            <Table.Td {...num}>{r.huidig.tekst}</Table.Td>
            <Table.Td {...num}>{r.vorig.tekst}</Table.Td>
            <Table.Td {...num}>{r.verandering}</Table.Td>
          </Table.Tr>
        ))}
        {totaal && (
          <Table.Tr fw={700}>
            <Table.Th scope="row">{t('table.total')}</Table.Th>
            <Table.Td {...num}>{totaal.huidig.tekst}</Table.Td>
            <Table.Td {...num}>{totaal.vorig.tekst}</Table.Td>
            <Table.Td {...num}>{totaal.verandering}</Table.Td>
          </Table.Tr>
        )}
      </Table.Tbody>
    </Table>
  );
}
