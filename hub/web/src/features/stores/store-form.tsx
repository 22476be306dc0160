import { storeCreateSchema, storeUpdateSchema, type Store } from '@bazaar/shared';
import { storesApi } from '../../api/endpoints';
import { Field } from '../../components/field';
import { FormActions } from '../../components/form/form-actions';
import { optional, useEntityForm } from '../../components/form/use-entity-form';
import { useI18n } from '../../i18n/i18n-context';

interface StoreFields {
  code: string;
  name: string;
  region: string;
  location: string;
  varianceThreshold: string;
}

export function StoreForm({ store, onDone }: { store: Store | null; onDone(): void }) {
  const { t } = useI18n();
  const { register, errors, submit, save } = useEntityForm<StoreFields, Store>({
    defaultValues: {
      code: store?.code ?? '',
      name: store?.name ?? '',
      region: store?.region ?? '',
      location: store?.location ?? '',
      varianceThreshold: String(store?.varianceThreshold ?? 10),
    },
    schema: store ? storeUpdateSchema : storeCreateSchema,
    toBody: (f) => ({
      body: { code: f.code, name: f.name, region: optional(f.region), location: optional(f.location), varianceThreshold: Number(f.varianceThreshold) },
    }),
    save: (body) => (store ? storesApi.update(store.id, storeUpdateSchema.parse(body)) : storesApi.create(storeCreateSchema.parse(body))),
    cacheKey: 'store',
    invalidate: ['stores'],
    onSaved: onDone,
  });

  return (
    <form className="form" onSubmit={submit} noValidate aria-label={store ? 'Edit store' : 'New store'}>
      <div className="form-grid">
        <Field label="Code" error={errors.code} hint="Short unique code, e.g. BLR-014">
          {(id, d) => <input id={id} aria-describedby={d} {...register('code')} />}
        </Field>
        <Field label="Name" error={errors.name}>
          {(id, d) => <input id={id} aria-describedby={d} {...register('name')} />}
        </Field>
        <Field label="Region" error={errors.region}>
          {(id, d) => <input id={id} aria-describedby={d} {...register('region')} />}
        </Field>
        <Field label="Count variance threshold" error={errors.varianceThreshold} hint="Base units; larger count differences are flagged">
          {(id, d) => <input id={id} aria-describedby={d} inputMode="numeric" {...register('varianceThreshold')} />}
        </Field>
        <Field label="Address / location" error={errors.location} wide>
          {(id, d) => <input id={id} aria-describedby={d} {...register('location')} />}
        </Field>
      </div>
      <FormActions label={store ? t('web.form.saveChanges') : 'Create store'} saving={save.isPending} error={save.error} onCancel={onDone} />
    </form>
  );
}
