import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  baseUnits,
  formatScaled,
  parseMoney,
  parseQuantity,
  productCreateSchema,
  productUpdateSchema,
  type BaseUnit,
  type Product,
} from '@bazaar/shared';
import { ApiError, errorMessage, type FieldErrors } from '../../api/api-error';
import { productsApi } from '../../api/endpoints';
import { EntityPicker, type PickOption } from '../../components/entity-picker';
import { Field, FormError } from '../../components/field';
import { zodFieldErrors } from '../../components/zod-errors';
import { searchSuppliers, useSupplier } from '../shared/lookups';

const unitLabel: Record<BaseUnit, string> = { pc: 'Pieces (pc)', g: 'Weight (g / kg)', ml: 'Volume (ml / L)' };

export function ProductForm({ product, onDone }: { product: Product | null; onDone(): void }) {
  const qc = useQueryClient();
  const supplierInfo = useSupplier(product?.supplierId);
  const [f, setF] = useState({
    sku: product?.sku ?? '',
    barcode: product?.barcode ?? '',
    name: product?.name ?? '',
    unit: (product?.unit ?? 'pc') as BaseUnit,
    category: product?.category ?? '',
    price: product ? formatScaled(product.pricePaise, 2, false) : '',
    cost: product ? formatScaled(product.costPaise, 2, false) : '',
    reorder: product ? String(product.reorderLevel) : '0',
  });
  const [supplier, setSupplier] = useState<PickOption | null | undefined>(undefined);
  const currentSupplier = supplier !== undefined ? supplier : supplierInfo.data ? { id: supplierInfo.data.id, label: supplierInfo.data.name } : null;
  const [errors, setErrors] = useState<FieldErrors>({});
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF((s) => ({ ...s, [k]: e.target.value }));

  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      product ? productsApi.update(product.id, productUpdateSchema.parse(body)) : productsApi.create(productCreateSchema.parse(body)),
    onSuccess: (saved) => {
      qc.setQueryData(['product', saved.id], saved);
      void qc.invalidateQueries({ queryKey: ['products'] });
      void qc.invalidateQueries({ queryKey: ['stocks'] });
      onDone();
    },
    onError: (err) => setErrors(err instanceof ApiError ? err.fieldErrors() : {}),
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    const errs: FieldErrors = {};
    const money = (key: 'pricePaise' | 'costPaise', text: string) => {
      try {
        return parseMoney(text || '0');
      } catch (err) {
        errs[key] = errorMessage(err);
        return 0;
      }
    };
    const pricePaise = money('pricePaise', f.price);
    const costPaise = money('costPaise', f.cost);
    let reorderLevel = 0;
    try {
      reorderLevel = parseQuantity(f.reorder || '0', f.unit);
    } catch (err) {
      errs.reorderLevel = errorMessage(err);
    }
    const body = {
      sku: f.sku,
      barcode: f.barcode.trim() || null,
      name: f.name,
      unit: f.unit,
      category: f.category.trim() || null,
      supplierId: currentSupplier?.id ?? null,
      pricePaise,
      costPaise,
      reorderLevel,
    };
    const parsed = (product ? productUpdateSchema : productCreateSchema).safeParse(body);
    if (!parsed.success) Object.assign(errs, { ...zodFieldErrors(parsed.error), ...errs });
    setErrors(errs);
    if (!Object.keys(errs).length) save.mutate(body);
  }

  return (
    <form className="form" onSubmit={submit} noValidate aria-label={product ? 'Edit product' : 'New product'}>
      <div className="form-grid">
        <Field label="SKU" error={errors.sku}>
          {(id, d) => <input id={id} name="sku" aria-describedby={d} aria-invalid={!!errors.sku} value={f.sku} onChange={set('sku')} />}
        </Field>
        <Field label="Barcode (optional)" error={errors.barcode}>
          {(id, d) => <input id={id} name="barcode" aria-describedby={d} value={f.barcode} onChange={set('barcode')} inputMode="numeric" />}
        </Field>
        <Field label="Name" error={errors.name} wide>
          {(id, d) => <input id={id} name="name" aria-describedby={d} value={f.name} onChange={set('name')} />}
        </Field>
        <Field label="Unit" error={errors.unit}>
          {(id, d) => (
            <select id={id} name="unit" aria-describedby={d} value={f.unit} onChange={set('unit')} disabled={!!product}>
              {baseUnits.map((u) => (
                <option key={u} value={u}>
                  {unitLabel[u]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Category (optional)" error={errors.category}>
          {(id, d) => <input id={id} name="category" aria-describedby={d} value={f.category} onChange={set('category')} />}
        </Field>
        <Field label="Selling price" error={errors.pricePaise} hint={f.unit === 'pc' ? '₹ per piece' : f.unit === 'g' ? '₹ per kg' : '₹ per L'}>
          {(id, d) => <input id={id} name="price" aria-describedby={d} inputMode="decimal" value={f.price} onChange={set('price')} />}
        </Field>
        <Field label="Cost" error={errors.costPaise}>
          {(id, d) => <input id={id} name="cost" aria-describedby={d} inputMode="decimal" value={f.cost} onChange={set('cost')} />}
        </Field>
        <Field label="Reorder level" error={errors.reorderLevel} hint={`Low stock at or under this (${f.unit === 'pc' ? 'pieces' : f.unit === 'g' ? 'e.g. 2 kg' : 'e.g. 5 L'})`}>
          {(id, d) => <input id={id} name="reorder" aria-describedby={d} value={f.reorder} onChange={set('reorder')} />}
        </Field>
        <Field label="Supplier (optional)" error={errors.supplierId}>
          {(id, d) => <EntityPicker id={id} describedBy={d} kind="suppliers" value={currentSupplier} onChange={setSupplier} search={searchSuppliers} />}
        </Field>
      </div>
      <FormError message={save.error ? `Not saved: ${errorMessage(save.error)}` : null} />
      <div className="form-actions">
        <button type="button" className="btn btn-ghost" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : product ? 'Save changes' : 'Create product'}
        </button>
      </div>
    </form>
  );
}
