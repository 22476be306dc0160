import { useState } from 'react';
import type { ProductView } from '../../core/core.api';
import { parseCartQuantity } from '../counter/cart';
import { useI18n } from '../i18n/i18n-context';
import { Notice } from '../ui/notice';
import { ProductPicker } from '../ui/product-picker';
import type { NewLine } from './return-plan';

/** Products scanned onto a return: goods taken instead (an exchange), or goods brought back without a receipt. */
export function ExchangeLines({ id, label, title, lines, onChange }: { id: string; label: string; title?: string; lines: NewLine[]; onChange: (lines: NewLine[]) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [error, setError] = useState<string | null>(null);
  const add = (product: ProductView, qtyText: string | null) => {
    const parsed = parseCartQuantity(qtyText ?? (product.unit === 'pc' ? '1' : ''), product.unit, i18n);
    if ('error' in parsed) {
      setError(t('counter.sale.notAdded', { name: product.name, error: parsed.error }));
      return;
    }
    const existing = lines.find((l) => l.product.id === product.id);
    onChange(existing ? lines.map((l) => (l === existing ? { ...l, qty: l.qty + parsed.qty } : l)) : [...lines, { product, qty: parsed.qty }]);
  };
  return (
    <div className="stack">
      {title && <h2>{title}</h2>}
      <ProductPicker id={id} label={label} placeholder={t('counter.scan.placeholder')} allowQtyPrefix onPick={add} onError={setError} />
      {error && <Notice kind="error">{error}</Notice>}
      {lines.length > 0 && (
        <ul className="receipt" data-testid={`${id}-lines`}>
          {lines.map((l) => (
            <li key={l.product.id}>
              <span>
                <bdi>{l.product.name}</bdi> <span className="muted">× <bdi>{i18n.qty(l.qty, l.product.unit)}</bdi></span>
              </span>
              <button className="btn btn-ghost btn-sm" aria-label={t('returns.remove', { name: l.product.name })} onClick={() => onChange(lines.filter((x) => x !== l))}>
                ✕
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
