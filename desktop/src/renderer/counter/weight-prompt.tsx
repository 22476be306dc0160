import { useState } from 'react';
import type { ProductView } from '../../core/core.api';
import { priceWithUnit, unitHint } from '../ui/format';
import { parseCartQuantity } from './cart';

/** Weighed and measured goods need an amount before they go into the cart. */
export function WeightPrompt({ product, onDone, onCancel }: { product: ProductView; onDone: (qty: number) => void; onCancel: () => void }) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = () => {
    const r = parseCartQuantity(text, product.unit);
    if ('error' in r) setError(r.error);
    else onDone(r.qty);
  };
  return (
    <div className="weight-prompt">
      <div className="field">
        <label htmlFor="weight">
          {product.unit === 'g' ? 'Weight' : 'Volume'} of {product.name} ({priceWithUnit(product.pricePaise, product.unit)})
        </label>
        <input
          id="weight"
          className="input input-xl"
          autoFocus
          value={text}
          placeholder={`e.g. ${product.unit === 'g' ? '1.25 or 500g' : '1 or 250ml'}`}
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
        <span className={error ? 'field-error' : 'field-hint'}>{error ?? `In ${unitHint(product.unit)}. Enter to add, Esc to cancel.`}</span>
      </div>
    </div>
  );
}
