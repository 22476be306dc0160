import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { Page } from '@bazaar/shared';

/**
 * A cursor-paged list: one page at a time from the API (`nextCursor`), more only on request.
 * The whole list is never fetched, so a hub with millions of rows stays cheap to browse.
 */
export function usePagedList<T>(
  key: readonly unknown[],
  fetchPage: (cursor: string | undefined, limit?: number) => Promise<Page<T>>,
  { enabled = true }: { enabled?: boolean } = {},
) {
  const query = useInfiniteQuery({
    queryKey: key,
    queryFn: ({ pageParam }) => fetchPage(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
  const rows = useMemo(() => query.data?.pages.flatMap((p) => p.items) ?? [], [query.data]);
  return {
    rows,
    isLoading: query.isLoading,
    error: query.error,
    hasMore: query.hasNextPage,
    loadMore: () => void query.fetchNextPage(),
    isLoadingMore: query.isFetchingNextPage,
    refetch: () => void query.refetch(),
    isFetching: query.isFetching,
    /** How many rows match the filters, when the hub counts them (with the first page). */
    total: query.data?.pages[0]?.total,
    /** Same filters, any page size: CSV export walks the cursor with this. */
    fetchPage,
  };
}

export type PagedList<T> = ReturnType<typeof usePagedList<T>>;
