// "Binnengekomen meldingen": the registrar's queue of reports by staff, new ones first (AG Grid:
// the queue grows over the years). Opening one shows its facts and files and the three ways to
// handle it (SubmissionReview).
import { useCallback, useMemo, useState } from 'react';
import { Badge, SegmentedControl } from '@mantine/core';
import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import { useTranslation } from 'react-i18next';
import type { SubmissionRow, SubmissionStatus } from '@shared/api/submissions';
import { call } from '../../api/client';
import { InfiniteGrid } from '../grid/InfiniteGrid';
import type { PageRequest } from '../grid/InfiniteGrid';
import { useRouter } from '../router';
import { dateTime, shortDate } from '../format';
import { STATUS_COLOR } from './SubmissionForm';

type Filter = 'nieuw' | 'alle';

export function SubmissionQueue() {
  const { t, i18n } = useTranslation('submissions');
  const { navigate } = useRouter();
  const [filter, setFilter] = useState<Filter>('nieuw');

  const fetchPage = useCallback(
    async ({ offset, limit }: PageRequest) => {
      const r = await call('submissions.list', { offset, limit, status: filter === 'nieuw' ? ['nieuw'] : undefined });
      return r.ok ? { ok: true as const, rows: r.value.rows, total: r.value.total } : { ok: false as const, message: r.error.message };
    },
    [filter],
  );

  const columns = useMemo<ColDef<SubmissionRow>[]>(
    () => [
      { field: 'createdAt', headerName: t('fields.ontvangen'), width: 135, sortable: false, valueFormatter: (p) => dateTime(p.value) },
      { field: 'datum', headerName: t('fields.datum'), width: 110, sortable: false, valueFormatter: (p) => shortDate(p.value) },
      { field: 'melder', headerName: t('fields.melder'), flex: 1, minWidth: 120, sortable: false },
      { field: 'wat', headerName: t('fields.wat'), flex: 2, minWidth: 150, sortable: false },
      { field: 'aantalBestanden', headerName: t('fields.bestanden'), width: 80, sortable: false, type: 'rightAligned' },
      {
        field: 'status',
        headerName: t('fields.status'),
        width: 140,
        sortable: false,
        cellRenderer: (p: ICellRendererParams<SubmissionRow, SubmissionStatus>) =>
          p.value ? (
            <Badge color={STATUS_COLOR[p.value]} variant="light">
              {t(`status.${p.value}`)}
              {p.data?.incidentNummer ? ` · ${p.data.incidentNummer}` : ''}
            </Badge>
          ) : null,
      },
    ],
    // Labels follow the language.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [t, i18n.language],
  );

  const open = useCallback((row: SubmissionRow) => navigate(`/melden/binnengekomen/${row.id}`), [navigate]);

  return (
    <InfiniteGrid<SubmissionRow>
      columns={columns}
      fetchPage={fetchPage}
      onOpen={open}
      ariaLabel={t('queue.title')}
      testId="binnengekomen-grid"
      countLabel={(count) => t('queue.count', { count, aantal: count.toLocaleString(i18n.language) })}
    >
      <SegmentedControl
        size="xs"
        value={filter}
        onChange={(x) => setFilter(x as Filter)}
        aria-label={t('queue.filter')}
        data={[
          { value: 'nieuw', label: t('queue.onlyNew') },
          { value: 'alle', label: t('queue.all') },
        ]}
      />
    </InfiniteGrid>
  );
}
