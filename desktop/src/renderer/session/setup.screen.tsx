import { useState, type FormEvent } from 'react';
import type { StoreInfo } from '../../core/core.api';
import { useApi } from '../api/api-context';
import { asApiError, formErrors } from '../api/use-query';
import { Field } from '../ui/field';
import { Notice } from '../ui/notice';
import { LocalePicker, useI18n } from '../i18n/i18n-context';

/** First run: start a stand-alone store, or join a hub and take store and staff from it. */
export function SetupScreen({ info, onDone }: { info: StoreInfo; onDone: () => void }) {
  const { t } = useI18n();
  return (
    <div className="auth-page">
      <div className="card auth-card wide">
        <div className="auth-brand">
          <span className="brand-mark" aria-hidden="true">B</span>
          <div>
            <h1>{t('setup.title')}</h1>
            <span className="muted">{t('setup.intro')}</span>
          </div>
          <LocalePicker className="auth-locale" />
        </div>
        <div className="setup-grid">
          {info.enrolled ? <WaitForStaff onDone={onDone} /> : <NewStoreForm info={info} onDone={onDone} />}
          {!info.enrolled && <JoinHubForm onDone={onDone} />}
        </div>
      </div>
    </div>
  );
}

function NewStoreForm({ info, onDone }: { info: StoreInfo; onDone: () => void }) {
  const api = useApi();
  const { t } = useI18n();
  const [f, setF] = useState({ code: info.storeCode ?? '', store: info.storeName ?? '', name: '', username: '', pin: '', pin2: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF((o) => ({ ...o, [k]: e.target.value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const p: Record<string, string> = {};
    if (!f.code.trim()) p.code = t('setup.err.code');
    if (!f.store.trim()) p.store = t('setup.err.store');
    if (!f.name.trim()) p.name = t('setup.err.name');
    if (f.username.trim().length < 3) p.username = t('setup.err.username');
    if (!/^\d{4,8}$/.test(f.pin)) p.pin = t('setup.err.pin');
    else if (f.pin !== f.pin2) p.pin2 = t('setup.err.pin2');
    setErrors(p);
    if (Object.keys(p).length) return;
    setBusy(true);
    try {
      // A store started but never used (a setup left half-way) takes the code and name given now.
      const code = f.code.trim();
      const name = f.store.trim();
      if (!info.initialised || code !== info.storeCode || name !== info.storeName) await api.initStore({ code, name });
      const username = f.username.trim().toLowerCase();
      await api.createUser({ username, name: f.name.trim(), role: 'admin', pin: f.pin });
      await api.signIn({ username, pin: f.pin });
      onDone();
    } catch (err) {
      setErrors(formErrors(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="stack" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="new-store-title">
      <h2 id="new-store-title" className="section-title">
        {t('setup.newStore')}
      </h2>
      <div className="form-grid">
        <Field id="setup-code" label={t('setup.storeCode')} error={errors.code}>
          <input id="setup-code" className="input" value={f.code} onChange={set('code')} autoFocus />
        </Field>
        <Field id="setup-store" label={t('setup.shopName')} error={errors.store}>
          <input id="setup-store" className="input" value={f.store} onChange={set('store')} />
        </Field>
      </div>
      <div className="form-grid">
        <Field id="setup-name" label={t('setup.yourName')} error={errors.name}>
          <input id="setup-name" className="input" value={f.name} onChange={set('name')} />
        </Field>
        <Field id="setup-username" label={t('common.username')} error={errors.username}>
          <input id="setup-username" className="input" value={f.username} onChange={set('username')} autoCapitalize="off" />
        </Field>
        <Field id="setup-pin" label={t('setup.pinLabel')} error={errors.pin}>
          <input id="setup-pin" className="input" type="password" inputMode="numeric" value={f.pin} onChange={set('pin')} />
        </Field>
        <Field id="setup-pin2" label={t('setup.pinAgain')} error={errors.pin2}>
          <input id="setup-pin2" className="input" type="password" inputMode="numeric" value={f.pin2} onChange={set('pin2')} />
        </Field>
      </div>
      {errors.form && <Notice kind="error">{errors.form}</Notice>}
      <button className="btn btn-primary" type="submit" disabled={busy}>
        {busy ? t('setup.settingUp') : t('setup.create')}
      </button>
    </form>
  );
}

function JoinHubForm({ onDone }: { onDone: () => void }) {
  const api = useApi();
  const { t } = useI18n();
  const [hubUrl, setHubUrl] = useState('http://localhost:8787');
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!token.trim()) return setError(t('setup.err.token'));
    setBusy(true);
    setError(null);
    try {
      // A counter without a store gets one only once the hub has accepted the token.
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
        {t('setup.join')}
      </h2>
      <p className="muted no-margin">{t('setup.joinIntro')}</p>
      <Field id="join-url" label={t('setup.hubAddress')}>
        <input id="join-url" className="input mono" value={hubUrl} onChange={(e) => setHubUrl(e.target.value)} />
      </Field>
      <Field id="join-token" label={t('setup.deviceToken')} hint={t('setup.tokenHint')}>
        <input id="join-token" className="input mono" value={token} onChange={(e) => setToken(e.target.value)} autoComplete="off" />
      </Field>
      {error && <Notice kind="error">{error}</Notice>}
      <button className="btn" type="submit" disabled={busy}>
        {busy ? t('setup.connecting') : t('setup.connect')}
      </button>
    </form>
  );
}

function WaitForStaff({ onDone }: { onDone: () => void }) {
  const api = useApi();
  const { t } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Sync again, or start the setup over: either way the setup screen is read afresh after it.
  const run = (call: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    call()
      .then(
        () => onDone(),
        (err: unknown) => setError(asApiError(err).message),
      )
      .finally(() => setBusy(false));
  };
  return (
    <div className="stack">
      <h2 className="section-title">{t('setup.waitStaff')}</h2>
      <p className="muted no-margin">{t('setup.waitStaffIntro')}</p>
      {error && <Notice kind="error">{error}</Notice>}
      <button className="btn btn-primary" disabled={busy} onClick={() => run(() => api.syncNow())}>
        {busy ? t('sync.pill.syncing') : t('sync.now')}
      </button>
      <p className="muted no-margin">{t('setup.startOverIntro')}</p>
      <button className="btn" disabled={busy} onClick={() => run(() => api.startSetupOver())}>
        {t('setup.startOver')}
      </button>
    </div>
  );
}
