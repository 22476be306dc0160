import { forwardRef, useEffect, useImperativeHandle, useRef, useState, type KeyboardEvent } from 'react';
import type { ProductView, ScanView } from '../../core/core.api';
import { useApi } from '../api/api-context';
import { asApiError } from '../api/use-query';
import { splitQuantityPrefix } from '../counter/cart';
import { useI18n } from '../i18n/i18n-context';
import { priceWithUnit } from './format';

export interface PickerHandle {
  focus: () => void;
  /** Put a character into the box (a scanner that typed while focus was elsewhere). */
  type: (text: string) => void;
  /** Resolves when every scan entered so far has been looked up and handed to onPick. */
  whenIdle: () => Promise<void>;
}

interface Props {
  id: string;
  label: string;
  placeholder: string;
  /**
   * Called with the product and any "qty*" prefix the user typed before the code; a scanned
   * code also brings what it says itself (a pack's barcode, a scale label's weight or price).
   */
  onPick: (product: ProductView, qtyText: string | null, scan?: ScanView) => void;
  onError: (message: string | null) => void;
  onKeyDown?: (e: KeyboardEvent<HTMLInputElement>) => void;
  size?: 'xl' | 'normal';
  invalid?: boolean;
  autoFocus?: boolean;
  allowQtyPrefix?: boolean;
}

/**
 * One box for a barcode scanner (types the code fast, then Enter) and for a person (types a
 * name or SKU, picks with ↑ ↓ Enter). Enter on a code looks it up exactly first, so a
 * scanned barcode never lands on a name-prefix match by accident.
 */
export const ProductPicker = forwardRef<PickerHandle, Props>(function ProductPicker(
  { id, label, placeholder, onPick, onError, onKeyDown, size = 'normal', invalid, autoFocus, allowQtyPrefix },
  ref,
) {
  const api = useApi();
  const i18n = useI18n();
  const { t } = i18n;
  const input = useRef<HTMLInputElement>(null);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const [text, setText] = useState('');
  const [hits, setHits] = useState<{ query: string; items: ProductView[] }>({ query: '', items: [] });
  const [active, setActive] = useState(-1);
  /**
   * Text given back after a lookup that needs a choice: shown (selected) with the choices,
   * but the next character typed or scanned replaces it, whether or not the selection held.
   */
  const givenBack = useRef<string | null>(null);
  const typed = (value: string): string => {
    const old = givenBack.current;
    givenBack.current = null;
    return old !== null && value.length > old.length && value.startsWith(old) ? value.slice(old.length) : value;
  };

  useImperativeHandle(ref, () => ({
    focus: () => input.current?.focus(),
    type: (t) => {
      const stale = givenBack.current;
      givenBack.current = null;
      setText((old) => (stale !== null && old === stale ? t : old + t));
      input.current?.focus();
    },
    whenIdle: () => queue.current,
  }));

  const { qtyText, code } = allowQtyPrefix ? splitQuantityPrefix(text) : { qtyText: null, code: text.trim() };

  useEffect(() => {
    if (code.length < 2) {
      setHits({ query: code, items: [] });
      setActive(-1);
      return;
    }
    let stale = false;
    const timer = window.setTimeout(() => {
      api.searchProducts({ query: code, limit: 8 }).then(
        (items) => {
          if (stale) return;
          setHits({ query: code, items });
          setActive(-1);
        },
        () => undefined,
      );
    }, 120);
    return () => {
      stale = true;
      window.clearTimeout(timer);
    };
  }, [api, code]);

  const clearSuggestions = () => {
    setHits({ query: '', items: [] });
    setActive(-1);
  };

  /**
   * Resolve one entered line. A scanner sends the next code while the previous lookup is
   * still running, so each Enter takes its own snapshot of the text, clears the box at once
   * and queues the lookup: no scan is dropped and their order is kept.
   */
  const resolveEntry = async (entry: string): Promise<void> => {
    const split = allowQtyPrefix ? splitQuantityPrefix(entry) : { qtyText: null, code: entry.trim() };
    if (!split.code) {
      onError(t('picker.afterQty'));
      return;
    }
    const found = await lookup(split.code);
    if ('product' in found) {
      onError(null);
      onPick(found.product, split.qtyText, found.scan);
      return;
    }
    onError(found.error);
    // An unknown code leaves the box empty for the next scan (the message names the code).
    if (!found.choices) return;
    // Several matches: the text stays with its choices, unless the next scan already started.
    setHits({ query: split.code, items: found.choices });
    setActive(0);
    setText((t) => {
      if (t !== '') return t;
      givenBack.current = entry;
      return entry;
    });
    window.setTimeout(() => input.current?.select(), 0);
  };

  const lookup = async (code: string): Promise<{ product: ProductView; scan?: ScanView } | { error: string; choices?: ProductView[] }> => {
    try {
      const scan = await api.scanCode({ code });
      return { product: scan.product, scan };
    } catch (err) {
      const e = asApiError(err);
      if (e.code !== 'NOT_FOUND' && e.code !== 'VALIDATION_FAILED') return { error: e.message };
    }
    const matches = await api.searchProducts({ query: code, limit: 8 }).catch(() => []);
    const only = matches.length === 1 ? matches[0] : undefined;
    if (only) return { product: only };
    if (matches.length > 1) return { error: t('picker.many', { count: matches.length, code }), choices: matches };
    return { error: t('picker.none', { code }) };
  };

  const submit = () => {
    const chosen = active >= 0 && hits.query === code ? hits.items[active] : undefined;
    const entry = text;
    givenBack.current = null;
    setText('');
    clearSuggestions();
    if (chosen) {
      onError(null);
      onPick(chosen, qtyText);
      return;
    }
    if (!entry.trim()) return;
    queue.current = queue.current.then(() => resolveEntry(entry)).catch((err: unknown) => onError(asApiError(err).message));
  };

  const keyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    // Editing keys mean the person is correcting the given-back text, not replacing it.
    if (e.key.length > 1 && e.key !== 'ArrowDown' && e.key !== 'ArrowUp' && e.key !== 'Enter' && e.key !== 'Shift') givenBack.current = null;
    if (e.key === 'ArrowDown' && hits.items.length > 0) {
      e.preventDefault();
      setActive((a) => Math.min(a + 1, hits.items.length - 1));
    } else if (e.key === 'ArrowUp' && hits.items.length > 0) {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, -1));
    } else if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      submit();
    } else if (e.key === 'Escape' && (text || hits.items.length > 0)) {
      e.preventDefault();
      e.stopPropagation();
      givenBack.current = null;
      setText('');
      clearSuggestions();
      onError(null);
    } else {
      onKeyDown?.(e);
    }
  };

  const open = hits.items.length > 0 && hits.query === code && code.length >= 2;
  return (
    <div className="field picker">
      <label htmlFor={id}>{label}</label>
      <input
        ref={input}
        id={id}
        className={`input ${size === 'xl' ? 'input-xl' : ''}`}
        value={text}
        placeholder={placeholder}
        autoComplete="off"
        spellCheck={false}
        autoFocus={autoFocus}
        aria-invalid={invalid ? 'true' : undefined}
        aria-expanded={open}
        aria-controls={`${id}-list`}
        role="combobox"
        onChange={(e) => setText(typed(e.target.value))}
        onKeyDown={keyDown}
        onBlur={() => window.setTimeout(() => setHits((h) => ({ ...h, items: [] })), 150)}
      />
      {open && (
        <ul className="suggestions" id={`${id}-list`} role="listbox">
          {hits.items.map((p, i) => (
            <li
              key={p.id}
              role="option"
              aria-selected={i === active}
              onMouseDown={(e) => {
                e.preventDefault();
                setText('');
                clearSuggestions();
                onError(null);
                onPick(p, qtyText);
              }}
            >
              <span>
                <strong>{p.name}</strong> <bdi className="muted mono">{p.sku}</bdi>
              </span>
              <span className={`num qty-${p.status}`}>{i18n.qty(p.qty, p.unit)}</span>
              <span className="num">{priceWithUnit(i18n, p.priceMinor, p.unit)}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
});
