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
import { useI18n } from '../i18n/i18n-context';
import { ProductPicker } from '../ui/product-picker';

export function StoreSettings({ info }: { info: StoreInfo }) {
  const api = useApi();
  const i18n = useI18n();
  const { t } = i18n;
  const [product, setProduct] = useState<ProductView | null>(null);
  const [level, setLevel] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    if (!product) return setErrors({ product: t('storeSettings.pickFirst') });
    const q = parseTypedQuantity(level, product.unit, i18n);
    if ('error' in q) return setErrors({ level: q.error });
    setErrors({});
    try {
      const p = await api.updateProduct({ product: product.id, patch: { reorderLevel: q.qty } });
      setDone(t('storeSettings.done', { name: p.name, qty: i18n.qty(p.reorderLevel, p.unit) }));
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
        <h2>{t('storeSettings.title')}</h2>
        <p className="muted no-margin">{t('storeSettings.intro')}</p>
        {product ? (
          <PickedProduct product={product} onClear={() => setProduct(null)} />
        ) : (
          <ProductPicker
            id="threshold-product"
            label={t('common.product')}
            placeholder={t('storeSettings.placeholder')}
            onPick={(p) => {
              setProduct(p);
              setLevel(formatQuantity(p.reorderLevel, p.unit).replace(/ pc$/, ''));
            }}
            onError={(m) => setErrors(m ? { product: m } : {})}
          />
        )}
        {errors.product && <span className="field-error">{errors.product}</span>}
        <Field id="threshold-level" label={t('storeSettings.reorderLevel')} error={errors.level} hint={product ? t('common.inUnit', { unit: unitHint(i18n, product.unit) }) : undefined}>
          <input id="threshold-level" className="input" value={level} onChange={(e) => setLevel(e.target.value)} />
        </Field>
        {errors.form && <Notice kind="error">{errors.form}</Notice>}
        {done && <Notice kind="ok">{done}</Notice>}
        <div className="row">
          <button className="btn btn-primary" type="submit">
            {t('storeSettings.save')}
          </button>
        </div>
      </form>
      <aside className="card card-pad stack">
        <h2>{t('common.store')}</h2>
        <dl className="facts">
          <dt>{t('common.name')}</dt>
          <dd>{info.storeName}</dd>
          <dt>{t('common.code')}</dt>
          <dd className="mono">{info.storeCode}</dd>
          <dt>{t('storeSettings.storeId')}</dt>
          <dd className="mono small">{info.storeId}</dd>
        </dl>
        <p className="muted small no-margin">
          {info.enrolled
            ? t('storeSettings.fromHub')
            : t('storeSettings.setAtCreation')}
        </p>
      </aside>
    </div>
  );
}
