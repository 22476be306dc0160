import { useEffect, useState } from 'react';
import QRCode from 'qrcode';
import { deviceCreateSchema, type DeviceEnrollment } from '@bazaar/shared';
import { devicesApi } from '../../api/endpoints';
import { EntityPicker, type PickOption } from '../../components/entity-picker';
import { Field } from '../../components/field';
import { FormActions } from '../../components/form/form-actions';
import { useEntityForm } from '../../components/form/use-entity-form';
import { useI18n } from '../../i18n/i18n-context';
import { searchStores } from '../shared/lookups';
import { TextField } from '../../components/form/text-field';

/** What the counter app scans: the hub's address and the device token. */
export function enrollmentPayload(e: DeviceEnrollment, hubUrl: string): string {
  return JSON.stringify({ hub: hubUrl, deviceId: e.device.id, storeId: e.device.storeId, token: e.token });
}

/** The address a counter on another PC reaches the hub at: the hub's PUBLIC_URL, else the browser's. */
export function hubAddressFor(e: DeviceEnrollment, origin: string): { url: string; localOnly: boolean } {
  const url = e.hubUrl ?? origin;
  const host = new URL(url).hostname;
  return { url, localOnly: host === 'localhost' || host === '::1' || host === '[::1]' || host.startsWith('127.') };
}

function TokenOnce({ enrollment, onDone }: { enrollment: DeviceEnrollment; onDone(): void }) {
  const { t } = useI18n();
  const [qr, setQr] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const hub = hubAddressFor(enrollment, window.location.origin);
  const payload = enrollmentPayload(enrollment, hub.url);
  useEffect(() => {
    QRCode.toDataURL(payload, { errorCorrectionLevel: 'M', margin: 1, width: 240 })
      .then(setQr)
      .catch(() => setQr(null));
  }, [payload]);
  return (
    <div className="enroll-result">
      <p className="notice notice-warn">{t('web.enroll.onlyOnce')}</p>
      <div className="enroll-grid">
        {qr ? <img src={qr} alt={t('web.enroll.qrAlt')} width={240} height={240} data-testid="enroll-qr" /> : <div className="qr-placeholder">…</div>}
        <div>
          <p>
            <strong>{enrollment.device.name}</strong>
          </p>
          <label className="muted" htmlFor="device-token">
            {t('web.enroll.token')}
          </label>
          <textarea id="device-token" className="mono token" readOnly rows={3} value={enrollment.token} data-testid="device-token" />
          <button
            type="button"
            className="btn btn-sm"
            onClick={() => {
              void navigator.clipboard?.writeText(enrollment.token).then(() => setCopied(true));
            }}
          >
            {copied ? t('web.enroll.copied') : t('web.enroll.copy')}
          </button>
          <p className="muted small" data-testid="enroll-hub-address">
            {t('web.enroll.hubAddress', { url: hub.url })}
          </p>
          {hub.localOnly && (
            <p className="notice notice-warn small" data-testid="enroll-local-only">
              {t('web.enroll.localOnly')}
            </p>
          )}
        </div>
      </div>
      <div className="form-actions">
        <button type="button" className="btn btn-primary" onClick={onDone}>
          {t('web.enroll.done')}
        </button>
      </div>
    </div>
  );
}

interface EnrollFields {
  name: string;
}

export function EnrollForm({ onDone }: { onDone(): void }) {
  const { t } = useI18n();
  const [store, setStore] = useState<PickOption | null>(null);
  const { register, errors, submit, save: enroll } = useEntityForm<EnrollFields, DeviceEnrollment>({
    defaultValues: { name: '' },
    schema: deviceCreateSchema,
    toBody: (f) => ({ body: { storeId: store?.id ?? '', name: f.name }, ...(store ? {} : { errors: { storeId: t('web.enroll.chooseStore') } }) }),
    save: (body) => devicesApi.enroll(deviceCreateSchema.parse(body)),
    invalidate: ['devices'],
  });
  if (enroll.data) return <TokenOnce enrollment={enroll.data} onDone={onDone} />;

  return (
    <form className="form" onSubmit={submit} noValidate aria-label={t('web.enroll.title')}>
      <div className="form-grid">
        <Field label={t('web.devices.store')} error={errors.storeId}>
          {(id, d) => <EntityPicker id={id} describedBy={d} kind="stores" value={store} onChange={setStore} search={searchStores} invalid={!!errors.storeId} />}
        </Field>
        <TextField label={t('web.enroll.counterName')} error={errors.name} hint={t('web.enroll.counterHint')} field={register('name')} />
      </div>
      <FormActions
        label={t('web.enroll.submit')}
        savingLabel={t('web.enroll.enrolling')}
        saving={enroll.isPending}
        error={enroll.error}
        failed={(error) => t('web.enroll.failed', { error })}
        onCancel={onDone}
      />
    </form>
  );
}
