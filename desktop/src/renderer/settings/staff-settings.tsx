import { roles, type Role } from '@bazaar/shared';
import { useState, type FormEvent } from 'react';
import type { StoreInfo } from '../../core/core.api';
import { useApi } from '../api/api-context';
import { formErrors, useQuery } from '../api/use-query';
import { Field } from '../ui/field';
import { Notice } from '../ui/notice';
import { useI18n } from '../i18n/i18n-context';
import { Options } from '../ui/options';

export function StaffSettings({ info }: { info: StoreInfo }) {
  const api = useApi();
  const { t } = useI18n();
  const users = useQuery(() => api.listUsers(), [api]);
  const [f, setF] = useState({ name: '', username: '', role: 'staff' as Role, pin: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState<string | null>(null);
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF((o) => ({ ...o, [k]: e.target.value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    const p: Record<string, string> = {};
    if (!f.name.trim()) p.name = t('staffSettings.err.name');
    if (f.username.trim().length < 3) p.username = t('setup.err.username');
    if (!/^\d{4,8}$/.test(f.pin)) p.pin = t('setup.err.pin');
    setErrors(p);
    if (Object.keys(p).length) return;
    try {
      const u = await api.createUser({ name: f.name.trim(), username: f.username.trim().toLowerCase(), role: f.role, pin: f.pin });
      setDone(t('staffSettings.done', { name: u.name, username: u.username }));
      setF({ name: '', username: '', role: 'staff', pin: '' });
      users.reload();
    } catch (err) {
      setErrors(formErrors(err));
    }
  };

  return (
    <div className="two-col">
      <div className="card">
        <div className="card-head">
          <h2>{t('staffSettings.title')}</h2>
        </div>
        <table className="table">
          <thead>
            <tr>
              <th>{t('common.name')}</th>
              <th>{t('common.role')}</th>
              <th>{t('common.from')}</th>
              <th>{t('common.pin')}</th>
            </tr>
          </thead>
          <tbody>
            {(users.data ?? []).map((u) => (
              <tr key={u.id}>
                <td>
                  <span className="cell-strong">{u.name}</span>
                  <bdi className="cell-sub">{u.username}</bdi>
                </td>
                <td style={{ textTransform: 'capitalize' }}>{t(`role.${u.role}`)}</td>
                <td>{u.origin === 'hub' ? t('common.hub') : t('staffSettings.thisCounter')}</td>
                <td>{u.hasPin ? <span className="badge badge-ok">{t('staffSettings.pinSet')}</span> : <span className="badge badge-neutral">{t('common.noneWord')}</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {info.enrolled ? (
        <aside className="card card-pad stack">
          <h2>{t('staffSettings.add')}</h2>
          <p className="muted no-margin">{t('staffSettings.enrolled')}</p>
        </aside>
      ) : (
        <form className="card card-pad stack" onSubmit={(e) => void submit(e)} noValidate>
          <h2>{t('staffSettings.add')}</h2>
          <Field id="u-name" label={t('common.name')} error={errors.name}>
            <input id="u-name" className="input" value={f.name} onChange={set('name')} />
          </Field>
          <Field id="u-username" label={t('common.username')} error={errors.username}>
            <input id="u-username" className="input" value={f.username} onChange={set('username')} />
          </Field>
          <Field id="u-role" label={t('common.role')}>
            <select id="u-role" className="select" value={f.role} onChange={set('role')}>
              <Options items={roles} label={(r) => t(`role.${r}`)} />
            </select>
          </Field>
          <Field id="u-pin" label={t('setup.pinLabel')} error={errors.pin}>
            <input id="u-pin" className="input" type="password" inputMode="numeric" value={f.pin} onChange={set('pin')} />
          </Field>
          {errors.form && <Notice kind="error">{errors.form}</Notice>}
          {done && <Notice kind="ok">{done}</Notice>}
          <button className="btn btn-primary" type="submit">
            {t('staffSettings.addPerson')}
          </button>
        </form>
      )}
    </div>
  );
}
