import { useState, type FormEvent } from 'react';
import type { StoreInfo } from '../../core/core.api';
import { useApi } from '../api/api-context';
import { asApiError } from '../api/use-query';
import { Field } from '../ui/field';
import { Notice } from '../ui/notice';

/** First run: start a stand-alone store, or join a hub and take store and staff from it. */
export function SetupScreen({ info, onDone }: { info: StoreInfo; onDone: () => void }) {
  return (
    <div className="auth-page">
      <div className="card auth-card wide">
        <div className="auth-brand">
          <span className="brand-mark">B</span>
          <div>
            <h1>Set up this counter</h1>
            <span className="muted">Once, on the first start. Everything stays on this computer until it is connected to a hub.</span>
          </div>
        </div>
        <div className="setup-grid">
          {info.enrolled ? <WaitForStaff onDone={onDone} /> : <NewStoreForm info={info} onDone={onDone} />}
          {!info.enrolled && <JoinHubForm info={info} onDone={onDone} />}
        </div>
      </div>
    </div>
  );
}

function NewStoreForm({ info, onDone }: { info: StoreInfo; onDone: () => void }) {
  const api = useApi();
  const [f, setF] = useState({ code: info.storeCode ?? '', store: info.storeName ?? '', name: '', username: '', pin: '', pin2: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF((o) => ({ ...o, [k]: e.target.value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const p: Record<string, string> = {};
    if (!info.initialised && !f.code.trim()) p.code = 'Give the store a short code, e.g. DEL-01.';
    if (!info.initialised && !f.store.trim()) p.store = 'Enter the shop’s name.';
    if (!f.name.trim()) p.name = 'Enter your name.';
    if (f.username.trim().length < 3) p.username = 'At least 3 letters or digits.';
    if (!/^\d{4,8}$/.test(f.pin)) p.pin = 'The PIN is 4 to 8 digits.';
    else if (f.pin !== f.pin2) p.pin2 = 'The two PINs differ.';
    setErrors(p);
    if (Object.keys(p).length) return;
    setBusy(true);
    try {
      if (!info.initialised) await api.initStore({ code: f.code.trim(), name: f.store.trim() });
      const username = f.username.trim().toLowerCase();
      await api.createUser({ username, name: f.name.trim(), role: 'admin', pin: f.pin });
      await api.signIn({ username, pin: f.pin });
      onDone();
    } catch (err) {
      const ae = asApiError(err);
      setErrors({ form: ae.message, ...ae.fieldErrors() });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="stack" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="new-store-title">
      <h2 id="new-store-title" className="section-title">
        Start a new store
      </h2>
      {!info.initialised && (
        <div className="form-grid">
          <Field id="setup-code" label="Store code" error={errors.code}>
            <input id="setup-code" className="input" value={f.code} onChange={set('code')} autoFocus />
          </Field>
          <Field id="setup-store" label="Shop name" error={errors.store}>
            <input id="setup-store" className="input" value={f.store} onChange={set('store')} />
          </Field>
        </div>
      )}
      <div className="form-grid">
        <Field id="setup-name" label="Your name" error={errors.name}>
          <input id="setup-name" className="input" value={f.name} onChange={set('name')} />
        </Field>
        <Field id="setup-username" label="Username" error={errors.username}>
          <input id="setup-username" className="input" value={f.username} onChange={set('username')} autoCapitalize="off" />
        </Field>
        <Field id="setup-pin" label="PIN (4–8 digits)" error={errors.pin}>
          <input id="setup-pin" className="input" type="password" inputMode="numeric" value={f.pin} onChange={set('pin')} />
        </Field>
        <Field id="setup-pin2" label="PIN again" error={errors.pin2}>
          <input id="setup-pin2" className="input" type="password" inputMode="numeric" value={f.pin2} onChange={set('pin2')} />
        </Field>
      </div>
      {errors.form && <Notice kind="error">{errors.form}</Notice>}
      <button className="btn btn-primary" type="submit" disabled={busy}>
        {busy ? 'Setting up…' : 'Create store and sign in'}
      </button>
    </form>
  );
}

function JoinHubForm({ info, onDone }: { info: StoreInfo; onDone: () => void }) {
  const api = useApi();
  const [hubUrl, setHubUrl] = useState('http://localhost:8787');
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!token.trim()) return setError('Paste the device token from the hub’s Devices page.');
    setBusy(true);
    setError(null);
    try {
      // The hub's store replaces these placeholders on the first pull.
      if (!info.initialised) await api.initStore({ code: 'COUNTER', name: 'New counter' });
      await api.enroll({ hubUrl: hubUrl.trim(), token: token.trim() });
      await api.syncNow();
      onDone();
    } catch (err) {
      setError(asApiError(err).message);
      onDone();
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="stack" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="join-title">
      <h2 id="join-title" className="section-title">
        Or join your head office
      </h2>
      <p className="muted no-margin">The store, its products and its staff with their PINs come from the hub.</p>
      <Field id="join-url" label="Hub address">
        <input id="join-url" className="input mono" value={hubUrl} onChange={(e) => setHubUrl(e.target.value)} />
      </Field>
      <Field id="join-token" label="Device token" hint="Shown once when head office adds this counter">
        <input id="join-token" className="input mono" value={token} onChange={(e) => setToken(e.target.value)} autoComplete="off" />
      </Field>
      {error && <Notice kind="error">{error}</Notice>}
      <button className="btn" type="submit" disabled={busy}>
        {busy ? 'Connecting…' : 'Connect to the hub'}
      </button>
    </form>
  );
}

function WaitForStaff({ onDone }: { onDone: () => void }) {
  const api = useApi();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <div className="stack">
      <h2 className="section-title">Waiting for staff from the hub</h2>
      <p className="muted no-margin">This counter is connected, but no staff member with a PIN has arrived yet. Add staff with PINs on the hub, then sync.</p>
      {error && <Notice kind="error">{error}</Notice>}
      <button
        className="btn btn-primary"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          api.syncNow().then(
            () => onDone(),
            (err: unknown) => setError(asApiError(err).message),
          ).finally(() => setBusy(false));
        }}
      >
        {busy ? 'Syncing…' : 'Sync now'}
      </button>
    </div>
  );
}
