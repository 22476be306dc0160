import { formatQuantity, removalReasons, type RemovalReason } from '@bazaar/shared';
import { useRef, useState, type FormEvent } from 'react';
import type { ProductView } from '../../core/core.api';
import { useApi } from '../api/api-context';
import { asApiError } from '../api/use-query';
import { parseCartQuantity } from '../counter/cart';
import { useSync } from '../sync/sync-context';
import { Field } from '../ui/field';
import { unitHint } from '../ui/format';
import { Notice } from '../ui/notice';
import { ProductPicker, type PickerHandle } from '../ui/product-picker';
import { PickedProduct } from './picked-product';
import { RecentActivity } from './recent-activity';

const reasonWords: Record<RemovalReason, string> = { damage: 'Damaged', expiry: 'Expired', theft: 'Stolen / missing', other: 'Other' };

export function RemoveScreen() {
  const api = useApi();
  const sync = useSync();
  const [product, setProduct] = useState<ProductView | null>(null);
  const [qty, setQty] = useState('');
  const [reason, setReason] = useState<RemovalReason | null>(null);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const [saving, setSaving] = useState(false);
  const picker = useRef<PickerHandle>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if (!product) problems.product = 'Scan or search the product to remove.';
    const q = product ? parseCartQuantity(qty, product.unit) : null;
    if (q && 'error' in q) problems.qty = q.error;
    if (!reason) problems.reason = 'Choose why the stock is removed.';
    if (reason === 'other' && !note.trim()) problems.note = 'Say what happened.';
    setErrors(problems);
    if (Object.keys(problems).length > 0 || !product || !q || 'error' in q || !reason) return;
    setSaving(true);
    try {
      const r = await api.remove({ product: product.id, qty: q.qty, reason, note: note.trim() || undefined });
      setDone(`Removed ${formatQuantity(q.qty, product.unit)} of ${product.name} (${reasonWords[reason].toLowerCase()}). ${formatQuantity(r.stockAfter, product.unit)} left.`);
      setProduct(null);
      setQty('');
      setNote('');
      setReason(null);
      setVersion((v) => v + 1);
      sync.refresh();
      picker.current?.focus();
    } catch (err) {
      const ae = asApiError(err);
      setErrors({ form: `Nothing was saved: ${ae.message}`, ...ae.fieldErrors() });
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className="screen" aria-labelledby="remove-title">
      <div className="screen-head">
        <div>
          <h1 id="remove-title">Remove stock</h1>
          <p>Damaged, expired or missing goods leave the shelf here, with the reason.</p>
        </div>
      </div>
      <div className="two-col">
        <form className="card card-pad stack" onSubmit={(e) => void submit(e)} noValidate>
          {product ? (
            <PickedProduct product={product} onClear={() => setProduct(null)} />
          ) : (
            <ProductPicker
              ref={picker}
              id="remove-product"
              label="Product"
              placeholder="Scan or type name / SKU, then Enter"
              autoFocus
              invalid={!!errors.product}
              onPick={(p) => {
                setProduct(p);
                setErrors({});
                setDone(null);
                window.setTimeout(() => document.getElementById('remove-qty')?.focus(), 0);
              }}
              onError={(m) => setErrors(m ? { product: m } : {})}
            />
          )}
          {errors.product && <span className="field-error">{errors.product}</span>}
          <div className="field">
            <span className="field-label">Reason</span>
            <div className="segmented" role="group" aria-label="Reason">
              {removalReasons.map((r) => (
                <button key={r} type="button" aria-pressed={reason === r} onClick={() => setReason(r)}>
                  {reasonWords[r]}
                </button>
              ))}
            </div>
            {errors.reason && <span className="field-error">{errors.reason}</span>}
          </div>
          <div className="form-grid">
            <Field id="remove-qty" label="Quantity to remove" error={errors.qty} hint={product ? `In ${unitHint(product.unit)}` : undefined}>
              <input
                id="remove-qty"
                className="input"
                inputMode="decimal"
                value={qty}
                aria-invalid={errors.qty ? 'true' : undefined}
                onChange={(e) => setQty(e.target.value)}
              />
            </Field>
            <Field id="remove-note" label="Note" error={errors.note} hint="Optional, except for “Other”">
              <input id="remove-note" className="input" value={note} onChange={(e) => setNote(e.target.value)} />
            </Field>
          </div>
          {errors.form && <Notice kind="error">{errors.form}</Notice>}
          {done && <Notice kind="ok">{done}</Notice>}
          <div className="row">
            <button className="btn btn-danger" type="submit" disabled={saving}>
              {saving ? 'Saving…' : 'Record removal'}
            </button>
            <span className="muted">Enter saves</span>
          </div>
        </form>
        <RecentActivity kind="REMOVE" title="Recent removals" version={version} />
      </div>
    </section>
  );
}
