import { useState } from 'react';
import {
  movementCreateSchema,
  movementKinds,
  movementSign,
  parseMoney,
  parseQuantity,
  removalReasons,
  type MovementKind,
  type RemovalReason,
} from '@bazaar/shared';
import { errorMessage, type FieldErrors } from '../../api/api-error';
import { movementsApi } from '../../api/endpoints';
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
  unitCostPaise: string;
  reason: RemovalReason;
  note: string;
}

/** Records one movement from the web; the hub applies the same sign rules as a counter's sync. */
export function MovementForm({ store: initialStore = null, product: initialProduct = null, onDone }: MovementFormProps) {
  const i18n = useI18n();
  const [store, setStore] = useState<PickOption | null>(initialStore);
  const [product, setProduct] = useState<PickOption | null>(initialProduct);
  const [supplier, setSupplier] = useState<PickOption | null>(null);
  const productInfo = useProduct(product?.id);
  const unit = productInfo.data?.unit ?? 'pc';
  const { form, register, errors, submit, save } = useEntityForm<MovementFields, unknown>({
    defaultValues: { kind: 'IN', qty: '', direction: '+', unitCostPaise: '', reason: 'damage', note: '' },
    schema: movementCreateSchema,
    toBody: (f) => {
      const errs: FieldErrors = {};
      if (!store) errs.storeId = 'choose a store';
      if (!product) errs.productId = 'choose a product';
      let amount = 0;
      try {
        amount = parseQuantity(f.qty, unit);
      } catch (err) {
        errs.qty = errorMessage(err);
      }
      let unitCostPaise: number | null = null;
      if (f.kind === 'IN' && f.unitCostPaise.trim()) {
        try {
          unitCostPaise = parseMoney(f.unitCostPaise);
        } catch (err) {
          errs.unitCostPaise = errorMessage(err);
        }
      }
      const sign = movementSign[f.kind];
      const signed = sign === 'negative' || (sign === 'nonzero' && f.direction === '-') ? -amount : amount;
      const body = {
        storeId: store?.id,
        productId: product?.id,
        kind: f.kind,
        qty: signed,
        unitCostPaise,
        reason: f.kind === 'REMOVE' ? f.reason : null,
        note: optional(f.note),
        supplierId: f.kind === 'IN' ? (supplier?.id ?? null) : null,
      };
      return { body, errors: errs, stop: Object.keys(errs).length > 0 };
    },
    save: (body) => movementsApi.create(movementCreateSchema.parse(body)),
    invalidate: ['stocks', 'movements', 'reports'],
    onSaved: onDone,
  });
  const kind = form.watch('kind');

  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Record a movement">
      <fieldset className="segmented" aria-label="Movement type">
        {movementKinds.map((k) => (
          <label key={k} className={k === kind ? 'on' : undefined}>
            <input type="radio" value={k} {...register('kind')} />
            {kindLabel(i18n, k)}
          </label>
        ))}
      </fieldset>
      <div className="form-grid">
        <Field label="Store" error={errors.storeId}>
          {(id, d) => <EntityPicker id={id} describedBy={d} kind="stores" value={store} onChange={setStore} search={searchStores} invalid={!!errors.storeId} />}
        </Field>
        <Field label="Product" error={errors.productId}>
          {(id, d) => <EntityPicker id={id} describedBy={d} kind="products" value={product} onChange={setProduct} search={searchProducts} invalid={!!errors.productId} />}
        </Field>
        <Field
          label={kind === 'COUNT' ? 'Counted quantity' : 'Quantity'}
          error={errors.qty}
          hint={unit === 'pc' ? 'Pieces' : unit === 'g' ? 'e.g. 500 g or 1.5 kg' : 'e.g. 250 ml or 2 L'}
        >
          {(id, d) => (
            <div className="input-group">
              {movementSign[kind] === 'nonzero' && (
                <select aria-label="Direction" {...register('direction')}>
                  <option value="+">+ add</option>
                  <option value="-">− remove</option>
                </select>
              )}
              <input id={id} aria-describedby={d} inputMode="decimal" {...register('qty')} placeholder={`0 ${unit}`} />
            </div>
          )}
        </Field>
        {kind === 'REMOVE' && (
          <Field label="Reason" error={errors.reason}>
            {(id, d) => (
              <select id={id} aria-describedby={d} {...register('reason')}>
                <Options values={removalReasons} />
              </select>
            )}
          </Field>
        )}
        {kind === 'IN' && (
          <>
            <Field label="Supplier (optional)" error={errors.supplierId}>
              {(id, d) => <EntityPicker id={id} describedBy={d} kind="suppliers" value={supplier} onChange={setSupplier} search={searchSuppliers} />}
            </Field>
            <TextField label="Unit cost (optional)" error={errors.unitCostPaise} hint="₹ per piece, kg or L" field={register('unitCostPaise')} inputMode="decimal" placeholder="₹0.00" />
          </>
        )}
        <TextField label="Note (optional)" error={errors.note} wide field={register('note')} maxLength={500} />
      </div>
      <FormActions label={`Record ${kindLabel(i18n, kind).toLowerCase()}`} saving={save.isPending} error={save.error} onCancel={onDone} />
    </form>
  );
}
