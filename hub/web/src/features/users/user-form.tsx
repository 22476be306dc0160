import { roles, userCreateSchema, userUpdateSchema, type Role, type User } from '@bazaar/shared';
import { usersApi } from '../../api/endpoints';
import { useUser } from '../../auth/auth-context';
import { EntityPicker, type PickOption } from '../../components/entity-picker';
import { Field } from '../../components/field';
import { FormActions } from '../../components/form/form-actions';
import { createOrUpdate, useEntityForm } from '../../components/form/use-entity-form';
import { useI18n } from '../../i18n/i18n-context';
import { searchStores, StoreName } from '../shared/lookups';
import { Options } from '../../components/options';
import { TextField } from '../../components/form/text-field';

interface UserFields {
  username: string;
  name: string;
  password: string;
  currentPassword: string;
  pin: string;
  role: Role;
  active: boolean;
  storeIds: string[];
}

export function UserForm({ user, onDone }: { user: User | null; onDone(): void }) {
  const me = useUser();
  const { t } = useI18n();
  // Managers may only create and edit staff of their own stores.
  const roleChoices: readonly Role[] = me.role === 'admin' ? roles : ['staff'];
  // Your own new password needs your current one (the hub refuses it otherwise).
  const self = !!user && user.id === me.id;
  const { form, register, errors, submit, save } = useEntityForm<UserFields, User>({
    defaultValues: { username: user?.username ?? '', name: user?.name ?? '', password: '', currentPassword: '', pin: '', role: user?.role ?? 'staff', active: user?.active ?? true, storeIds: user?.storeIds ?? [] },
    ...createOrUpdate(user, usersApi, { create: userCreateSchema, update: userUpdateSchema }),
    toBody: (f) => {
      const secrets = { ...(f.pin ? { pin: f.pin } : {}) };
      return {
        body: user
          ? { name: f.name, storeIds: f.storeIds, ...(self ? {} : { role: f.role, active: f.active }), ...(f.password ? { password: f.password, ...(self ? { currentPassword: f.currentPassword } : {}) } : {}), ...secrets }
          : { username: f.username, name: f.name, password: f.password, role: f.role, storeIds: f.storeIds, ...secrets },
      };
    },
    cacheKey: 'user',
    invalidate: ['users'],
    onSaved: onDone,
  });
  const storeIds = form.watch('storeIds');
  const role = form.watch('role');
  const setStoreIds = (ids: string[]) => form.setValue('storeIds', ids);

  return (
    <form className="form" onSubmit={submit} noValidate aria-label={user ? t('web.userForm.edit') : t('web.userForm.new')}>
      <div className="form-grid">
        <TextField label={t('web.userForm.username')} error={errors.username} field={register('username', { disabled: !!user })} autoComplete="off" />
        <TextField label={t('web.userForm.fullName')} error={errors.name} field={register('name')} />
        <TextField label={user ? t('web.userForm.newPassword') : t('web.userForm.password')} error={errors.password} hint={t('web.userForm.passwordHint')} field={register('password')} type="password" autoComplete="new-password" />
        {self && (
          <TextField
            label={t('web.account.currentPassword')}
            error={errors.currentPassword}
            hint={t('web.account.currentHint')}
            field={register('currentPassword')}
            type="password"
            autoComplete="current-password"
          />
        )}
        <TextField label={t('web.userForm.pin')} error={errors.pin} hint={t('web.userForm.pinHint')} field={register('pin')} inputMode="numeric" autoComplete="off" />
        <Field label={t('web.userForm.role')} error={errors.role}>
          {(id, d) => (
            <select id={id} aria-describedby={d} {...register('role')}>
              <Options values={roleChoices} label={(r) => t(`role.${r}`)} />
            </select>
          )}
        </Field>
        {user && (
          <label className="check">
            <input type="checkbox" {...register('active')} /> {t('web.userForm.active')}
          </label>
        )}
        <Field label={t('web.userForm.stores')} error={errors.storeIds} wide hint={role === 'admin' ? t('web.userForm.adminStores') : t('web.userForm.someStores')}>
          {(id, d) => (
            <div>
              <ul className="chips">
                {storeIds.map((s) => (
                  <li key={s} className="chip">
                    <StoreName id={s} />
                    <button type="button" aria-label={t('web.userForm.removeStore')} onClick={() => setStoreIds(storeIds.filter((x) => x !== s))}>
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
                placeholder={t('web.userForm.addStore')}
                onChange={(o: PickOption | null) => o && !storeIds.includes(o.id) && setStoreIds([...storeIds, o.id])}
                search={searchStores}
              />
            </div>
          )}
        </Field>
      </div>
      <FormActions label={user ? t('web.form.saveChanges') : t('web.userForm.create')} saving={save.isPending} error={save.error} onCancel={onDone} />
    </form>
  );
}
