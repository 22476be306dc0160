import { supplierCreateSchema, supplierUpdateSchema, type Supplier } from '@bazaar/shared';
import { suppliersApi } from '../../api/endpoints';
import { Field } from '../../components/field';
import { FormActions } from '../../components/form/form-actions';
import { createOrUpdate, optional, useEntityForm } from '../../components/form/use-entity-form';
import { useI18n } from '../../i18n/i18n-context';
import { TextField } from '../../components/form/text-field';

interface SupplierFields {
  name: string;
  phone: string;
  email: string;
  address: string;
}

export function SupplierForm({ supplier, onDone }: { supplier: Supplier | null; onDone(): void }) {
  const { t } = useI18n();
  const { register, errors, submit, save } = useEntityForm<SupplierFields, Supplier>({
    defaultValues: { name: supplier?.name ?? '', phone: supplier?.phone ?? '', email: supplier?.email ?? '', address: supplier?.address ?? '' },
    ...createOrUpdate(supplier, suppliersApi, { create: supplierCreateSchema, update: supplierUpdateSchema }),
    toBody: (f) => ({ body: { name: f.name, phone: optional(f.phone), email: optional(f.email), address: optional(f.address) } }),
    cacheKey: 'supplier',
    invalidate: ['suppliers'],
    onSaved: onDone,
  });

  return (
    <form className="form" onSubmit={submit} noValidate aria-label={supplier ? t('web.supplierForm.edit') : t('web.supplierForm.new')}>
      <div className="form-grid">
        <TextField label={t('web.supplierForm.name')} error={errors.name} wide field={register('name')} />
        <TextField label={t('web.supplierForm.phone')} error={errors.phone} field={register('phone')} type="tel" />
        <TextField label={t('web.supplierForm.email')} error={errors.email} field={register('email')} type="email" />
        <Field label={t('web.supplierForm.address')} error={errors.address} wide>
          {(id, d) => <textarea id={id} rows={2} aria-describedby={d} {...register('address')} />}
        </Field>
      </div>
      <FormActions label={supplier ? t('web.form.saveChanges') : t('web.supplierForm.create')} saving={save.isPending} error={save.error} onCancel={onDone} />
    </form>
  );
}
