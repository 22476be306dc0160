import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { roles, userCreateSchema, userUpdateSchema, type Role, type User } from '@bazaar/shared';
import { ApiError, errorMessage, type FieldErrors } from '../../api/api-error';
import { usersApi } from '../../api/endpoints';
import { useUser } from '../../auth/auth-context';
import { EntityPicker, type PickOption } from '../../components/entity-picker';
import { Field, FormError } from '../../components/field';
import { zodFieldErrors } from '../../components/zod-errors';
import { searchStores, StoreName } from '../shared/lookups';

export function UserForm({ user, onDone }: { user: User | null; onDone(): void }) {
  const me = useUser();
  const qc = useQueryClient();
  // Managers may only create and edit staff of their own stores.
  const roleChoices: readonly Role[] = me.role === 'admin' ? roles : ['staff'];
  const [f, setF] = useState({ username: user?.username ?? '', name: user?.name ?? '', password: '', pin: '', role: (user?.role ?? 'staff') as Role, active: user?.active ?? true });
  const [storeIds, setStoreIds] = useState<string[]>(user?.storeIds ?? []);
  const [errors, setErrors] = useState<FieldErrors>({});
  const set = (k: 'username' | 'name' | 'password' | 'pin') => (e: { target: { value: string } }) => setF((s) => ({ ...s, [k]: e.target.value }));

  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      user ? usersApi.update(user.id, userUpdateSchema.parse(body)) : usersApi.create(userCreateSchema.parse(body)),
    onSuccess: (saved) => {
      qc.setQueryData(['user', saved.id], saved);
      void qc.invalidateQueries({ queryKey: ['users'] });
      onDone();
    },
    onError: (err) => setErrors(err instanceof ApiError ? err.fieldErrors() : {}),
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    const body: Record<string, unknown> = user
      ? { name: f.name, role: f.role, storeIds, active: f.active, ...(f.password ? { password: f.password } : {}), ...(f.pin ? { pin: f.pin } : {}) }
      : { username: f.username, name: f.name, password: f.password, role: f.role, storeIds, ...(f.pin ? { pin: f.pin } : {}) };
    const parsed = (user ? userUpdateSchema : userCreateSchema).safeParse(body);
    if (!parsed.success) return setErrors(zodFieldErrors(parsed.error));
    setErrors({});
    save.mutate(body);
  }

  return (
    <form className="form" onSubmit={submit} noValidate aria-label={user ? 'Edit user' : 'New user'}>
      <div className="form-grid">
        <Field label="Username" error={errors.username}>
          {(id, d) => <input id={id} name="username" aria-describedby={d} value={f.username} onChange={set('username')} disabled={!!user} autoComplete="off" />}
        </Field>
        <Field label="Full name" error={errors.name}>
          {(id, d) => <input id={id} name="name" aria-describedby={d} value={f.name} onChange={set('name')} />}
        </Field>
        <Field label={user ? 'New password (optional)' : 'Password'} error={errors.password} hint="At least 10 characters">
          {(id, d) => <input id={id} name="password" type="password" autoComplete="new-password" aria-describedby={d} value={f.password} onChange={set('password')} />}
        </Field>
        <Field label="Counter PIN (optional)" error={errors.pin} hint="4–8 digits, for signing in at the counter offline">
          {(id, d) => <input id={id} name="pin" inputMode="numeric" autoComplete="off" aria-describedby={d} value={f.pin} onChange={set('pin')} />}
        </Field>
        <Field label="Role" error={errors.role}>
          {(id, d) => (
            <select id={id} aria-describedby={d} value={f.role} onChange={(e) => setF((s) => ({ ...s, role: e.target.value as Role }))}>
              {roleChoices.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
          )}
        </Field>
        {user && (
          <label className="check">
            <input type="checkbox" checked={f.active} onChange={(e) => setF((s) => ({ ...s, active: e.target.checked }))} /> Active (may sign in)
          </label>
        )}
        <Field label="Stores" error={errors.storeIds} wide hint={f.role === 'admin' ? 'Admins see every store.' : 'The user sees only these stores.'}>
          {(id, d) => (
            <div>
              <ul className="chips">
                {storeIds.map((s) => (
                  <li key={s} className="chip">
                    <StoreName id={s} />
                    <button type="button" aria-label="Remove store" onClick={() => setStoreIds((ids) => ids.filter((x) => x !== s))}>
                      ×
                    </button>
                  </li>
                ))}
              </ul>
              <EntityPicker
                id={id}
                describedBy={d}
                kind="stores"
                value={null}
                placeholder="Add a store…"
                onChange={(o: PickOption | null) => o && setStoreIds((ids) => (ids.includes(o.id) ? ids : [...ids, o.id]))}
                search={searchStores}
              />
            </div>
          )}
        </Field>
      </div>
      <FormError message={save.error ? `Not saved: ${errorMessage(save.error)}` : null} />
      <div className="form-actions">
        <button type="button" className="btn btn-ghost" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : user ? 'Save changes' : 'Create user'}
        </button>
      </div>
    </form>
  );
}
