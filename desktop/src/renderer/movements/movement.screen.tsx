import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { ProductView } from '../../core/core.api';
import { formErrors } from '../api/use-query';
import { parseCartQuantity } from '../counter/cart';
import { useI18n } from '../i18n/i18n-context';
import { useSync } from '../sync/sync-context';
import { Field } from '../ui/field';
import { unitHint } from '../ui/format';
import { Notice } from '../ui/notice';
import { ProductPicker, type PickerHandle } from '../ui/product-picker';
import { PickedProduct } from './picked-product';
import { RecentActivity } from './recent-activity';
import { Screen } from '../ui/screen';

export type Problems = Record<string, string>;

/** What one stock movement screen (receive, remove) says and does beyond the shared product, quantity and note. */
export interface MovementScreenProps {
  /** Prefix of the element ids: `${name}-title`, `${name}-product`, `${name}-qty`, `${name}-note`. */
  name: string;
  kind: 'IN' | 'REMOVE';
  title: string;
  intro: string;
  qtyLabel: string;
  noteHint: string;
  submitLabel: string;
  recentTitle: string;
  pickProduct: string;
  danger?: boolean;
  /** Fields above the quantity grid (removal reasons). */
  before?: (errors: Problems) => ReactNode;
  /** Fields between quantity and note (cost, supplier). */
  between?: (errors: Problems, product: ProductView | null) => ReactNode;
  onPick?(product: ProductView): void;
  /** The screen's own checks, on top of product and quantity. */
  check(note: string): Problems;
  /** Records it and says what was done; throws the API's error when nothing was saved. */
  record(input: { product: ProductView; qty: number; note: string | undefined }): Promise<string>;
  /** Clears the screen's own fields after a recorded movement. */
  onRecorded?(): void;
}

/** Pick a product, type how much, record it: the counter's screens that move stock in or out. */
export function MovementScreen(p: MovementScreenProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const sync = useSync();
  const [product, setProduct] = useState<ProductView | null>(null);
  const [qty, setQty] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Problems>({});
  const [done, setDone] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const [saving, setSaving] = useState(false);
  const picker = useRef<PickerHandle>(null);
  const qtyId = `${p.name}-qty`;

  const choose = (picked: ProductView) => {
    setProduct(picked);
    p.onPick?.(picked);
    setErrors({});
    setDone(null);
    window.setTimeout(() => document.getElementById(qtyId)?.focus(), 0);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problems: Problems = {};
    if (!product) problems.product = p.pickProduct;
    const q = product ? parseCartQuantity(qty, product.unit, i18n) : null;
    if (q && 'error' in q) problems.qty = q.error;
    Object.assign(problems, p.check(note));
    setErrors(problems);
    if (Object.keys(problems).length > 0 || !product || !q || 'error' in q) return;
    setSaving(true);
    try {
      setDone(await p.record({ product, qty: q.qty, note: note.trim() || undefined }));
      setProduct(null);
      setQty('');
      setNote('');
      p.onRecorded?.();
      setVersion((v) => v + 1);
      sync.refresh();
      picker.current?.focus();
    } catch (err) {
      setErrors(formErrors(err, (error) => t('common.nothingSaved', { error })));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Screen name={p.name} title={p.title} intro={p.intro}>
      <div className="two-col">
        <form className="card card-pad stack" onSubmit={(e) => void submit(e)} noValidate>
          {product ? (
            <PickedProduct product={product} onClear={() => setProduct(null)} />
          ) : (
            <ProductPicker
              ref={picker}
              id={`${p.name}-product`}
              label={t('common.product')}
              placeholder={t('common.scanOrType')}
              autoFocus
              invalid={!!errors.product}
              onPick={choose}
              onError={(m) => setErrors(m ? { product: m } : {})}
            />
          )}
          {errors.product && <span className="field-error">{errors.product}</span>}
          {p.before?.(errors)}
          <div className="form-grid">
            <Field id={qtyId} label={p.qtyLabel} error={errors.qty} hint={product ? t('common.inUnit', { unit: unitHint(i18n, product.unit) }) : undefined}>
              <input id={qtyId} className="input" inputMode="decimal" value={qty} aria-invalid={errors.qty ? 'true' : undefined} onChange={(e) => setQty(e.target.value)} />
            </Field>
            {p.between?.(errors, product)}
            <Field id={`${p.name}-note`} label={t('common.note')} error={errors.note} hint={p.noteHint}>
              <input id={`${p.name}-note`} className="input" value={note} onChange={(e) => setNote(e.target.value)} />
            </Field>
          </div>
          {errors.form && <Notice kind="error">{errors.form}</Notice>}
          {done && <Notice kind="ok">{done}</Notice>}
          <div className="row">
            <button className={`btn ${p.danger ? 'btn-danger' : 'btn-primary'}`} type="submit" disabled={saving}>
              {saving ? t('common.saving') : p.submitLabel}
            </button>
            <span className="muted">{t('common.enterSaves')}</span>
          </div>
        </form>
        <RecentActivity kind={p.kind} title={p.recentTitle} version={version} />
      </div>
    </Screen>
  );
}
