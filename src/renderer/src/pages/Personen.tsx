// Personen: pupils/students, staff, parents and externals in a grid on the paged API, with a search
// box (name, number or class: "3B") and a filter by kind. A row opens the person; the dossier is one
// click further. The export follows the grid's filters and sort.
import { useCallback, useMemo, useState } from 'react';
import { Button, Checkbox, Group, MultiSelect, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { ColDef, SortModelItem } from 'ag-grid-community';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import type { PersonRow } from '@shared/api/people';
import { PERSOON_SOORT } from '@shared/domain';
import type { PersoonSoort } from '@shared/domain';
import { InfiniteGrid } from '../components/grid/InfiniteGrid';
import type { PageRequest } from '../components/grid/InfiniteGrid';
import { PageHeader } from '../components/PageHeader';
import { ExportButton } from '../components/export/ExportButton';
import { useRouter } from '../components/router';
import { useSectorWords } from '../components/AppContext';
import { useSessionState } from '../components/useSessionState';
import { label, options, shortDate, cap } from '../components/format';
import { can } from '../server/can';

const SORTABLE = {
  naam: 'naam',
  soort: 'soort',
  groep: 'groep',
  leerlingnummer: 'leerlingnummer',
  geboortedatum: 'geboortedatum',
} as const;

interface Filters {
  search: string;
  soort: string[];
  uitgeschreven: boolean;
}

const NO_FILTERS: Filters = { search: '', soort: [], uitgeschreven: true };

const toSort = (s: SortModelItem | null) => {
  const field = s ? SORTABLE[s.colId as keyof typeof SORTABLE] : undefined;
  return field && s ? { field, dir: s.sort } : undefined;
};

export default function Personen() {
  const { t, i18n } = useTranslation('people');
  const { navigate } = useRouter();
  const words = useSectorWords();
  const [filters, setFilters] = useSessionState<Filters>('sp.personen.filters', NO_FILTERS);
  const [search] = useDebouncedValue(filters.search, 300);
  const [sort, setSort] = useState<SortModelItem | null>(null);
  const filtered = !!(filters.search.trim() || filters.soort.length || !filters.uitgeschreven);

  const fetchPage = useCallback(
    async (req: PageRequest) => {
      const r = await call('people.list', {
        offset: req.offset,
        limit: req.limit,
        sort: toSort(req.sort),
        soort: filters.soort.length ? (filters.soort as PersoonSoort[]) : undefined,
        search: search.trim() || undefined,
        inclusiefUitgeschreven: filters.uitgeschreven,
      });
      return r.ok ? { ok: true as const, rows: r.value.rows, total: r.value.total } : { ok: false as const, message: r.error.message };
    },
    [search, filters.soort, filters.uitgeschreven],
  );

  const columns = useMemo<ColDef<PersonRow>[]>(
    () => [
      {
        colId: 'naam',
        field: 'naam',
        headerName: t('fields.naam'),
        sortable: true,
        sort: 'asc',
        flex: 2,
        minWidth: 180,
        // People who left stay findable (their records are kept), marked as such.
        valueFormatter: (p) =>
          p.data?.uitgeschrevenOp ? t('list.left', { naam: p.value, datum: shortDate(p.data.uitgeschrevenOp) }) : p.value,
      },
      {
        colId: 'soort',
        field: 'soort',
        headerName: t('fields.soort'),
        sortable: true,
        width: 140,
        minWidth: 125,
        valueFormatter: (p) => label(PERSOON_SOORT, p.value),
      },
      {
        colId: 'groep',
        field: 'groep',
        headerName: t('fields.groepSector', { groep: cap(words.groep) }),
        sortable: true,
        width: 90,
        minWidth: 80,
      },
      {
        colId: 'leerlingnummer',
        field: 'leerlingnummer',
        headerName: t('fields.leerlingnummer'),
        sortable: true,
        width: 155,
        minWidth: 155,
      },
      { colId: 'functie', field: 'functie', headerName: t('fields.functie'), flex: 1, minWidth: 120, tooltipField: 'functie' },
      {
        colId: 'geboortedatum',
        field: 'geboortedatum',
        headerName: t('fields.geboortedatum'),
        sortable: true,
        width: 160,
        minWidth: 160,
        valueFormatter: (p) => shortDate(p.value),
      },
      { colId: 'email', field: 'email', headerName: t('fields.email'), flex: 1, minWidth: 140, tooltipField: 'email' },
      {
        colId: 'aantalMeldingen',
        field: 'aantalMeldingen',
        headerName: t('list.meldingen'),
        width: 110,
        minWidth: 105,
        type: 'rightAligned',
      },
    ],
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [t, i18n.language, words.groep],
  );

  const open = useCallback((row: PersonRow) => navigate(`/personen/${row.id}`), [navigate]);

  return (
    <>
      <PageHeader title={t('list.title')} subtitle={t('list.subtitle')}>
        <ExportButton
          method="exports.people"
          input={{
            soort: filters.soort.length ? (filters.soort as PersoonSoort[]) : undefined,
            search: search.trim() || undefined,
            inclusiefUitgeschreven: filters.uitgeschreven,
            sort: toSort(sort),
          }}
        />
        {can('people.create') && (
          <Button component="a" href="#/personen/nieuw" data-testid="persoon-nieuw">
            {t('list.new')}
          </Button>
        )}
      </PageHeader>
      <Group mb="md" align="flex-end" gap="sm">
        <TextInput
          label={t('list.search')}
          placeholder={t('list.searchPlaceholder', { groep: words.groep })}
          value={filters.search}
          onChange={(e) => {
            // Read now: React may run the updater after the event, when currentTarget is gone.
            const search = e.currentTarget.value;
            setFilters((f) => ({ ...f, search }));
          }}
          w={280}
          type="search"
          data-testid="personen-zoek"
        />
        <MultiSelect
          label={t('fields.soort')}
          data={options(PERSOON_SOORT)}
          value={filters.soort}
          onChange={(v) => setFilters((f) => ({ ...f, soort: v }))}
          clearable
          w={300}
          placeholder={t('list.all')}
        />
        <Checkbox
          mb={8}
          label={t('list.inclusiefUitgeschreven')}
          checked={filters.uitgeschreven}
          onChange={(e) => {
            const uitgeschreven = e.currentTarget.checked;
            setFilters((f) => ({ ...f, uitgeschreven }));
          }}
        />
      </Group>
      <InfiniteGrid<PersonRow>
        columns={columns}
        fetchPage={fetchPage}
        onOpen={open}
        ariaLabel={t('list.title')}
        testId="personen-grid"
        countLabel={(count) => t('list.count', { count, aantal: count.toLocaleString(i18n.language) })}
        onSort={setSort}
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
