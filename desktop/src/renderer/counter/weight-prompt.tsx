import { useState } from 'react';
import type { ProductView } from '../../core/core.api';
import { useI18n } from '../i18n/i18n-context';
import { priceWithUnit, unitHint } from '../ui/format';
import { parseCartQuantity } from './cart';

/** Weighed and measured goods need an amount before they go into the cart. */
export function WeightPrompt({ product, onDone, onCancel }: { product: ProductView; onDone: (qty: number) => void; onCancel: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = () => {
    const r = parseCartQuantity(text, product.unit, i18n);
    if ('error' in r) setError(r.error);
    else onDone(r.qty);
  };
  return (
    <div className="weight-prompt">
      <div className="field">
        <label htmlFor="weight">
          {t(product.unit === 'g' ? 'counter.weigh.weightOf' : 'counter.weigh.volumeOf', { name: product.name, price: priceWithUnit(i18n, product.priceMinor, product.unit) })}
        </label>
        <input
          id="weight"
          className="input input-xl"
          autoFocus
          value={text}
          placeholder={t(product.unit === 'g' ? 'counter.weigh.exampleG' : 'counter.weigh.exampleMl')}
          aria-invalid={error ? 'true' : undefined}
          onChange={(e) => {
            setText(e.target.value);
            setError(null);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.ctrlKey) {
              e.preventDefault();
              submit();
            } else if (e.key === 'Escape') {
              e.preventDefault();
              onCancel();
            }
          }}
        />
        <span className={error ? 'field-error' : 'field-hint'}>{error ?? t('counter.weigh.hint', { unit: unitHint(i18n, product.unit) })}</span>
      </div>
    </div>
  );
}
