import { useEffect, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n-context';
import { Notice } from '../ui/notice';

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * The first page for the current filters (after a short pause in typing), and more on request.
 * `fail` words the error; `clearOnError` empties the list when the filters found nothing to show.
 */
export function usePagedHistory<T>(load: (cursor?: string) => Promise<Page<T>>, filters: readonly unknown[], fail: (err: unknown) => string, { clearOnError = false } = {}) {
  const [items, setItems] = useState<T[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    let stale = false;
    setLoading(true);
    const timer = window.setTimeout(() => {
      load().then(
        (r) => {
          if (stale) return;
          setItems(r.items);
          setCursor(r.nextCursor);
          setError(null);
          setLoading(false);
        },
        (err: unknown) => {
          if (stale) return;
          if (clearOnError) {
            setItems([]);
            setCursor(null);
          }
          setError(fail(err));
          setLoading(false);
        },
      );
    }, 150);
    return () => {
      stale = true;
      window.clearTimeout(timer);
    };
    // The filters are what the loader reads; a new loader each render must not refetch.
  }, filters);

  const more = async () => {
    if (!cursor) return;
    const r = await load(cursor);
    setItems((old) => [...old, ...r.items]);
    setCursor(r.nextCursor);
  };
  return { items, cursor, error, setError, loading, more };
}

interface HistoryListProps<T> {
  list: ReturnType<typeof usePagedHistory<T>>;
  filters: ReactNode;
  /** Shown between the filters and the table (e.g. a chain check's answer). */
  notice?: ReactNode;
  empty: string;
  testId: string;
  headers: ReactNode;
  row(item: T): ReactNode;
}

/** A history tab: filters, any error, the table (or why it is empty) and "load more". */
export function HistoryList<T>({ list, filters, notice, empty, testId, headers, row }: HistoryListProps<T>) {
  const { t } = useI18n();
  return (
    <div className="card">
      <div className="card-pad row-wrap filters">{filters}</div>
      {notice}
      {list.error && (
        <div className="card-pad">
          <Notice kind="error">{list.error}</Notice>
        </div>
      )}
      <div className="table-wrap">
        {list.items.length === 0 ? (
          <div className="empty">{empty}</div>
        ) : (
          <table className="table" data-testid={testId}>
            <thead>
              <tr>{headers}</tr>
            </thead>
            <tbody>{list.items.map(row)}</tbody>
          </table>
        )}
      </div>
      {list.cursor && (
        <div className="card-pad row table-foot">
          <span className="muted">{t('common.showingCount', { shown: list.items.length })}</span>
          <button className="btn btn-sm" onClick={() => void list.more()}>
            {t('common.loadMore')}
          </button>
        </div>
      )}
    </div>
  );
}
