import { DEFAULT_STORE_TIME_ZONE, DEFAULT_VARIANCE_LOOSE_PERCENT, isLocale, localeInfo, storeCreateSchema, storeUpdateSchema, type Store } from '@bazaar/shared';
import { useHubSettings } from '../settings/hub-settings.query';
import { Field } from '../../components/field';
import { storesApi } from '../../api/endpoints';
import { FormActions } from '../../components/form/form-actions';
import { createOrUpdate, optional, useEntityForm } from '../../components/form/use-entity-form';
import { LocaleOptions } from '../../components/locale-options';
import { useI18n } from '../../i18n/i18n-context';
import { TextField } from '../../components/form/text-field';

interface StoreFields {
  code: string;
  name: string;
  region: string;
  location: string;
  varianceThreshold: string;
  varianceLoosePercent: string;
  timeZone: string;
  /** '' = the hub's default. */
  defaultLocale: string;
}

export function StoreForm({ store, onDone }: { store: Store | null; onDone(): void }) {
  const { t } = useI18n();
  const hubLocale = useHubSettings().data?.defaultLocale;
  const { register, errors, submit, save } = useEntityForm<StoreFields, Store>({
    defaultValues: {
      code: store?.code ?? '',
      name: store?.name ?? '',
      region: store?.region ?? '',
      location: store?.location ?? '',
      varianceThreshold: String(store?.varianceThreshold ?? 10),
      varianceLoosePercent: String(store?.varianceLoosePercent ?? DEFAULT_VARIANCE_LOOSE_PERCENT),
      timeZone: store?.timeZone ?? DEFAULT_STORE_TIME_ZONE,
      defaultLocale: store?.defaultLocale ?? '',
    },
    ...createOrUpdate(store, storesApi, { create: storeCreateSchema, update: storeUpdateSchema }),
    toBody: (f) => ({
      body: { code: f.code, name: f.name, region: optional(f.region), location: optional(f.location), varianceThreshold: Number(f.varianceThreshold), varianceLoosePercent: Number(f.varianceLoosePercent.replace(',', '.')), timeZone: f.timeZone.trim(), defaultLocale: isLocale(f.defaultLocale) ? f.defaultLocale : null },
    }),
    cacheKey: 'store',
    invalidate: ['stores'],
    onSaved: onDone,
  });

  return (
    <form className="form" onSubmit={submit} noValidate aria-label={store ? t('web.stores.edit') : t('web.stores.new')}>
      <div className="form-grid">
        <TextField label={t('web.storeForm.code')} error={errors.code} hint={t('web.storeForm.codeHint')} field={register('code')} />
        <TextField label={t('web.storeForm.name')} error={errors.name} field={register('name')} />
        <TextField label={t('web.storeForm.region')} error={errors.region} field={register('region')} />
        <TextField label={t('web.storeForm.variancePieces')} error={errors.varianceThreshold} hint={t('web.storeForm.variancePiecesHint')} field={register('varianceThreshold')} inputMode="numeric" />
        <TextField label={t('web.storeForm.varianceLoose')} error={errors.varianceLoosePercent} hint={t('web.storeForm.varianceLooseHint')} field={register('varianceLoosePercent')} inputMode="decimal" />
        <TextField label={t('web.stores.timeZone')} error={errors.timeZone} hint={t('web.stores.timeZoneHint')} field={register('timeZone')} />
        <Field label={t('web.storeForm.language')} error={errors.defaultLocale} hint={t('web.storeForm.languageHint')}>
          {(id, d) => (
            <select id={id} aria-describedby={d} data-testid="store-language" {...register('defaultLocale')}>
              <option value="">{t('web.storeForm.languageHub', { language: hubLocale ? localeInfo[hubLocale].nativeName : '…' })}</option>
              <LocaleOptions />
            </select>
          )}
        </Field>
        <TextField label={t('web.storeForm.location')} error={errors.location} wide field={register('location')} />
      </div>
      <FormActions label={store ? t('web.form.saveChanges') : t('web.storeForm.create')} saving={save.isPending} error={save.error} onCancel={onDone} />
    </form>
  );
}
