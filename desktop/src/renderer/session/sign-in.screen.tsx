import { useState, type FormEvent } from 'react';
import type { StoreInfo } from '../../core/core.api';
import { useApi } from '../api/api-context';
import { asApiError, useQuery } from '../api/use-query';
import { Notice } from '../ui/notice';
import { LocalePicker, useI18n } from '../i18n/i18n-context';

export function SignInScreen({ info, onSignedIn }: { info: StoreInfo; onSignedIn: () => void }) {
  const api = useApi();
  const { t } = useI18n();
  const users = useQuery(() => api.listUsers(), [api]);
  const active = (users.data ?? []).filter((u) => u.active && u.hasPin);
  const [chosen, setChosen] = useState<string | null>(null);
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const username = chosen ?? (active.length === 1 ? (active[0]?.username ?? null) : null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!username) return setError(t('signIn.err.who'));
    if (!/^\d{4,8}$/.test(pin)) return setError(t('setup.err.pin'));
    setBusy(true);
    try {
      await api.signIn({ username, pin });
      onSignedIn();
    } catch (err) {
      const ae = asApiError(err);
      setError(ae.code === 'UNAUTHENTICATED' ? t('signIn.err.wrongPin') : ae.message);
      setPin('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="auth-page">
      <form className="card auth-card" onSubmit={(e) => void submit(e)} noValidate>
        <div className="auth-brand">
          <span className="brand-mark" aria-hidden="true">B</span>
          <div>
            <h1>{info.storeName ?? t('counter.app.brand')}</h1>
            <span className="muted">
              <bdi>{info.storeCode}</bdi>
              {t('signIn.subtitle')}
            </span>
          </div>
          <LocalePicker className="auth-locale" />
        </div>
        <fieldset className="user-grid">
          <legend className="field-label">{t('signIn.who')}</legend>
          {active.length === 0 && !users.loading && <Notice kind="warn">{t('signIn.noUsers')}</Notice>}
          {active.map((u) => (
            <button
              type="button"
              key={u.id}
              className="user-tile"
              aria-pressed={username === u.username}
              onClick={() => {
                setChosen(u.username);
                setError(null);
                document.getElementById('pin')?.focus();
              }}
            >
              <span className="avatar" aria-hidden="true">
                {u.name.slice(0, 1).toUpperCase()}
              </span>
              <span>
                <strong>{u.name}</strong>
                <span className="cell-sub">
                  <bdi>{u.username}</bdi> · {t(`role.${u.role}`)}
                </span>
              </span>
            </button>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor="pin">{t('common.pin')}</label>
          <input
            id="pin"
            className="input input-xl pin-input"
            type="password"
            inputMode="numeric"
            autoComplete="off"
            autoFocus
            maxLength={8}
            value={pin}
            aria-invalid={error ? 'true' : undefined}
            onChange={(e) => {
              setPin(e.target.value.replace(/\D/g, ''));
              setError(null);
            }}
          />
        </div>
        {error && <Notice kind="error">{error}</Notice>}
        {/* Not before the people are listed: Enter then would ask "who are you?" of a counter with one person. */}
        <button className="btn btn-primary btn-xl" type="submit" disabled={busy || users.loading}>
          {busy ? t('sync.state.checking') : t('signIn.submit')}
        </button>
      </form>
    </div>
  );
}
