import { useEffect, useState } from 'react';
import type { ProductView } from '../../core/core.api';
import { useApi } from '../api/api-context';

/** The products behind a document's lines (for their packs and stock), looked up once each by id. */
export function useProducts(ids: readonly string[]): ReadonlyMap<string, ProductView> {
  const api = useApi();
  const [found, setFound] = useState<ReadonlyMap<string, ProductView>>(new Map());
  const key = [...new Set(ids)].sort().join(',');
  useEffect(() => {
    let stale = false;
    const wanted = key ? key.split(',') : [];
    void Promise.all(wanted.map((id) => api.findProduct({ code: id }).catch(() => null))).then((ps) => {
      if (stale) return;
      setFound(new Map(ps.flatMap((p) => (p ? [[p.id, p] as const] : []))));
    });
    return () => {
      stale = true;
    };
  }, [api, key]);
  return found;
}
