import { removalReasons, type RemovalReason } from '@bazaar/shared';
import { useRef, useState, type FormEvent } from 'react';
import type { ProductView } from '../../core/core.api';
import { useApi } from '../api/api-context';
import { asApiError } from '../api/use-query';
import { parseCartQuantity } from '../counter/cart';
import { useSync } from '../sync/sync-context';
import { useI18n } from '../i18n/i18n-context';
import { Field } from '../ui/field';
import { unitHint } from '../ui/format';
import { Notice } from '../ui/notice';
import { ProductPicker, type PickerHandle } from '../ui/product-picker';
import { PickedProduct } from './picked-product';
import { RecentActivity } from './recent-activity';


export function RemoveScreen() {
  const api = useApi();
  const i18n = useI18n();
  const { t } = i18n;
  const reasonWord = (r: RemovalReason) => t(`remove.reason.${r}`);
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
    if (!product) problems.product = t('remove.pickProduct');
    const q = product ? parseCartQuantity(qty, product.unit, i18n) : null;
    if (q && 'error' in q) problems.qty = q.error;
    if (!reason) problems.reason = t('remove.pickReason');
    if (reason === 'other' && !note.trim()) problems.note = t('remove.sayWhat');
    setErrors(problems);
    if (Object.keys(problems).length > 0 || !product || !q || 'error' in q || !reason) return;
    setSaving(true);
    try {
      const r = await api.remove({ product: product.id, qty: q.qty, reason, note: note.trim() || undefined });
      setDone(t('remove.done', { qty: i18n.qty(q.qty, product.unit), name: product.name, reason: reasonWord(reason).toLocaleLowerCase(i18n.locale), left: i18n.qty(r.stockAfter, product.unit) }));
      setProduct(null);
      setQty('');
      setNote('');
      setReason(null);
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
    <section className="screen" aria-labelledby="remove-title">
      <div className="screen-head">
        <div>
          <h1 id="remove-title">{t('remove.title')}</h1>
          <p>{t('remove.intro')}</p>
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
              label={t('common.product')}
              placeholder={t('common.scanOrType')}
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
            <span className="field-label">{t('common.reason')}</span>
            <div className="segmented" role="group" aria-label={t('common.reason')}>
              {removalReasons.map((r) => (
                <button key={r} type="button" aria-pressed={reason === r} onClick={() => setReason(r)}>
                  {reasonWord(r)}
                </button>
              ))}
            </div>
            {errors.reason && <span className="field-error">{errors.reason}</span>}
          </div>
          <div className="form-grid">
            <Field id="remove-qty" label={t('remove.qty')} error={errors.qty} hint={product ? t('common.inUnit', { unit: unitHint(i18n, product.unit) }) : undefined}>
              <input
                id="remove-qty"
                className="input"
                inputMode="decimal"
                value={qty}
                aria-invalid={errors.qty ? 'true' : undefined}
                onChange={(e) => setQty(e.target.value)}
              />
            </Field>
            <Field id="remove-note" label={t('common.note')} error={errors.note} hint={t('remove.noteHint')}>
              <input id="remove-note" className="input" value={note} onChange={(e) => setNote(e.target.value)} />
            </Field>
          </div>
          {errors.form && <Notice kind="error">{errors.form}</Notice>}
          {done && <Notice kind="ok">{done}</Notice>}
          <div className="row">
            <button className="btn btn-danger" type="submit" disabled={saving}>
              {saving ? t('common.saving') : t('remove.record')}
            </button>
            <span className="muted">{t('common.enterSaves')}</span>
          </div>
        </form>
        <RecentActivity kind="REMOVE" title={t('remove.recent')} version={version} />
      </div>
    </section>
  );
}
