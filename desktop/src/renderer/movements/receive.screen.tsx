import { formatMoney, formatQuantity, parseMoney, UnitError } from '@bazaar/shared';
import { useRef, useState, type FormEvent } from 'react';
import type { ProductView } from '../../core/core.api';
import { useApi } from '../api/api-context';
import { asApiError, useQuery } from '../api/use-query';
import { parseCartQuantity } from '../counter/cart';
import { useSync } from '../sync/sync-context';
import { Field } from '../ui/field';
import { unitHint } from '../ui/format';
import { Notice } from '../ui/notice';
import { ProductPicker, type PickerHandle } from '../ui/product-picker';
import { PickedProduct } from './picked-product';
import { RecentActivity } from './recent-activity';

export function ReceiveScreen() {
  const api = useApi();
  const sync = useSync();
  const suppliers = useQuery(() => api.listSuppliers(), [api]);
  const [product, setProduct] = useState<ProductView | null>(null);
  const [qty, setQty] = useState('');
  const [cost, setCost] = useState('');
  const [supplierId, setSupplierId] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const [saving, setSaving] = useState(false);
  const picker = useRef<PickerHandle>(null);

  const choose = (p: ProductView) => {
    setProduct(p);
    setCost(p.costPaise > 0 ? (p.costPaise / 100).toFixed(2) : '');
    setSupplierId(p.supplierId ?? '');
    setErrors({});
    setDone(null);
    window.setTimeout(() => document.getElementById('receive-qty')?.focus(), 0);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if (!product) problems.product = 'Scan or search the product you received.';
    const q = product ? parseCartQuantity(qty, product.unit) : null;
    if (q && 'error' in q) problems.qty = q.error;
    let unitCostPaise: number | undefined;
    if (cost.trim()) {
      try {
        unitCostPaise = parseMoney(cost);
      } catch (err) {
        problems.cost = err instanceof UnitError ? 'Enter the cost in rupees, e.g. 42.50.' : String(err);
      }
    }
    setErrors(problems);
    if (Object.keys(problems).length > 0 || !product || !q || 'error' in q) return;
    setSaving(true);
    try {
      const r = await api.stockIn({
        product: product.id,
        qty: q.qty,
        unitCostPaise,
        supplier: supplierId || undefined,
        note: note.trim() || undefined,
      });
      setDone(
        `Received ${formatQuantity(q.qty, product.unit)} of ${product.name}${unitCostPaise !== undefined ? ` at ${formatMoney(unitCostPaise)}` : ''}. Now ${formatQuantity(r.stockAfter, product.unit)} in stock.`,
      );
      setProduct(null);
      setQty('');
      setNote('');
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
    <section className="screen" aria-labelledby="receive-title">
      <div className="screen-head">
        <div>
          <h1 id="receive-title">Receive stock</h1>
          <p>Goods arriving from a supplier: quantity and what you paid.</p>
        </div>
      </div>
      <div className="two-col">
        <form className="card card-pad stack" onSubmit={(e) => void submit(e)} noValidate>
          {product ? (
            <PickedProduct product={product} onClear={() => setProduct(null)} />
          ) : (
            <ProductPicker
              ref={picker}
              id="receive-product"
              label="Product"
              placeholder="Scan or type name / SKU, then Enter"
              autoFocus
              invalid={!!errors.product}
              onPick={choose}
              onError={(m) => setErrors(m ? { product: m } : {})}
            />
          )}
          {errors.product && <span className="field-error">{errors.product}</span>}
          <div className="form-grid">
            <Field id="receive-qty" label="Quantity received" error={errors.qty} hint={product ? `In ${unitHint(product.unit)}` : undefined}>
              <input
                id="receive-qty"
                className="input"
                inputMode="decimal"
                value={qty}
                aria-invalid={errors.qty ? 'true' : undefined}
                onChange={(e) => setQty(e.target.value)}
              />
            </Field>
            <Field
              id="receive-cost"
              label={`Cost ${product && product.unit !== 'pc' ? (product.unit === 'g' ? 'per kg' : 'per L') : 'per piece'} (₹)`}
              error={errors.cost ?? errors.unitCostPaise}
              hint="Optional; defaults to the product’s cost"
            >
              <input
                id="receive-cost"
                className="input"
                inputMode="decimal"
                value={cost}
                aria-invalid={errors.cost ? 'true' : undefined}
                onChange={(e) => setCost(e.target.value)}
              />
            </Field>
            <Field id="receive-supplier" label="Supplier" error={errors.supplier}>
              <select id="receive-supplier" className="select" value={supplierId} onChange={(e) => setSupplierId(e.target.value)}>
                <option value="">— none —</option>
                {(suppliers.data ?? []).map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
            </Field>
            <Field id="receive-note" label="Note" hint="Invoice number, batch…">
              <input id="receive-note" className="input" value={note} onChange={(e) => setNote(e.target.value)} />
            </Field>
          </div>
          {errors.form && <Notice kind="error">{errors.form}</Notice>}
          {done && <Notice kind="ok">{done}</Notice>}
          <div className="row">
            <button className="btn btn-primary" type="submit" disabled={saving}>
              {saving ? 'Saving…' : 'Record stock-in'}
            </button>
            <span className="muted">Enter saves</span>
          </div>
        </form>
        <RecentActivity kind="IN" title="Recent stock-ins" version={version} />
      </div>
    </section>
  );
}
