import { roles, type Role } from '@bazaar/shared';
import { useState, type FormEvent } from 'react';
import type { StoreInfo } from '../../core/core.api';
import { useApi } from '../api/api-context';
import { asApiError, useQuery } from '../api/use-query';
import { Field } from '../ui/field';
import { Notice } from '../ui/notice';

export function StaffSettings({ info }: { info: StoreInfo }) {
  const api = useApi();
  const users = useQuery(() => api.listUsers(), [api]);
  const [f, setF] = useState({ name: '', username: '', role: 'staff' as Role, pin: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState<string | null>(null);
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF((o) => ({ ...o, [k]: e.target.value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    const p: Record<string, string> = {};
    if (!f.name.trim()) p.name = 'Enter the person’s name.';
    if (f.username.trim().length < 3) p.username = 'At least 3 letters or digits.';
    if (!/^\d{4,8}$/.test(f.pin)) p.pin = 'The PIN is 4 to 8 digits.';
    setErrors(p);
    if (Object.keys(p).length) return;
    try {
      const u = await api.createUser({ name: f.name.trim(), username: f.username.trim().toLowerCase(), role: f.role, pin: f.pin });
      setDone(`${u.name} can now sign in as ${u.username}.`);
      setF({ name: '', username: '', role: 'staff', pin: '' });
      users.reload();
    } catch (err) {
      const ae = asApiError(err);
      setErrors({ form: ae.message, ...ae.fieldErrors() });
    }
  };

  return (
    <div className="two-col">
      <div className="card">
        <div className="card-head">
          <h2>People who can sign in</h2>
        </div>
        <table className="table">
          <thead>
            <tr>
              <th>Name</th>
              <th>Role</th>
              <th>From</th>
              <th>PIN</th>
            </tr>
          </thead>
          <tbody>
            {(users.data ?? []).map((u) => (
              <tr key={u.id}>
                <td>
                  <span className="cell-strong">{u.name}</span>
                  <span className="cell-sub">{u.username}</span>
                </td>
                <td style={{ textTransform: 'capitalize' }}>{u.role}</td>
                <td>{u.origin === 'hub' ? 'Hub' : 'This counter'}</td>
                <td>{u.hasPin ? <span className="badge badge-ok">Set</span> : <span className="badge badge-neutral">None</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {info.enrolled ? (
        <aside className="card card-pad stack">
          <h2>Add staff</h2>
          <p className="muted no-margin">This counter is enrolled: head office adds staff and their PINs on the hub, and the next sync brings them here.</p>
        </aside>
      ) : (
        <form className="card card-pad stack" onSubmit={(e) => void submit(e)} noValidate>
          <h2>Add staff</h2>
          <Field id="u-name" label="Name" error={errors.name}>
            <input id="u-name" className="input" value={f.name} onChange={set('name')} />
          </Field>
          <Field id="u-username" label="Username" error={errors.username}>
            <input id="u-username" className="input" value={f.username} onChange={set('username')} />
          </Field>
          <Field id="u-role" label="Role">
            <select id="u-role" className="select" value={f.role} onChange={set('role')}>
              {roles.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
          </Field>
          <Field id="u-pin" label="PIN (4–8 digits)" error={errors.pin}>
            <input id="u-pin" className="input" type="password" inputMode="numeric" value={f.pin} onChange={set('pin')} />
          </Field>
          {errors.form && <Notice kind="error">{errors.form}</Notice>}
          {done && <Notice kind="ok">{done}</Notice>}
          <button className="btn btn-primary" type="submit">
            Add person
          </button>
        </form>
      )}
    </div>
  );
}
