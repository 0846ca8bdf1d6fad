// A grid on a paged API: AG Grid's infinite row model asks for blocks of 100 rows with the sort the
// user clicked; the page's fetch function turns that into one API call and returns rows + total.
// Above the grid: how many rows match. Cells and headers cut off with "…" show their full text on hover.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { Group, Text } from '@mantine/core';
import { AgGridReact } from 'ag-grid-react';
import type {
  ColDef,
  IDatasource,
  SortModelItem,
  CellKeyDownEvent,
  RowClickedEvent,
  GetRowIdParams,
  ITooltipParams,
} from 'ag-grid-community';
import { useTranslation } from 'react-i18next';
import { notifyError } from '../notify';
import { useDataVersion } from '../useLoad';
import { gridTheme } from './theme';
// Registers the AG Grid modules once, when the first page with a grid loads (not at start).
import './modules';

export interface PageRequest {
  offset: number;
  limit: number;
  sort: SortModelItem | null;
}

export type PageResult<T> = { ok: true; rows: T[]; total: number } | { ok: false; message: string };

interface Props<T extends { id: number }> {
  columns: ColDef<T>[];
  /** Fetches one block; a new function (new filters) makes the grid start over. */
  fetchPage: (req: PageRequest) => Promise<PageResult<T>>;
  onOpen: (row: T) => void;
  ariaLabel: string;
  /** Test hook and accessibility: identifies the grid on the page. */
  testId?: string;
  /** The result count above the grid, e.g. "128 meldingen". */
  countLabel: (total: number) => string;
  /** The sort the grid shows now (null: the list's default), e.g. for an export in the same order. */
  onSort?: (sort: SortModelItem | null) => void;
  /** Shown to the right of the count, e.g. "Filters wissen". */
  children?: ReactNode;
  /** Pixels; e.g. room for two lines of text (columns with wrapText). */
  rowHeight?: number;
}

const PAGE_SIZE = 100;

/**
 * With overlay scroll bars (headless Chromium, macOS trackpads) the browser reports a width of 0,
 * yet the grid draws a 16px scroll strip over the last column; telling it the width keeps the flex
 * columns clear of it.
 */
const overlayScrollbars = (() => {
  const d = document.createElement('div');
  d.style.cssText = 'width:100px;height:100px;overflow:scroll;position:absolute;top:-9999px';
  document.body.appendChild(d);
  const w = d.offsetWidth - d.clientWidth;
  d.remove();
  return w === 0;
})();

/** A cell's tooltip: its text as shown (shown only when the cell is cut off, see tooltipShowMode). */
const cellTooltip = (p: ITooltipParams) => {
  const v = p.valueFormatted ?? p.value;
  return v === null || v === undefined || v === '' ? undefined : String(v);
};

export function InfiniteGrid<T extends { id: number }>({
  columns,
  fetchPage,
  onOpen,
  ariaLabel,
  testId,
  countLabel,
  onSort,
  children,
  rowHeight,
}: Props<T>) {
  const { t, i18n } = useTranslation('common');
  const gridRef = useRef<AgGridReact<T>>(null);
  const [total, setTotal] = useState<number | null>(null);
  // Through the theme, so one-line cells stay centred in a taller row (their line height follows it).
  const theme = useMemo(() => (rowHeight ? gridTheme.withParams({ rowHeight }) : gridTheme), [rowHeight]);

  const datasource = useMemo<IDatasource>(
    () => ({
      rowCount: undefined,
      getRows: (params) => {
        const sort = params.sortModel[0] ?? null;
        void fetchPage({ offset: params.startRow, limit: params.endRow - params.startRow, sort }).then((r) => {
          if (r.ok) {
            params.successCallback(r.rows, r.total);
            setTotal(r.total);
            onSort?.(sort);
            if (r.total === 0) gridRef.current?.api?.showNoRowsOverlay();
            else gridRef.current?.api?.hideOverlay();
          } else {
            params.failCallback();
            notifyError(r.message, t('errors.loadFailed'));
          }
        });
      },
    }),
    [fetchPage, t, onSort],
  );

  const localeText = useMemo(
    () => t('grid', { returnObjects: true }) as Record<string, string>,
    // The grid texts follow the language switch.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [t, i18n.language],
  );

  // Like every loaded page (useLoad): after any write, the rows on screen are read again, in place.
  const version = useDataVersion();
  const firstVersion = useRef(version);
  useEffect(() => {
    if (version !== firstVersion.current) gridRef.current?.api?.refreshInfiniteCache();
  }, [version]);

  const onRowClicked = useCallback((e: RowClickedEvent<T>) => e.data && onOpen(e.data), [onOpen]);
  const onCellKeyDown = useCallback(
    (e: CellKeyDownEvent<T> | { event?: Event | null; data?: T }) => {
      const ke = e.event as KeyboardEvent | undefined;
      if (ke?.key === 'Enter' && e.data) onOpen(e.data);
    },
    [onOpen],
  );
  const getRowId = useCallback((p: GetRowIdParams<T>) => String(p.data.id), []);

  const defaultColDef = useMemo<ColDef<T>>(() => ({ sortable: false, resizable: true, minWidth: 90, tooltipValueGetter: cellTooltip }), []);
  // Every header carries its own name as tooltip, for when the column is too narrow to show it.
  const columnDefs = useMemo(() => columns.map((c) => ({ headerTooltip: c.headerName, ...c })), [columns]);

  return (
    <>
      <Group justify="space-between" mb={6} mih={28}>
        <Text size="sm" fw={600} aria-live="polite" data-testid={testId ? `${testId}-aantal` : undefined}>
          {total === null ? '' : countLabel(total)}
        </Text>
        {children}
      </Group>
      <div className="sp-grid" role="region" aria-label={ariaLabel} data-testid={testId}>
        <AgGridReact<T>
          key={i18n.language}
          ref={gridRef}
          theme={theme}
          rowModelType="infinite"
          datasource={datasource}
          cacheBlockSize={PAGE_SIZE}
          maxBlocksInCache={20}
          infiniteInitialRowCount={1}
          columnDefs={columnDefs}
          tooltipShowMode="whenTruncated"
          tooltipShowDelay={400}
          defaultColDef={defaultColDef}
          getRowId={getRowId}
          localeText={localeText}
          onRowClicked={onRowClicked}
          onCellKeyDown={onCellKeyDown}
          rowStyle={{ cursor: 'pointer' }}
          // Reserve the scroll bar's width from the start, so flex columns never end up under it.
          alwaysShowVerticalScroll
          scrollbarWidth={overlayScrollbars ? 16 : undefined}
        />
      </div>
    </>
  );
}
