import { DEFAULT_STORE_TIME_ZONE, storeCreateSchema, storeUpdateSchema, type Store } from '@bazaar/shared';
import { storesApi } from '../../api/endpoints';
import { FormActions } from '../../components/form/form-actions';
import { createOrUpdate, optional, useEntityForm } from '../../components/form/use-entity-form';
import { useI18n } from '../../i18n/i18n-context';
import { TextField } from '../../components/form/text-field';

interface StoreFields {
  code: string;
  name: string;
  region: string;
  location: string;
  varianceThreshold: string;
  timeZone: string;
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
      timeZone: store?.timeZone ?? DEFAULT_STORE_TIME_ZONE,
    },
    ...createOrUpdate(store, storesApi, { create: storeCreateSchema, update: storeUpdateSchema }),
    toBody: (f) => ({
      body: { code: f.code, name: f.name, region: optional(f.region), location: optional(f.location), varianceThreshold: Number(f.varianceThreshold), timeZone: f.timeZone.trim() },
    }),
    cacheKey: 'store',
    invalidate: ['stores'],
    onSaved: onDone,
  });

  return (
    <form className="form" onSubmit={submit} noValidate aria-label={store ? 'Edit store' : 'New store'}>
      <div className="form-grid">
        <TextField label="Code" error={errors.code} hint="Short unique code, e.g. BLR-014" field={register('code')} />
        <TextField label="Name" error={errors.name} field={register('name')} />
        <TextField label="Region" error={errors.region} field={register('region')} />
        <TextField label="Count variance threshold" error={errors.varianceThreshold} hint="Base units; larger count differences are flagged" field={register('varianceThreshold')} inputMode="numeric" />
        <TextField label={t('web.stores.timeZone')} error={errors.timeZone} hint={t('web.stores.timeZoneHint')} field={register('timeZone')} />
        <TextField label="Address / location" error={errors.location} wide field={register('location')} />
      </div>
      <FormActions label={store ? t('web.form.saveChanges') : 'Create store'} saving={save.isPending} error={save.error} onCancel={onDone} />
    </form>
  );
}
