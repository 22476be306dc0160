import type { PagedList } from './use-paged-list';

/** A report answered whole (no cursor) as the table's list: one page, nothing more to load. */
export function wholeList<T>(rows: T[], q: { isLoading: boolean; error: unknown; refetch?: () => unknown; isFetching?: boolean }): Pick<PagedList<T>, 'rows' | 'isLoading' | 'error' | 'hasMore' | 'loadMore' | 'isLoadingMore' | 'fetchPage' | 'refetch'> {
  return {
    rows,
    isLoading: q.isLoading,
    error: q.error as PagedList<T>['error'],
    hasMore: false,
    loadMore: () => {},
    isLoadingMore: false,
    refetch: () => void q.refetch?.(),
    fetchPage: () => Promise.resolve({ items: rows, nextCursor: null }),
  };
}
