import { useEffect, useState } from 'react';
import {
  isLargeStockChange,
  movementCreateSchema,
  movementKinds,
  movementSign,
  parseMoney,
  parseQuantity,
  priceUnit,
  removalReasons,
  type MovementKind,
  type RemovalReason,
} from '@bazaar/shared';
import { errorMessage, type FieldErrors } from '../../api/api-error';
import { movementsApi, stockApi } from '../../api/endpoints';
import { EntityPicker, type PickOption } from '../../components/entity-picker';
import { Field } from '../../components/field';
import { FormActions } from '../../components/form/form-actions';
import { optional, useEntityForm } from '../../components/form/use-entity-form';
import { useI18n } from '../../i18n/i18n-context';
import { searchProducts, searchStores, searchSuppliers, useProduct } from '../shared/lookups';
import { kindLabel } from './movement-kinds';
import { Options } from '../../components/options';
import { TextField } from '../../components/form/text-field';

interface MovementFormProps {
  store?: PickOption | null;
  product?: PickOption | null;
  onDone(): void;
}

interface MovementFields {
  kind: MovementKind;
  qty: string;
  direction: '+' | '-';
  unitCostMinor: string;
  reason: RemovalReason;
  note: string;
}

/** A count or removal that moves stock a lot, or a removal of more than is there, waits for a second press. */
interface BigChange {
  before: number;
  after: number;
  over: boolean;
}

/** What the store holds of the product now, as head office last heard. */
async function stockNow(storeId: string, productId: string): Promise<number> {
  const page = await stockApi.list({ storeId, productId, limit: 1 });
  return page.items[0]?.qty ?? 0;
}

/** Records one movement from the web; the hub applies the same sign rules as a counter's sync. */
export function MovementForm({ store: initialStore = null, product: initialProduct = null, onDone }: MovementFormProps) {
  const i18n = useI18n();
  const [store, setStore] = useState<PickOption | null>(initialStore);
  const [product, setProduct] = useState<PickOption | null>(initialProduct);
  const [supplier, setSupplier] = useState<PickOption | null>(null);
  const productInfo = useProduct(product?.id);
  const unit = productInfo.data?.unit ?? 'pc';
  const { t } = i18n;
  const [big, setBig] = useState<BigChange | null>(null);
  const { form, register, errors, submit, save } = useEntityForm<MovementFields, unknown>({
    defaultValues: { kind: 'IN', qty: '', direction: '+', unitCostMinor: '', reason: 'damage', note: '' },
    schema: movementCreateSchema,
    toBody: (f) => {
      const errs: FieldErrors = {};
      if (!store) errs.storeId = t('web.moveForm.chooseStore');
      if (!product) errs.productId = t('web.moveForm.chooseProduct');
      let amount = 0;
      try {
        amount = parseQuantity(f.qty, unit);
      } catch (err) {
        errs.qty = errorMessage(err);
      }
      let unitCostMinor: number | null = null;
      if (f.kind === 'IN' && f.unitCostMinor.trim()) {
        try {
          unitCostMinor = parseMoney(f.unitCostMinor);
        } catch (err) {
          errs.unitCostMinor = errorMessage(err);
        }
      }
      const sign = movementSign[f.kind];
      const signed = sign === 'negative' || (sign === 'nonzero' && f.direction === '-') ? -amount : amount;
      const body = {
        storeId: store?.id,
        productId: product?.id,
        kind: f.kind,
        qty: signed,
        unitCostMinor,
        reason: f.kind === 'REMOVE' ? f.reason : null,
        note: optional(f.note),
        supplierId: f.kind === 'IN' ? (supplier?.id ?? null) : null,
      };
      return { body, errors: errs, stop: Object.keys(errs).length > 0 };
    },
    save: async (body) => {
      const m = movementCreateSchema.parse(body);
      if (!big && (m.kind === 'COUNT' || m.kind === 'REMOVE')) {
        const before = await stockNow(m.storeId, m.productId);
        const after = m.kind === 'COUNT' ? m.qty : before + m.qty;
        if (isLargeStockChange(before, after, unit, m.kind === 'COUNT' ? 'count' : 'remove')) {
          setBig({ before, after, over: m.kind === 'REMOVE' && after < 0 });
          return null;
        }
      }
      return movementsApi.create(m);
    },
    invalidate: ['stocks', 'movements', 'reports'],
    onSaved: (saved) => {
      if (saved) onDone();
    },
  });
  const kind = form.watch('kind');
  // Any change to what is typed asks again.
  useEffect(() => {
    const sub = form.watch(() => setBig(null));
    return () => sub.unsubscribe();
  }, [form]);
  useEffect(() => setBig(null), [store?.id, product?.id]);
  const shownUnit = priceUnit(unit);

  return (
    <form className="form" onSubmit={submit} noValidate aria-label={t('web.moveForm.title')}>
      <fieldset className="segmented" aria-label={t('web.moveForm.type')}>
        {movementKinds.map((k) => (
          <label key={k} className={k === kind ? 'on' : undefined}>
            <input type="radio" value={k} {...register('kind')} />
            {kindLabel(i18n, k)}
          </label>
        ))}
      </fieldset>
      <div className="form-grid">
        <Field label={t('web.moveForm.store')} error={errors.storeId}>
          {(id, d) => <EntityPicker id={id} describedBy={d} kind="stores" value={store} onChange={setStore} search={searchStores} invalid={!!errors.storeId} />}
        </Field>
        <Field label={t('web.moveForm.product')} error={errors.productId}>
          {(id, d) => <EntityPicker id={id} describedBy={d} kind="products" value={product} onChange={setProduct} search={searchProducts} invalid={!!errors.productId} />}
        </Field>
        <Field
          label={kind === 'COUNT' ? t('web.moveForm.counted') : t('web.moveForm.qty')}
          error={errors.qty}
          hint={t('web.moveForm.qtyHint', { unit: shownUnit })}
        >
          {(id, d) => (
            <div className="input-group">
              {movementSign[kind] === 'nonzero' && (
                <select aria-label={t('web.moveForm.direction')} {...register('direction')}>
                  <option value="+">{t('web.moveForm.add')}</option>
                  <option value="-">{t('web.moveForm.remove')}</option>
                </select>
              )}
              <input id={id} aria-describedby={d} inputMode="decimal" {...register('qty')} placeholder={`0 ${shownUnit}`} />
            </div>
          )}
        </Field>
        {kind === 'REMOVE' && (
          <Field label={t('web.moveForm.reason')} error={errors.reason}>
            {(id, d) => (
              <select id={id} aria-describedby={d} {...register('reason')}>
                <Options values={removalReasons} label={(r) => t(`remove.reason.${r}`)} />
              </select>
            )}
          </Field>
        )}
        {kind === 'IN' && (
          <>
            <Field label={t('web.moveForm.supplier')} error={errors.supplierId}>
              {(id, d) => <EntityPicker id={id} describedBy={d} kind="suppliers" value={supplier} onChange={setSupplier} search={searchSuppliers} />}
            </Field>
            <TextField
              label={t('web.moveForm.cost')}
              error={errors.unitCostMinor}
              hint={t('web.productForm.perUnit', { symbol: i18n.currency.symbol ?? i18n.currency.code, unit: shownUnit })}
              field={register('unitCostMinor')}
              inputMode="decimal"
              placeholder={i18n.money(0)}
            />
          </>
        )}
        <TextField label={t('web.moveForm.note')} error={errors.note} wide field={register('note')} maxLength={500} />
      </div>
      {big && product && store && (
        <p className="form-error" role="alert" data-testid="big-change">
          {t(big.over ? 'web.moveForm.overStock' : 'web.moveForm.bigChange', { product: product.label, store: store.label, before: i18n.qty(big.before, unit), after: i18n.qty(big.after, unit) })}
        </p>
      )}
      <FormActions label={big ? t('web.moveForm.recordAnyway') : t('web.moveForm.record', { kind: kindLabel(i18n, kind).toLowerCase() })} saving={save.isPending} error={save.error} onCancel={onDone} />
    </form>
  );
}
