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

function TokenOnce({ enrollment, onDone }: { enrollment: DeviceEnrollment; onDone(): void }) {
  const [qr, setQr] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const payload = enrollmentPayload(enrollment, window.location.origin);
  useEffect(() => {
    QRCode.toDataURL(payload, { errorCorrectionLevel: 'M', margin: 1, width: 240 })
      .then(setQr)
      .catch(() => setQr(null));
  }, [payload]);
  return (
    <div className="enroll-result">
      <p className="notice notice-warn">
        This token is shown <strong>only once</strong>. Scan the code on the counter, or copy the token into its setup screen now.
      </p>
      <div className="enroll-grid">
        {qr ? <img src={qr} alt="Enrollment QR code" width={240} height={240} data-testid="enroll-qr" /> : <div className="qr-placeholder">…</div>}
        <div>
          <p>
            <strong>{enrollment.device.name}</strong>
          </p>
          <label className="muted" htmlFor="device-token">
            Device token
          </label>
          <textarea id="device-token" className="mono token" readOnly rows={3} value={enrollment.token} data-testid="device-token" />
          <button
            type="button"
            className="btn btn-sm"
            onClick={() => {
              void navigator.clipboard?.writeText(enrollment.token).then(() => setCopied(true));
            }}
          >
            {copied ? 'Copied' : 'Copy token'}
          </button>
          <p className="muted small">Hub address for the counter: {window.location.origin}</p>
        </div>
      </div>
      <div className="form-actions">
        <button type="button" className="btn btn-primary" onClick={onDone}>
          Done — I have saved it
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
    toBody: (f) => ({ body: { storeId: store?.id ?? '', name: f.name }, ...(store ? {} : { errors: { storeId: 'choose a store' } }) }),
    save: (body) => devicesApi.enroll(deviceCreateSchema.parse(body)),
    invalidate: ['devices'],
  });
  if (enroll.data) return <TokenOnce enrollment={enroll.data} onDone={onDone} />;

  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Enroll a counter">
      <div className="form-grid">
        <Field label="Store" error={errors.storeId}>
          {(id, d) => <EntityPicker id={id} describedBy={d} kind="stores" value={store} onChange={setStore} search={searchStores} invalid={!!errors.storeId} />}
        </Field>
        <TextField label="Counter name" error={errors.name} hint="e.g. “Till 2” or “Back office PC”" field={register('name')} />
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
