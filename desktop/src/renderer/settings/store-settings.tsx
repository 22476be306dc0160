import { formatQuantity } from '@bazaar/shared';
import { useState, type FormEvent } from 'react';
import type { ProductView, StoreInfo } from '../../core/core.api';
import { useApi } from '../api/api-context';
import { asApiError } from '../api/use-query';
import { parseTypedQuantity } from '../counter/cart';
import { PickedProduct } from '../movements/picked-product';
import { Field } from '../ui/field';
import { unitHint } from '../ui/format';
import { Notice } from '../ui/notice';
import { ProductPicker } from '../ui/product-picker';

export function StoreSettings({ info }: { info: StoreInfo }) {
  const api = useApi();
  const [product, setProduct] = useState<ProductView | null>(null);
  const [level, setLevel] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    if (!product) return setErrors({ product: 'Pick the product first.' });
    const q = parseTypedQuantity(level, product.unit);
    if ('error' in q) return setErrors({ level: q.error });
    setErrors({});
    try {
      const p = await api.updateProduct({ product: product.id, patch: { reorderLevel: q.qty } });
      setDone(`${p.name} is now “low” at ${formatQuantity(p.reorderLevel, p.unit)} or less.`);
      setProduct(null);
      setLevel('');
    } catch (err) {
      const ae = asApiError(err);
      setErrors({ form: ae.message });
    }
  };

  return (
    <div className="two-col">
      <form className="card card-pad stack" onSubmit={(e) => void submit(e)} noValidate>
        <h2>Low-stock threshold of a product</h2>
        <p className="muted no-margin">A product shows as low, and appears in the low-stock list, when its stock is at or under this level.</p>
        {product ? (
          <PickedProduct product={product} onClear={() => setProduct(null)} />
        ) : (
          <ProductPicker
            id="threshold-product"
            label="Product"
            placeholder="Scan or type name / SKU"
            onPick={(p) => {
              setProduct(p);
              setLevel(formatQuantity(p.reorderLevel, p.unit).replace(/ pc$/, ''));
            }}
            onError={(m) => setErrors(m ? { product: m } : {})}
          />
        )}
        {errors.product && <span className="field-error">{errors.product}</span>}
        <Field id="threshold-level" label="Reorder level" error={errors.level} hint={product ? `In ${unitHint(product.unit)}` : undefined}>
          <input id="threshold-level" className="input" value={level} onChange={(e) => setLevel(e.target.value)} />
        </Field>
        {errors.form && <Notice kind="error">{errors.form}</Notice>}
        {done && <Notice kind="ok">{done}</Notice>}
        <div className="row">
          <button className="btn btn-primary" type="submit">
            Save threshold
          </button>
        </div>
      </form>
      <aside className="card card-pad stack">
        <h2>Store</h2>
        <dl className="facts">
          <dt>Name</dt>
          <dd>{info.storeName}</dd>
          <dt>Code</dt>
          <dd className="mono">{info.storeCode}</dd>
          <dt>Store id</dt>
          <dd className="mono small">{info.storeId}</dd>
        </dl>
        <p className="muted small no-margin">
          {info.enrolled
            ? 'Name, code and the count-variance threshold are managed by head office on the hub and arrive with each sync.'
            : 'Set when the store was created.'}
        </p>
      </aside>
    </div>
  );
}
