import { parseMoney, UnitError } from '@bazaar/shared';
import { useI18n } from '../i18n/i18n-context';
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
  const i18n = useI18n();
  const { t } = i18n;
  const symbol = i18n.currency.symbol ?? i18n.currency.code;
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
    if (!product) problems.product = t('receive.pickProduct');
    const q = product ? parseCartQuantity(qty, product.unit, i18n) : null;
    if (q && 'error' in q) problems.qty = q.error;
    let unitCostPaise: number | undefined;
    if (cost.trim()) {
      try {
        unitCostPaise = parseMoney(cost);
      } catch (err) {
        problems.cost = err instanceof UnitError ? t('receive.costInvalid', { currency: symbol }) : String(err);
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
        t(unitCostPaise !== undefined ? 'receive.doneAt' : 'receive.done', {
          qty: i18n.qty(q.qty, product.unit),
          name: product.name,
          cost: unitCostPaise !== undefined ? i18n.money(unitCostPaise) : '',
          now: i18n.qty(r.stockAfter, product.unit),
        }),
      );
      setProduct(null);
      setQty('');
      setNote('');
      setVersion((v) => v + 1);
      sync.refresh();
      picker.current?.focus();
    } catch (err) {
      const ae = asApiError(err);
      setErrors({ form: t('common.nothingSaved', { error: ae.message }), ...ae.fieldErrors() });
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className="screen" aria-labelledby="receive-title">
      <div className="screen-head">
        <div>
          <h1 id="receive-title">{t('counter.nav.receive')}</h1>
          <p>{t('receive.intro')}</p>
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
              label={t('common.product')}
              placeholder={t('common.scanOrType')}
              autoFocus
              invalid={!!errors.product}
              onPick={choose}
              onError={(m) => setErrors(m ? { product: m } : {})}
            />
          )}
          {errors.product && <span className="field-error">{errors.product}</span>}
          <div className="form-grid">
            <Field id="receive-qty" label={t('receive.qty')} error={errors.qty} hint={product ? t('common.inUnit', { unit: unitHint(i18n, product.unit) }) : undefined}>
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
              label={t('receive.costLabel', { per: t(`unit.per.${product?.unit ?? 'pc'}`), currency: symbol })}
              error={errors.cost ?? errors.unitCostPaise}
              hint={t('receive.costHint')}
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
            <Field id="receive-supplier" label={t('common.supplier')} error={errors.supplier}>
              <select id="receive-supplier" className="select" value={supplierId} onChange={(e) => setSupplierId(e.target.value)}>
                <option value="">{t('common.none')}</option>
                {(suppliers.data ?? []).map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
            </Field>
            <Field id="receive-note" label={t('common.note')} hint={t('receive.noteHint')}>
              <input id="receive-note" className="input" value={note} onChange={(e) => setNote(e.target.value)} />
            </Field>
          </div>
          {errors.form && <Notice kind="error">{errors.form}</Notice>}
          {done && <Notice kind="ok">{done}</Notice>}
          <div className="row">
            <button className="btn btn-primary" type="submit" disabled={saving}>
              {saving ? t('common.saving') : t('receive.record')}
            </button>
            <span className="muted">{t('common.enterSaves')}</span>
          </div>
        </form>
        <RecentActivity kind="IN" title={t('receive.recent')} version={version} />
      </div>
    </section>
  );
}
