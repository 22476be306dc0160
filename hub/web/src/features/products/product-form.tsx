import { useState } from 'react';
import {
  baseUnits,
  formatQuantity,
  formatScaled,
  parseMoney,
  priceUnit,
  parseQuantity,
  productCreateSchema,
  productUpdateSchema,
  type BaseUnit,
  type MessageKey,
  type Product,
} from '@bazaar/shared';
import { errorMessage, type FieldErrors } from '../../api/api-error';
import { productsApi } from '../../api/endpoints';
import { EntityPicker, type PickOption } from '../../components/entity-picker';
import { Field } from '../../components/field';
import { FormActions } from '../../components/form/form-actions';
import { createOrUpdate, optional, useEntityForm } from '../../components/form/use-entity-form';
import { useI18n } from '../../i18n/i18n-context';
import { searchSuppliers, useSupplier } from '../shared/lookups';
import { Options } from '../../components/options';
import { TextField } from '../../components/form/text-field';
import { PackRows, packRowsOf, packsError, packsOfRows, type PackRow } from './pack-rows';

const unitLabel: Record<BaseUnit, MessageKey> = { pc: 'web.productForm.unit.pc', g: 'web.productForm.unit.g', ml: 'web.productForm.unit.ml' };

/** Named as the body's fields, typed as people write them ("185.50", "2 kg"). */
interface ProductFields {
  sku: string;
  barcode: string;
  name: string;
  unit: BaseUnit;
  category: string;
  priceMinor: string;
  costMinor: string;
  reorderLevel: string;
}

/** Reads one typed amount; what does not parse becomes that field's message. */
function reader(errors: FieldErrors) {
  return (key: keyof ProductFields, parse: () => number) => {
    try {
      return parse();
    } catch (err) {
      errors[key] = errorMessage(err);
      return 0;
    }
  };
}

export function ProductForm({ product, onDone }: { product: Product | null; onDone(): void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const supplierInfo = useSupplier(product?.supplierId);
  const [supplier, setSupplier] = useState<PickOption | null | undefined>(undefined);
  const currentSupplier = supplier !== undefined ? supplier : supplierInfo.data ? { id: supplierInfo.data.id, label: supplierInfo.data.name } : null;
  const unit = product?.unit;
  const [packRows, setPackRows] = useState<PackRow[]>(() => packRowsOf(product?.packs ?? [], product?.unit ?? 'pc'));
  const { form, register, errors, submit, save } = useEntityForm<ProductFields, Product>({
    defaultValues: {
      sku: product?.sku ?? '',
      barcode: product?.barcode ?? '',
      name: product?.name ?? '',
      unit: unit ?? 'pc',
      category: product?.category ?? '',
      priceMinor: product ? formatScaled(product.priceMinor, 2, false) : '',
      costMinor: product ? formatScaled(product.costMinor, 2, false) : '',
      // In display units with the unit written ("2 kg"): a bare 2000 would read as 2000 kg.
      reorderLevel: product ? formatQuantity(product.reorderLevel, product.unit) : '0',
    },
    ...createOrUpdate(product, productsApi, { create: productCreateSchema, update: productUpdateSchema }),
    toBody: (f) => {
      const errors: FieldErrors = {};
      const read = reader(errors);
      // A product's unit is fixed once it has history: the disabled select is not in the values.
      const u = unit ?? f.unit;
      const body = {
        sku: f.sku,
        barcode: optional(f.barcode),
        name: f.name,
        unit: u,
        category: optional(f.category),
        supplierId: currentSupplier?.id ?? null,
        priceMinor: read('priceMinor', () => parseMoney(f.priceMinor || '0')),
        costMinor: read('costMinor', () => parseMoney(f.costMinor || '0')),
        reorderLevel: read('reorderLevel', () => parseQuantity(f.reorderLevel || '0', u)),
        packs: packsOfRows(packRows, u, errors),
      };
      return { body, errors };
    },
    cacheKey: 'product',
    invalidate: ['products', 'stocks'],
    onSaved: onDone,
  });
  const shownUnit = unit ?? form.watch('unit');
  const perUnit = t('web.productForm.perUnit', { symbol: i18n.currency.symbol ?? i18n.currency.code, unit: priceUnit(shownUnit) });

  return (
    <form className="form" onSubmit={submit} noValidate aria-label={product ? t('web.productForm.edit') : t('web.productForm.new')}>
      <div className="form-grid">
        <TextField label={t('web.productForm.sku')} error={errors.sku} field={register('sku')} aria-invalid={!!errors.sku} />
        <TextField label={t('web.productForm.barcode')} error={errors.barcode} field={register('barcode')} inputMode="numeric" />
        <TextField label={t('web.productForm.name')} error={errors.name} wide field={register('name')} />
        <Field label={t('web.productForm.unit')} error={errors.unit}>
          {(id, d) => (
            <select id={id} aria-describedby={d} {...register('unit', { disabled: !!product })}>
              <Options values={baseUnits} label={(u) => t(unitLabel[u])} />
            </select>
          )}
        </Field>
        <TextField label={t('web.productForm.category')} error={errors.category} field={register('category')} />
        <TextField label={t('web.productForm.price')} error={errors.priceMinor} hint={perUnit} field={register('priceMinor')} inputMode="decimal" />
        <TextField label={t('web.productForm.cost')} error={errors.costMinor} hint={perUnit} field={register('costMinor')} inputMode="decimal" />
        <TextField label={t('web.productForm.reorder')} error={errors.reorderLevel} hint={t('web.productForm.reorderHint', { unit: priceUnit(shownUnit) })} field={register('reorderLevel')} />
        <Field label={t('web.productForm.supplier')} error={errors.supplierId}>
          {(id, d) => <EntityPicker id={id} describedBy={d} kind="suppliers" value={currentSupplier} onChange={setSupplier} search={searchSuppliers} />}
        </Field>
        <PackRows rows={packRows} unit={shownUnit} error={packsError(errors)} onChange={setPackRows} />
      </div>
      <FormActions label={product ? t('web.form.saveChanges') : t('web.productForm.create')} saving={save.isPending} error={save.error} onCancel={onDone} />
    </form>
  );
}
