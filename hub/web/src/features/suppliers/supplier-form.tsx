import { supplierCreateSchema, supplierUpdateSchema, type Supplier } from '@bazaar/shared';
import { suppliersApi } from '../../api/endpoints';
import { Field } from '../../components/field';
import { FormActions } from '../../components/form/form-actions';
import { optional, useEntityForm } from '../../components/form/use-entity-form';
import { useI18n } from '../../i18n/i18n-context';

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
    schema: supplier ? supplierUpdateSchema : supplierCreateSchema,
    toBody: (f) => ({ body: { name: f.name, phone: optional(f.phone), email: optional(f.email), address: optional(f.address) } }),
    save: (body) => (supplier ? suppliersApi.update(supplier.id, supplierUpdateSchema.parse(body)) : suppliersApi.create(supplierCreateSchema.parse(body))),
    cacheKey: 'supplier',
    invalidate: ['suppliers'],
    onSaved: onDone,
  });

  return (
    <form className="form" onSubmit={submit} noValidate aria-label={supplier ? 'Edit supplier' : 'New supplier'}>
      <div className="form-grid">
        <Field label="Name" error={errors.name} wide>
          {(id, d) => <input id={id} aria-describedby={d} {...register('name')} />}
        </Field>
        <Field label="Phone" error={errors.phone}>
          {(id, d) => <input id={id} type="tel" aria-describedby={d} {...register('phone')} />}
        </Field>
        <Field label="Email" error={errors.email}>
          {(id, d) => <input id={id} type="email" aria-describedby={d} {...register('email')} />}
        </Field>
        <Field label="Address" error={errors.address} wide>
          {(id, d) => <textarea id={id} rows={2} aria-describedby={d} {...register('address')} />}
        </Field>
      </div>
      <FormActions label={supplier ? t('web.form.saveChanges') : 'Create supplier'} saving={save.isPending} error={save.error} onCancel={onDone} />
    </form>
  );
}
