import { useId } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useDebounced } from './use-debounced';
import { useI18n } from '../i18n/i18n-context';

interface SuggestInputProps {
  id: string;
  value: string;
  onChange(v: string): void;
  placeholder: string;
  /** What the hub holds, matching a typed prefix (GET /reports/regions, /reports/categories). */
  suggest(q: string): Promise<{ items: { value: string; count: number }[] }>;
  kind: string;
}

/**
 * A filter that offers the hub's own values (regions, categories) as the person types, so the
 * exact filter is picked, not guessed; each suggestion says how many rows carry it.
 */
export function SuggestInput({ id, value, onChange, placeholder, suggest, kind }: SuggestInputProps) {
  const i18n = useI18n();
  const listId = `${useId()}-suggest`;
  const q = useDebounced(value.trim());
  const options = useQuery({ queryKey: ['suggest', kind, q], queryFn: () => suggest(q), staleTime: 60_000 });
  return (
    <>
      <input id={id} list={listId} autoComplete="off" placeholder={placeholder} value={value} onChange={(e) => onChange(e.target.value)} data-testid={`suggest-${kind}`} />
      <datalist id={listId}>
        {options.data?.items.map((o) => (
          <option key={o.value} value={o.value}>
            {i18n.t('web.suggest.count', { count: o.count })}
          </option>
        ))}
      </datalist>
    </>
  );
}
