import { useEffect, useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import QRCode from 'qrcode';
import { deviceCreateSchema, type DeviceEnrollment } from '@bazaar/shared';
import { ApiError, errorMessage, type FieldErrors } from '../../api/api-error';
import { devicesApi } from '../../api/endpoints';
import { EntityPicker, type PickOption } from '../../components/entity-picker';
import { Field, FormError } from '../../components/field';
import { zodFieldErrors } from '../../components/zod-errors';
import { searchStores } from '../shared/lookups';

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

export function EnrollForm({ onDone }: { onDone(): void }) {
  const qc = useQueryClient();
  const [store, setStore] = useState<PickOption | null>(null);
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const enroll = useMutation({
    mutationFn: devicesApi.enroll,
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['devices'] }),
    onError: (err) => setErrors(err instanceof ApiError ? err.fieldErrors() : {}),
  });
  if (enroll.data) return <TokenOnce enrollment={enroll.data} onDone={onDone} />;

  function submit(e: FormEvent) {
    e.preventDefault();
    const parsed = deviceCreateSchema.safeParse({ storeId: store?.id ?? '', name });
    if (!parsed.success) {
      const errs = zodFieldErrors(parsed.error);
      if (!store) errs.storeId = 'choose a store';
      return setErrors(errs);
    }
    setErrors({});
    enroll.mutate(parsed.data);
  }
  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Enroll a counter">
      <div className="form-grid">
        <Field label="Store" error={errors.storeId}>
          {(id, d) => <EntityPicker id={id} describedBy={d} kind="stores" value={store} onChange={setStore} search={searchStores} invalid={!!errors.storeId} />}
        </Field>
        <Field label="Counter name" error={errors.name} hint="e.g. “Till 2” or “Back office PC”">
          {(id, d) => <input id={id} name="name" aria-describedby={d} value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
      </div>
      <FormError message={enroll.error ? `Not enrolled: ${errorMessage(enroll.error)}` : null} />
      <div className="form-actions">
        <button type="button" className="btn btn-ghost" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary" disabled={enroll.isPending}>
          {enroll.isPending ? 'Enrolling…' : 'Enroll counter'}
        </button>
      </div>
    </form>
  );
}
