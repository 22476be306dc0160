import { useQuery } from '@tanstack/react-query';
import type { Page } from '@bazaar/shared';

export const COUNT_CAP = 500;

export interface CappedCount<T> {
  count: number | null;
  /** True when more rows exist than one page holds: the card then shows "500+". */
  more: boolean;
  items: T[];
  isLoading: boolean;
  error: unknown;
}

/**
 * A count from one page of a list endpoint (limit 500). The hub has no count endpoint, and
 * walking every page of a 1000-store hub for a card is exactly what we must not do.
 */
export function useCappedCount<T>(key: readonly unknown[], fetchPage: (limit: number) => Promise<Page<T>>): CappedCount<T> {
  const q = useQuery({ queryKey: ['count', ...key], queryFn: () => fetchPage(COUNT_CAP), staleTime: 30_000 });
  return {
    count: q.data ? q.data.items.length : null,
    more: !!q.data?.nextCursor,
    items: q.data?.items ?? [],
    isLoading: q.isLoading,
    error: q.error,
  };
}

export function countText(c: { count: number | null; more: boolean }): string {
  if (c.count === null) return '…';
  return `${c.count.toLocaleString('en-IN')}${c.more ? '+' : ''}`;
}
