import { useState } from 'react';
import type { Page } from '@bazaar/shared';
import type { PageQuery } from '../../api/endpoints';
import { countActive } from '../filter-panel';
import { usePagedList } from '../use-paged-list';
import { useDebounced } from '../use-debounced';

type Query = Record<string, string | undefined>;

/**
 * Text filters (debounced, trimmed), the "show archived" switch where the list has one, and the
 * paged list they select, fetched 50 rows at a time.
 */
export function useFilteredList<F extends Record<string, string>, T>(
  name: string,
  initial: F,
  fetch: (query: PageQuery) => Promise<Page<T>>,
  { archivable = false }: { archivable?: boolean } = {},
) {
  const [text, setText] = useState<F>(initial);
  const [archived, setArchived] = useState(false);
  const typed = useDebounced(JSON.stringify(text));
  const query: Query = { ...trimmed(JSON.parse(typed) as Record<string, string>), ...(archivable ? { archived: archived ? undefined : 'false' } : {}) };
  const list = usePagedList([name, 'list', query], (cursor, limit = 50) => fetch({ ...query, cursor, limit }));
  const set = (key: keyof F) => (value: string) => setText((t) => ({ ...t, [key]: value }));
  return { text, set, archived, setArchived, query, active: countActive(query), list };
}

function trimmed(values: Record<string, string>): Query {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v.trim()]));
}
