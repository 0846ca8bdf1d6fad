// Meldingen: every incident in a grid on the paged API (infinite row model), with quick search and
// filters for status, category, platform and school year. A row opens the incident; the export
// follows the grid's filters and sort.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Button, Group, MultiSelect, Select, TextInput } from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import type { ColDef, SortModelItem } from 'ag-grid-community';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import type { IncidentRow, IncidentListInput } from '@shared/api/incidents';
import { INCIDENT_STATUS, PLATFORM, ERNST } from '@shared/domain';
import { InfiniteGrid } from '../components/grid/InfiniteGrid';
import type { PageRequest } from '../components/grid/InfiniteGrid';
import { PageHeader } from '../components/PageHeader';
import { ExportButton } from '../components/export/ExportButton';
import { useRouter } from '../components/router';
import { useApp } from '../components/AppContext';
import { useCategories } from '../components/useCategories';
import { useSessionState } from '../components/useSessionState';
import { useLoad } from '../components/useLoad';
import { label, options, shortDate } from '../components/format';
import { can } from '../server/can';
import { previousSchoolYear, schoolYearOf } from '@shared/schoolYear';

type SortField = NonNullable<IncidentListInput['sort']>['field'];
const SORTABLE: Record<string, SortField> = {
  nummer: 'nummer',
  datumVoorval: 'datumVoorval',
  datumMelding: 'datumMelding',
  categorie: 'categorie',
  platform: 'platform',
  ernst: 'ernst',
  status: 'status',
};

interface Filters {
  search: string;
  status: string[];
  categorie: string[];
  platform: string[];
  schooljaar: string | null;
}

const NO_FILTERS: Filters = { search: '', status: [], categorie: [], platform: [], schooljaar: null };

const toSort = (s: SortModelItem | null) => (s && SORTABLE[s.colId] ? { field: SORTABLE[s.colId], dir: s.sort } : undefined);

/** "Hacken/accountmisbruik" may break after the slash (a zero-width space), which a browser does not do by itself. */
const breakAfterSlash = (s: string) => s.replaceAll('/', '/\u200B');

// Two lines per row, so a long category or several names wrap instead of being cut off.
const wrap = { wrapText: true, cellStyle: { lineHeight: '18px', display: 'flex', alignItems: 'center' } } as const;

/** Window width from which every column fits beside the menu; below it (1024×768) the grid has about 750 pixels. */
const WIDE_GRID = '(min-width: 1200px)';

export default function Meldingen() {
  const { t, i18n } = useTranslation('incidents');
  const { navigate } = useRouter();
  const { status } = useApp();
  const cats = useCategories();
  const wide = useMediaQuery(WIDE_GRID, window.matchMedia(WIDE_GRID).matches, { getInitialValueInEffect: false });
  const [filters, setFilters] = useSessionState<Filters>('sp.meldingen.filters', NO_FILTERS);
  const [sort, setSort] = useState<SortModelItem | null>(null);
  const filtered = !!(
    filters.search.trim() ||
    filters.status.length ||
    filters.categorie.length ||
    filters.platform.length ||
    filters.schooljaar
  );
  const [search] = useDebouncedValue(filters.search, 300);
  const setF = <K extends keyof Filters>(k: K, v: Filters[K]) => setFilters((f) => ({ ...f, [k]: v }));

  // The school years to offer: from the oldest incident up to this year.
  const oldest = useLoad(() => call('incidents.list', { offset: 0, limit: 1, sort: { field: 'datumVoorval', dir: 'asc' } }), []);
  const schoolYears = useMemo(() => {
    const current = status?.huidigSchooljaar;
    if (!current) return [];
    const first = oldest.data?.rows[0] ? schoolYearOf(oldest.data.rows[0].datumVoorval) : current;
    const years: string[] = [];
    for (let y = current; years.length < 30; y = previousSchoolYear(y)) {
      years.push(y);
      if (y <= first) break;
    }
    return years;
  }, [status, oldest.data]);

  const listFilter = useMemo(
    () => ({
      status: filters.status.length ? (filters.status as IncidentRow['status'][]) : undefined,
      categorie: filters.categorie.length ? filters.categorie : undefined,
      platform: filters.platform.length ? (filters.platform as IncidentRow['platform'][]) : undefined,
      schooljaar: filters.schooljaar ?? undefined,
    }),
    [filters.status, filters.categorie, filters.platform, filters.schooljaar],
  );

  // Keyset cursors per block start: scrolling on reads the next block straight from the index
  // instead of skipping rows (fast at any depth). A new sort or filter starts a new set.
  const cursors = useRef(new Map<string, string>());
  const fetchPage = useCallback(
    async (req: PageRequest) => {
      const sort = toSort(req.sort);
      const sortKey = sort ? `${sort.field}:${sort.dir}` : '';
      const r = await call('incidents.list', {
        offset: req.offset,
        limit: req.limit,
        na: cursors.current.get(`${sortKey}@${req.offset}`),
        sort,
        search: search.trim() || undefined,
        filter: listFilter,
      });
      if (!r.ok) return { ok: false as const, message: r.error.message };
      if (r.value.volgende) cursors.current.set(`${sortKey}@${req.offset + r.value.rows.length}`, r.value.volgende);
      return { ok: true as const, rows: r.value.rows, total: r.value.total };
    },
    [search, listFilter],
  );
  useEffect(() => cursors.current.clear(), [fetchPage]);

  // Number, date, platform, severity, status and count have the width of their longest value (no
  // "…" at 1366 pixels); category and names share the rest, on up to two lines. In a narrower window
  // (1024×768) platform, victims and the number of measures step back (the incident shows them) and
  // status wraps onto two lines, so the grid never scrolls sideways (the longest category still fits two).
  const columns = useMemo<ColDef<IncidentRow>[]>(
    () => [
      { colId: 'nummer', field: 'nummer', headerName: t('fields.nummer'), sortable: true, width: 108, minWidth: 108 },
      {
        colId: 'datumVoorval',
        field: 'datumVoorval',
        headerName: t('grid.datum'),
        headerTooltip: t('fields.datumVoorval'),
        sortable: true,
        sort: 'desc',
        width: 102,
        minWidth: 102,
        valueFormatter: (p) => shortDate(p.value),
      },
      {
        colId: 'categorie',
        field: 'categorie',
        headerName: t('fields.categorie'),
        sortable: true,
        flex: 2.4,
        minWidth: wide ? 226 : 236,
        ...wrap,
        valueFormatter: (p) => (p.value ? breakAfterSlash(cats.labelOf(p.value)) : ''),
      },
      {
        colId: 'platform',
        field: 'platform',
        headerName: t('fields.platform'),
        sortable: true,
        width: 94,
        minWidth: 94,
        hide: !wide,
        valueFormatter: (p) => label(PLATFORM, p.value),
      },
      {
        colId: 'ernst',
        field: 'ernst',
        headerName: t('fields.ernst'),
        sortable: true,
        width: 96,
        minWidth: 96,
        valueFormatter: (p) => label(ERNST, p.value),
      },
      {
        colId: 'status',
        field: 'status',
        headerName: t('fields.status'),
        sortable: true,
        ...(wide ? { width: 160, minWidth: 160 } : { width: 112, minWidth: 112, ...wrap }),
        valueFormatter: (p) => label(INCIDENT_STATUS, p.value),
      },
      {
        colId: 'daders',
        field: 'daders',
        headerName: t('grid.daders'),
        flex: 1,
        minWidth: 86,
        ...wrap,
      },
      {
        colId: 'slachtoffers',
        field: 'slachtoffers',
        headerName: t('grid.slachtoffers'),
        flex: 1,
        minWidth: 90,
        hide: !wide,
        ...wrap,
      },
      {
        colId: 'aantalMaatregelen',
        field: 'aantalMaatregelen',
        headerName: t('grid.maatregelen'),
        width: 118,
        minWidth: 118,
        hide: !wide,
        type: 'rightAligned',
      },
    ],
    // Labels follow the language and the loaded categories.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [t, i18n.language, cats.labelOf, wide],
  );

  const open = useCallback((row: IncidentRow) => navigate(`/meldingen/${row.id}`), [navigate]);

  return (
    <>
      <PageHeader title={t('list.title')} subtitle={t('list.subtitle')}>
        <ExportButton method="exports.incidents" input={{ filter: listFilter, search: search.trim() || undefined, sort: toSort(sort) }} />
        {can('incidents.create') && (
          <Button component="a" href="#/meldingen/nieuw">
            {t('list.new')}
          </Button>
        )}
      </PageHeader>
      <Group mb="md" align="flex-end" gap="sm" wrap="wrap">
        <TextInput
          label={t('list.search')}
          placeholder={t('list.searchPlaceholder')}
          value={filters.search}
          onChange={(e) => setF('search', e.currentTarget.value)}
          w={220}
          type="search"
          data-testid="meldingen-zoek"
        />
        <MultiSelect
          label={t('fields.status')}
          data={options(INCIDENT_STATUS)}
          value={filters.status}
          onChange={(v) => setF('status', v)}
          clearable
          w={190}
          placeholder={t('list.all')}
        />
        <MultiSelect
          label={t('fields.categorie')}
          data={cats.list.map((c) => ({ value: c.code, label: cats.labelOf(c.code) }))}
          value={filters.categorie}
          onChange={(v) => setF('categorie', v)}
          clearable
          searchable
          w={220}
          placeholder={t('list.all')}
        />
        <MultiSelect
          label={t('fields.platform')}
          data={options(PLATFORM)}
          value={filters.platform}
          onChange={(v) => setF('platform', v)}
          clearable
          w={180}
          placeholder={t('list.all')}
        />
        <Select
          label={t('fields.schooljaar')}
          data={schoolYears}
          value={filters.schooljaar}
          onChange={(v) => setF('schooljaar', v)}
          clearable
          w={140}
          placeholder={t('list.allYears')}
        />
      </Group>
      <InfiniteGrid<IncidentRow>
        columns={columns}
        fetchPage={fetchPage}
        onOpen={open}
        ariaLabel={t('list.title')}
        testId="meldingen-grid"
        countLabel={(count) => t('list.count', { count, aantal: count.toLocaleString(i18n.language) })}
        onSort={setSort}
        rowHeight={48}
      >
        {filtered && (
          <Button variant="subtle" size="compact-sm" onClick={() => setFilters(NO_FILTERS)} data-testid="filters-wissen">
            {t('common:actions.clearFilters')}
          </Button>
        )}
      </InfiniteGrid>
    </>
  );
}
