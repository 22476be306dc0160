import { useI18n } from '../../i18n/i18n-context';
import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
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
import { ApiError, errorMessage, type FieldErrors } from '../../api/api-error';
import { movementsApi } from '../../api/endpoints';
import { EntityPicker, type PickOption } from '../../components/entity-picker';
import { Field, FormError } from '../../components/field';
import { zodFieldErrors } from '../../components/zod-errors';
import { searchProducts, searchStores, searchSuppliers, useProduct } from '../shared/lookups';
import { kindLabel } from './movement-kinds';

interface MovementFormProps {
  store?: PickOption | null;
  product?: PickOption | null;
  onDone(): void;
}

/** Records one movement from the web; the hub applies the same sign rules as a counter's sync. */
export function MovementForm({ store: initialStore = null, product: initialProduct = null, onDone }: MovementFormProps) {
  const i18n = useI18n();
  const qc = useQueryClient();
  const [kind, setKind] = useState<MovementKind>('IN');
  const [store, setStore] = useState<PickOption | null>(initialStore);
  const [product, setProduct] = useState<PickOption | null>(initialProduct);
  const [supplier, setSupplier] = useState<PickOption | null>(null);
  const [qty, setQty] = useState('');
  const [direction, setDirection] = useState<'+' | '-'>('+');
  const [cost, setCost] = useState('');
  const [reason, setReason] = useState<RemovalReason>('damage');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const productInfo = useProduct(product?.id);
  const unit = productInfo.data?.unit ?? 'pc';

  const save = useMutation({
    mutationFn: movementsApi.create,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['stocks'] });
      void qc.invalidateQueries({ queryKey: ['movements'] });
      void qc.invalidateQueries({ queryKey: ['reports'] });
      onDone();
    },
    onError: (err) => setErrors(err instanceof ApiError ? err.fieldErrors() : {}),
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    const errs: FieldErrors = {};
    if (!store) errs.storeId = 'choose a store';
    if (!product) errs.productId = 'choose a product';
    let amount = 0;
    try {
      amount = parseQuantity(qty, unit);
    } catch (err) {
      errs.qty = errorMessage(err);
    }
    let unitCostPaise: number | null = null;
    if (kind === 'IN' && cost.trim()) {
      try {
        unitCostPaise = parseMoney(cost);
      } catch (err) {
        errs.unitCostPaise = errorMessage(err);
      }
    }
    if (Object.keys(errs).length || !store || !product) return setErrors(errs);
    const sign = movementSign[kind];
    const signed = sign === 'negative' || (sign === 'nonzero' && direction === '-') ? -amount : amount;
    const parsed = movementCreateSchema.safeParse({
      storeId: store.id,
      productId: product.id,
      kind,
      qty: signed,
      unitCostPaise,
      reason: kind === 'REMOVE' ? reason : null,
      note: note.trim() || null,
      supplierId: kind === 'IN' ? (supplier?.id ?? null) : null,
    });
    if (!parsed.success) return setErrors(zodFieldErrors(parsed.error));
    setErrors({});
    save.mutate(parsed.data);
  }

  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Record a movement">
      <fieldset className="segmented" aria-label="Movement type">
        {movementKinds.map((k) => (
          <label key={k} className={k === kind ? 'on' : undefined}>
            <input type="radio" name="kind" value={k} checked={k === kind} onChange={() => setKind(k)} />
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
                <select aria-label="Direction" value={direction} onChange={(e) => setDirection(e.target.value as '+' | '-')}>
                  <option value="+">+ add</option>
                  <option value="-">− remove</option>
                </select>
              )}
              <input id={id} aria-describedby={d} inputMode="decimal" value={qty} onChange={(e) => setQty(e.target.value)} placeholder={`0 ${unit}`} />
            </div>
          )}
        </Field>
        {kind === 'REMOVE' && (
          <Field label="Reason" error={errors.reason}>
            {(id, d) => (
              <select id={id} aria-describedby={d} value={reason} onChange={(e) => setReason(e.target.value as RemovalReason)}>
                {removalReasons.map((r) => (
                  <option key={r} value={r}>
                    {r}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        {kind === 'IN' && (
          <>
            <Field label="Supplier (optional)" error={errors.supplierId}>
              {(id, d) => <EntityPicker id={id} describedBy={d} kind="suppliers" value={supplier} onChange={setSupplier} search={searchSuppliers} />}
            </Field>
            <Field label="Unit cost (optional)" error={errors.unitCostPaise} hint="₹ per piece, kg or L">
              {(id, d) => <input id={id} aria-describedby={d} inputMode="decimal" value={cost} onChange={(e) => setCost(e.target.value)} placeholder="₹0.00" />}
            </Field>
          </>
        )}
        <Field label="Note (optional)" error={errors.note} wide>
          {(id, d) => <input id={id} aria-describedby={d} value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} />}
        </Field>
      </div>
      <FormError message={save.error ? `Not saved: ${errorMessage(save.error)}` : null} />
      <div className="form-actions">
        <button type="button" className="btn btn-ghost" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : `Record ${kindLabel(i18n, kind).toLowerCase()}`}
        </button>
      </div>
    </form>
  );
}
