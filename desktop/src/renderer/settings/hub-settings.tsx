import { useState, type FormEvent } from 'react';
import type { StoreInfo } from '../../core/core.api';
import { useApi } from '../api/api-context';
import { asApiError } from '../api/use-query';
import { useSync } from '../sync/sync-context';
import { Field } from '../ui/field';
import { Notice } from '../ui/notice';

export function HubSettings({ info, onChanged }: { info: StoreInfo; onChanged: () => void }) {
  const api = useApi();
  const sync = useSync();
  const [hubUrl, setHubUrl] = useState(info.hubUrl ?? 'http://localhost:8787');
  const [token, setToken] = useState('');
  const [force, setForce] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const p: Record<string, string> = {};
    if (!/^https?:\/\/\S+$/.test(hubUrl.trim())) p.hubUrl = 'Enter the hub address, e.g. https://hub.example.com';
    if (token.trim().length < 16) p.token = 'Paste the whole device token from the hub’s Devices page.';
    if (info.enrolled && !force) p.force = 'This counter is already enrolled. Tick the box to enroll it again.';
    setErrors(p);
    setDone(null);
    if (Object.keys(p).length) return;
    setBusy(true);
    try {
      await api.enroll({ hubUrl: hubUrl.trim(), token: token.trim(), force });
      setDone('Enrolled. The first sync is running; the indicator at the top shows its progress.');
      setToken('');
      onChanged();
      void sync.syncNow();
    } catch (err) {
      const ae = asApiError(err);
      setErrors({ form: ae.message, ...ae.fieldErrors() });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="two-col">
      <form className="card card-pad stack" onSubmit={(e) => void submit(e)} noValidate>
        <h2>{info.enrolled ? 'Enroll again' : 'Connect this counter to a hub'}</h2>
        <p className="muted no-margin">
          Head office adds this counter on the hub (Devices → Add) and gets a one-time device token. Paste it here. Sales made
          before enrolling are sent too.
        </p>
        <Field id="hub-url" label="Hub address" error={errors.hubUrl}>
          <input id="hub-url" className="input mono" value={hubUrl} onChange={(e) => setHubUrl(e.target.value)} />
        </Field>
        <Field id="hub-token" label="Device token" error={errors.token}>
          <input id="hub-token" className="input mono" value={token} autoComplete="off" onChange={(e) => setToken(e.target.value)} />
        </Field>
        {info.enrolled && (
          <label className="row check">
            <input type="checkbox" checked={force} onChange={(e) => setForce(e.target.checked)} /> Replace the current enrollment
            {errors.force && <span className="field-error">{errors.force}</span>}
          </label>
        )}
        {errors.form && <Notice kind="error">{errors.form}</Notice>}
        {done && <Notice kind="ok">{done}</Notice>}
        <div className="row">
          <button className="btn btn-primary" type="submit" disabled={busy}>
            {busy ? 'Checking the token…' : 'Enroll'}
          </button>
        </div>
      </form>
      <aside className="card card-pad stack">
        <h2>Current connection</h2>
        <dl className="facts">
          <dt>Status</dt>
          <dd>{info.enrolled ? 'Enrolled' : 'Stand-alone'}</dd>
          <dt>Hub</dt>
          <dd className="mono">{info.hubUrl ?? '—'}</dd>
          <dt>Device</dt>
          <dd className="mono small">{info.deviceId}</dd>
        </dl>
      </aside>
    </div>
  );
}
