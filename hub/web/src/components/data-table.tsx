import { useMemo, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { loadName, type NameKind } from '../features/shared/name-batch';
import {
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type SortingState,
} from '@tanstack/react-table';
import { apiCsv, type Query } from '../api/client';
import type { HubPath } from '../api/hub-routes';
import { ApiError, errorMessage } from '../api/api-error';
import { csvMoneyHeader, csvMoneyValue, downloadText, stampedName, toCsv } from './csv';
import type { PagedList } from './use-paged-list';
import { useI18n } from '../i18n/i18n-context';

const EXPORT_CAP = 50_000;

export interface Column<T> {
  id: string;
  header: string;
  cell: (row: T) => ReactNode;
  /** The value exported to CSV; columns without one are left out of the export. */
  csv?: (row: T) => unknown;
  /** An amount in minor units, exported in the hub's currency with its code in the header ("Price (PKR)"). */
  csvMoney?: (row: T) => number | null | undefined;
  /** Makes the column sortable (within the loaded rows). */
  sort?: (row: T) => string | number | null;
  align?: 'right' | 'center';
  /** Hidden on phone-sized screens to keep the table readable. */
  minor?: boolean;
  /** Never shown, only exported (e.g. a code already shown under the name). */
  hidden?: boolean;
  /** Long text (names) may wrap; everything else stays on one line. */
  wrap?: boolean;
  /**
   * What the column's CSV cell reads from the name lookup (a store's time zone, a product's
   * unit, a name): before a file is written these are looked up for every exported row, not
   * only the rows on screen, so `csv` finds them cached (one batched GET /names per 200).
   */
  csvNeeds?: (row: T) => [NameKind, string | null | undefined][];
}

export interface DataTableProps<T> {
  caption: string;
  columns: Column<T>[];
  list: Pick<PagedList<T>, 'rows' | 'isLoading' | 'error' | 'hasMore' | 'loadMore' | 'isLoadingMore' | 'fetchPage'> &
    Partial<Pick<PagedList<T>, 'refetch' | 'isFetching' | 'total'>>;
  rowKey: (row: T) => string;
  onRowClick?: (row: T) => void;
  /** CSV from the API (`?format=csv` with the same filters) when it offers one; else from loaded rows. */
  csv: { filename: string; api?: { path: HubPath<'GET'>; query: Query } | undefined };
  empty?: string;
  toolbar?: ReactNode;
  testId?: string;
}

export function DataTable<T>({ caption, columns, list, rowKey, onRowClick, csv, empty, toolbar, testId }: DataTableProps<T>) {
  const i18n = useI18n();
  const qc = useQueryClient();
  const { t, currency } = i18n;
  const [sorting, setSorting] = useState<SortingState>([]);
  const [exportNote, setExportNote] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);

  const defs = useMemo<ColumnDef<T, unknown>[]>(
    () =>
      columns
        .filter((c) => !c.hidden)
        .map((c) => ({
        id: c.id,
        header: c.header,
        accessorFn: (row: T) => (c.sort ? c.sort(row) : null),
        cell: (ctx) => c.cell(ctx.row.original),
        enableSorting: !!c.sort,
        meta: c,
      })),
    [columns],
  );
  const table = useReactTable({
    data: list.rows,
    columns: defs,
    state: { sorting },
    onSortingChange: setSorting,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getRowId: rowKey,
  });

  /**
   * Client-side CSV for lists the hub cannot export itself: walk the same filtered query by
   * cursor in pages of 500 (an explicit export, not a page view), up to EXPORT_CAP rows.
   */
  async function exportByCursor(reason: string) {
    const cols = columns.filter((c) => c.csv || c.csvMoney);
    const items: T[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await list.fetchPage(cursor, 500);
      items.push(...page.items);
      cursor = page.nextCursor ?? undefined;
      pages++;
      if (pages % 4 === 0) setExportNote(t('web.table.exportingSoFar', { count: items.length }));
    } while (cursor && items.length < EXPORT_CAP);
    const needs = new Map(cols.flatMap((c) => (c.csvNeeds ? items.flatMap((r) => c.csvNeeds!(r)) : [])).flatMap(([kind, id]) => (id ? [[`${kind}:${id}`, [kind, id] as const]] : [])));
    await Promise.all([...needs.values()].map(([kind, id]) => qc.fetchQuery({ queryKey: ['name', kind, id], queryFn: () => loadName(kind, id), staleTime: 5 * 60_000 })));
    const ordered = sorting.length ? sortLike(items) : items;
    const rows = ordered.map((r) => cols.map((c) => (c.csvMoney ? csvMoneyValue(c.csvMoney(r), currency) : c.csv?.(r))));
    downloadText(stampedName(csv.filename), toCsv(cols.map((c) => (c.csvMoney ? csvMoneyHeader(c.header, currency) : c.header)), rows, i18n.timeZone));
    setExportNote(t(cursor ? 'web.table.exportedCapped' : 'web.table.exported', { count: rows.length, reason, cap: EXPORT_CAP }));
  }

  /** Apply the on-screen sort to exported rows too. */
  function sortLike(items: T[]): T[] {
    const [first] = sorting;
    const col = columns.find((c) => c.id === first?.id);
    if (!first || !col?.sort) return items;
    const dir = first.desc ? -1 : 1;
    return [...items].sort((a, b) => {
      const x = col.sort?.(a) ?? '';
      const y = col.sort?.(b) ?? '';
      return x < y ? -dir : x > y ? dir : 0;
    });
  }

  async function exportCsv() {
    setExporting(true);
    setExportNote(null);
    try {
      if (!csv.api) return await exportByCursor(t('web.table.noServerExport'));
      try {
        const file = await apiCsv(csv.api.path, csv.api.query);
        downloadText(stampedName(csv.filename), file.text);
        // Only what the hub vouches for: a cut file says how much is missing.
        if (file.truncated) setExportNote(t('web.table.exportedHubPart', { count: file.rows, total: file.total ?? file.rows }));
        else if (file.truncated === false) setExportNote(t('web.table.exportedHubAll', { count: file.rows }));
        else setExportNote(t('web.table.exportedHubRows', { count: file.rows }));
      } catch (err) {
        // A hub list without `?format=csv`: build the file here from the same query, and say so.
        if (err instanceof ApiError && (err.code === 'BAD_RESPONSE' || [400, 403, 404, 406].includes(err.status))) {
          await exportByCursor(t('web.table.hubNoCsv'));
        } else throw err;
      }
    } catch (err) {
      setExportNote(t('web.table.exportFailed', { error: errorMessage(err) }));
    } finally {
      setExporting(false);
    }
  }

  const sorted = sorting.length > 0;
  return (
    <section className="table-card" aria-label={caption} data-testid={testId}>
      <div className="table-toolbar">
        <div className="table-title">
          <h3>{caption}</h3>
          <span className="muted" data-testid="row-count">
            {list.isLoading
              ? t('common.loading')
              : (list.total !== undefined
                  ? t('web.table.rowsOf', { count: list.rows.length, total: list.total })
                  : t(list.hasMore ? 'web.table.rowsMore' : 'web.table.rows', { count: list.rows.length })) + (sorted && list.hasMore ? t('web.table.sortedLoaded') : '')}
          </span>
        </div>
        <div className="table-actions">
          {toolbar}
          {list.refetch && (
            <button type="button" className="btn btn-ghost" onClick={list.refetch} disabled={list.isFetching} aria-label={t('web.table.refreshOf', { caption })} title={t('web.table.refresh')}>
              ↻
            </button>
          )}
          <button type="button" className="btn btn-ghost" onClick={() => void exportCsv()} disabled={exporting}>
            {exporting ? t('web.table.exporting') : t('web.table.export')}
          </button>
        </div>
      </div>
      {exportNote && <p className="table-note">{exportNote}</p>}
      {list.error ? (
        <p className="form-error" role="alert">
          {errorMessage(list.error)}
        </p>
      ) : null}
      <div className="table-scroll">
        <table className="data-table">
          <thead>
            {table.getHeaderGroups().map((hg) => (
              <tr key={hg.id}>
                {hg.headers.map((h) => {
                  const meta = h.column.columnDef.meta as Column<T>;
                  const dir = h.column.getIsSorted();
                  return (
                    <th
                      key={h.id}
                      className={`${meta.align ? `align-${meta.align}` : ''}${meta.minor ? ' minor' : ''}`}
                      aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : undefined}
                    >
                      {h.column.getCanSort() ? (
                        <button type="button" className="th-sort" onClick={h.column.getToggleSortingHandler()}>
                          {flexRender(h.column.columnDef.header, h.getContext())}
                          <span aria-hidden="true">{dir === 'asc' ? ' ▲' : dir === 'desc' ? ' ▼' : ''}</span>
                        </button>
                      ) : (
                        flexRender(h.column.columnDef.header, h.getContext())
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.map((row) => (
              <tr
                key={row.id}
                className={onRowClick ? 'clickable' : undefined}
                onClick={onRowClick ? () => onRowClick(row.original) : undefined}
              >
                {row.getVisibleCells().map((cell) => {
                  const meta = cell.column.columnDef.meta as Column<T>;
                  return (
                    <td
                      key={cell.id}
                      data-label={meta.header}
                      className={`${meta.align ? `align-${meta.align}` : ''}${meta.minor ? ' minor' : ''}${meta.wrap ? ' wrap' : ''}`}
                    >
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </td>
                  );
                })}
              </tr>
            ))}
            {!list.isLoading && list.rows.length === 0 && (
              <tr>
                <td colSpan={defs.length} className="empty">
                  {empty ?? t('web.table.noMatch')}
                </td>
              </tr>
            )}
            {list.isLoading &&
              Array.from({ length: 5 }, (_, i) => (
                <tr key={`sk${i}`} className="skeleton-row">
                  <td colSpan={defs.length}>
                    <span className="skeleton" />
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
      </div>
      {list.hasMore && (
        <div className="table-more">
          <button type="button" className="btn" onClick={list.loadMore} disabled={list.isLoadingMore}>
            {list.isLoadingMore ? t('common.loading') : t('common.loadMore')}
          </button>
        </div>
      )}
    </section>
  );
}
