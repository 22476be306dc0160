import { useState } from 'react';
import { navigate, useLocation } from '../app/router';

/**
 * A page's filters kept in its URL (a filtered view is a bookmark): read once from the address,
 * written back on every change without a new history entry.
 */
export function useUrlFilters<F extends Record<string, string>>(path: string, defaults: F): [F, (patch: Partial<F>) => void] {
  const { search } = useLocation();
  const [f, setF] = useState<F>(() => {
    const out: Record<string, string> = { ...defaults };
    for (const key of Object.keys(defaults)) out[key] = search.get(key) ?? defaults[key]!;
    return out as F;
  });
  const set = (patch: Partial<F>) => {
    const next = { ...f, ...patch };
    setF(next);
    const kept = Object.entries(next).filter(([k, v]) => v !== '' && v !== defaults[k]);
    navigate(`${path}${kept.length ? `?${new URLSearchParams(kept).toString()}` : ''}`, { replace: true });
  };
  return [f, set];
}
