import { useState } from 'react';
import { passwordChangeSchema } from '@bazaar/shared';
import { authApi } from '../api/endpoints';
import { FormActions } from '../components/form/form-actions';
import { TextField } from '../components/form/text-field';
import { useEntityForm } from '../components/form/use-entity-form';
import { useI18n } from '../i18n/i18n-context';

/** Change your own password: the current one first (someone at an open session cannot lock you out). */
export function PasswordForm({ onDone }: { onDone(): void }) {
  const { t } = useI18n();
  const [changed, setChanged] = useState(false);
  const { register, errors, submit, save } = useEntityForm({
    defaultValues: { currentPassword: '', password: '', confirm: '' },
    schema: passwordChangeSchema,
    toBody: (f) => ({
      body: { currentPassword: f.currentPassword, password: f.password },
      ...(f.password !== f.confirm ? { errors: { confirm: t('web.auth.mismatch') } } : {}),
    }),
    save: (body) => authApi.changePassword(passwordChangeSchema.parse(body)),
    onSaved: () => setChanged(true),
  });
  if (changed)
    return (
      <div className="form">
        <p className="notice notice-ok" role="status" data-testid="password-changed">
          {t('web.account.changed')}
        </p>
        <div className="form-actions">
          <button type="button" className="btn btn-primary" onClick={onDone} autoFocus>
            {t('common.close')}
          </button>
        </div>
      </div>
    );
  return (
    <form className="form" onSubmit={submit} noValidate aria-label={t('web.account.changePassword')}>
      <TextField label={t('web.account.currentPassword')} error={errors.currentPassword} field={register('currentPassword')} type="password" autoComplete="current-password" autoFocus />
      <TextField label={t('web.account.newPassword')} error={errors.password} hint={t('web.auth.passwordHint')} field={register('password')} type="password" autoComplete="new-password" />
      <TextField label={t('web.auth.confirm')} error={errors.confirm} field={register('confirm')} type="password" autoComplete="new-password" />
      <FormActions
        label={t('web.account.changePassword')}
        savingLabel={t('web.account.saving')}
        saving={save.isPending}
        error={save.error}
        failed={(error) => t('web.account.failed', { error })}
        onCancel={onDone}
      />
    </form>
  );
}
