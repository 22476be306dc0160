import type { Page } from '@bazaar/shared';
import type { PageQuery } from '../../api/endpoints';
import { countActive } from '../filter-panel';
import { useUrlFilters } from '../url-filters';
import { usePagedList } from '../use-paged-list';
import { useDebounced } from '../use-debounced';

type Query = Record<string, string | undefined>;

/**
 * Text filters (debounced, trimmed), the "show archived" switch where the list has one, and the
 * paged list they select, fetched 50 rows at a time. The filters live in the page's address
 * (`/products?category=Grains&archived=shown`), so a reload or a shared link shows the same rows.
 */
export function useFilteredList<F extends Record<string, string>, T>(
  name: string,
  initial: F,
  fetch: (query: PageQuery) => Promise<Page<T>>,
  { archivable = false }: { archivable?: boolean } = {},
) {
  const [url, setUrl] = useUrlFilters(`/${name}`, { ...initial, archived: '' });
  const { archived: shown, ...rest } = url;
  const text = rest as unknown as F;
  const archived = shown === 'shown';
  const typed = useDebounced(JSON.stringify(text));
  const query: Query = { ...trimmed(JSON.parse(typed) as Record<string, string>), ...(archivable ? { archived: archived ? undefined : 'false' } : {}) };
  const list = usePagedList([name, 'list', query], (cursor, limit = 50) => fetch({ ...query, cursor, limit }));
  const set = (key: keyof F) => (value: string) => setUrl({ [key]: value } as Partial<F & { archived: string }>);
  const setArchived = (on: boolean) => setUrl({ archived: on ? 'shown' : '' } as Partial<F & { archived: string }>);
  return { text, set, archived, setArchived, query, active: countActive(query), list };
}

function trimmed(values: Record<string, string>): Query {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v.trim()]));
}
