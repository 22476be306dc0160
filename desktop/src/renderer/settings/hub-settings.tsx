import { useState, type FormEvent } from 'react';
import type { StoreInfo } from '../../core/core.api';
import { useApi } from '../api/api-context';
import { formErrors } from '../api/use-query';
import { useSync } from '../sync/sync-context';
import { Field } from '../ui/field';
import { Notice } from '../ui/notice';
import { useI18n } from '../i18n/i18n-context';
import type { EnrollPriceChange } from '../../core/sync/sync.enroll-preview';
import { EnrollPreview } from './enroll-preview';

export function HubSettings({ info, onChanged }: { info: StoreInfo; onChanged: () => void }) {
  const api = useApi();
  const { t } = useI18n();
  const sync = useSync();
  const [hubUrl, setHubUrl] = useState(info.hubUrl ?? 'http://localhost:8787');
  const [token, setToken] = useState('');
  const [force, setForce] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Head office's prices that would replace this counter's, shown before anything is saved.
  const [preview, setPreview] = useState<EnrollPriceChange[] | null>(null);
  const [cancelled, setCancelled] = useState(false);

  const enroll = async () => {
    setBusy(true);
    try {
      await api.enroll({ hubUrl: hubUrl.trim(), token: token.trim(), force });
      setPreview(null);
      setDone(t('hubSettings.done'));
      setToken('');
      onChanged();
      void sync.syncNow();
    } catch (err) {
      setPreview(null);
      setErrors(formErrors(err));
    } finally {
      setBusy(false);
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const p: Record<string, string> = {};
    if (!/^https?:\/\/\S+$/.test(hubUrl.trim())) p.hubUrl = t('hubSettings.err.url');
    if (token.trim().length < 16) p.token = t('hubSettings.err.token');
    if (info.enrolled && !force) p.force = t('hubSettings.err.force');
    setErrors(p);
    setDone(null);
    setCancelled(false);
    if (Object.keys(p).length) return;
    setBusy(true);
    let changes: EnrollPriceChange[];
    try {
      ({ priceChanges: changes } = await api.enrollPreview({ hubUrl: hubUrl.trim(), token: token.trim(), force }));
    } catch (err) {
      setErrors(formErrors(err));
      setBusy(false);
      return;
    }
    setBusy(false);
    if (changes.length > 0) setPreview(changes);
    else await enroll();
  };

  return (
    <div className="two-col">
      <form className="card card-pad stack" onSubmit={(e) => void submit(e)} noValidate>
        <h2>{info.enrolled ? t('hubSettings.again') : t('hubSettings.connect')}</h2>
        <p className="muted no-margin">
          {t('hubSettings.intro')}
        </p>
        <Field id="hub-url" label={t('setup.hubAddress')} error={errors.hubUrl}>
          <input id="hub-url" className="input mono" value={hubUrl} onChange={(e) => {
              setHubUrl(e.target.value);
              setPreview(null);
            }} />
        </Field>
        <Field id="hub-token" label={t('setup.deviceToken')} error={errors.token}>
          <input id="hub-token" className="input mono" value={token} autoComplete="off" onChange={(e) => {
              setToken(e.target.value);
              setPreview(null);
            }} />
        </Field>
        {info.enrolled && (
          <label className="row check">
            <input type="checkbox" checked={force} onChange={(e) => setForce(e.target.checked)} /> {t('hubSettings.replace')}
            {errors.force && <span className="field-error">{errors.force}</span>}
          </label>
        )}
        {errors.form && <Notice kind="error">{errors.form}</Notice>}
        {done && <Notice kind="ok">{done}</Notice>}
        {cancelled && <Notice kind="info">{t('hubSettings.preview.cancelled')}</Notice>}
        {preview ? (
          <EnrollPreview
            changes={preview}
            busy={busy}
            onConfirm={() => void enroll()}
            onCancel={() => {
              setPreview(null);
              setCancelled(true);
            }}
          />
        ) : (
          <div className="row">
            <button className="btn btn-primary" type="submit" disabled={busy}>
              {busy ? t('hubSettings.checking') : t('hubSettings.enroll')}
            </button>
          </div>
        )}
      </form>
      <aside className="card card-pad stack">
        <h2>{t('hubSettings.current')}</h2>
        <dl className="facts">
          <dt>{t('common.status')}</dt>
          <dd>{info.enrolled ? t('hubSettings.enrolled') : t('sync.state.standalone')}</dd>
          <dt>{t('common.hub')}</dt>
          <dd className="mono">{info.hubUrl ?? '—'}</dd>
          <dt>{t('hubSettings.device')}</dt>
          <dd className="mono small">{info.deviceId}</dd>
        </dl>
      </aside>
    </div>
  );
}
