import { useId, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useDebounced } from './use-debounced';
import { useI18n } from '../i18n/i18n-context';

export interface PickOption {
  id: string;
  label: string;
  sub?: string;
}

/** A search's answer with how many match in all (the hub's first-page total), when it knows. */
export interface PickResult {
  items: PickOption[];
  total?: number | undefined;
}

interface EntityPickerProps {
  id?: string;
  kind: string;
  value: PickOption | null;
  onChange(value: PickOption | null): void;
  /** Server-side search, so a picker over thousands of stores or products loads only what matches. */
  search(q: string): Promise<PickOption[] | PickResult>;
  placeholder?: string;
  allLabel?: string;
  describedBy?: string | undefined;
  invalid?: boolean;
  /** Anything else the search depends on (e.g. a region), so cached answers are not reused across it. */
  scope?: string;
}

export function EntityPicker({ id, kind, value, onChange, search, placeholder, allLabel, describedBy, invalid, scope }: EntityPickerProps) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const q = useDebounced(text.trim());
  const listId = useId();
  const options = useQuery({ queryKey: ['pick', kind, scope ?? '', q], queryFn: () => search(q), enabled: open, staleTime: 30_000 });
  const answer = options.data;
  const items = answer === undefined ? [] : Array.isArray(answer) ? answer : answer.items;
  const more = answer !== undefined && !Array.isArray(answer) && answer.total !== undefined ? answer.total - answer.items.length : 0;

  function choose(o: PickOption | null) {
    onChange(o);
    setText('');
    setOpen(false);
  }

  return (
    <div className="picker">
      <input
        id={id}
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-describedby={describedBy}
        aria-invalid={invalid || undefined}
        autoComplete="off"
        value={open ? text : (value?.label ?? '')}
        placeholder={value ? value.label : (placeholder ?? allLabel ?? t('web.picker.search', { kind }))}
        onFocus={() => {
          setOpen(true);
          setActive(0);
        }}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onChange={(e) => {
          setText(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, items.length - 1));
          else if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
          else if (e.key === 'Enter' && open && items[active]) {
            e.preventDefault();
            choose(items[active]);
          } else if (e.key === 'Escape') setOpen(false);
        }}
      />
      {value && !open && (
        <button type="button" className="picker-clear" aria-label={t('web.picker.clear', { kind })} onClick={() => choose(null)}>
          ×
        </button>
      )}
      {open && (
        <ul className="picker-list" id={listId} role="listbox">
          {allLabel && (
            <li role="option" aria-selected={!value} onMouseDown={() => choose(null)} className="picker-all">
              {allLabel}
            </li>
          )}
          {options.isLoading && <li className="picker-info">{t('web.picker.searching')}</li>}
          {!options.isLoading && items.length === 0 && <li className="picker-info">{t('web.picker.none', { kind, q })}</li>}
          {items.map((o, i) => (
            <li
              key={o.id}
              role="option"
              aria-selected={value?.id === o.id}
              className={i === active ? 'active' : undefined}
              onMouseDown={() => choose(o)}
            >
              <span>{o.label}</span>
              {o.sub && <small>{o.sub}</small>}
            </li>
          ))}
          {more > 0 && (
            <li className="picker-info" data-testid="picker-more">
              {t('web.picker.more', { count: more })}
            </li>
          )}
        </ul>
      )}
    </div>
  );
}
