import { useState } from 'react';
import { localeInfo, registerInputSchema } from '@bazaar/shared';
import { errorMessage } from '../api/api-error';
import { authApi } from '../api/endpoints';
import { FormError } from '../components/field';
import { useEntityForm } from '../components/form/use-entity-form';
import { navigate } from '../app/router';
import { useAuth } from './auth-context';
import { AuthLayout } from './auth-layout';
import { useI18n } from '../i18n/i18n-context';
import { TextField } from '../components/form/text-field';
import { HubMoneyFields, type HubMoneyValue } from '../features/settings/hub-money.fields';

export function RegisterPage({ firstAccount = false }: { firstAccount?: boolean }) {
  const { signIn } = useAuth();
  const { t, locale } = useI18n();
  const [created, setCreated] = useState(false);
  // The first account sets the hub up: its money and the language people see first.
  const [hub, setHub] = useState<HubMoneyValue>(() => ({ currency: localeInfo[locale].defaultCurrency, defaultLocale: locale }));
  const { register: field, errors, submit, save: register } = useEntityForm({
    defaultValues: { username: '', name: '', password: '', confirm: '' },
    schema: registerInputSchema,
    toBody: (f) => ({
      body: { username: f.username, name: f.name, password: f.password, ...(firstAccount ? hub : {}) },
      ...(f.password !== f.confirm ? { errors: { confirm: t('web.auth.mismatch') } } : {}),
    }),
    save: async (body) => {
      const input = registerInputSchema.parse(body);
      const result = await authApi.register(input);
      // Some hubs answer the new user only; sign in with the same credentials then.
      if ('token' in result) return result;
      return authApi.login({ username: input.username, password: input.password }).catch(() => null);
    },
    onSaved: (result) => {
      if (result) {
        signIn(result);
        navigate('/overview', { replace: true });
      } else setCreated(true);
    },
  });

  if (created)
    return (
      <AuthLayout title={t('web.auth.created')} subtitle={t('web.auth.createdSubtitle')}>
        <p>{t('web.auth.createdBody')}</p>
        <button type="button" className="btn btn-primary btn-block" onClick={() => navigate('/sign-in')}>
          {t('web.auth.goSignIn')}
        </button>
      </AuthLayout>
    );

  return (
    <AuthLayout title={t('web.auth.createAccount')} subtitle={t('web.auth.createSubtitle')}>
      {firstAccount && (
        <p className="notice notice-info" data-testid="first-account">
          {t('web.auth.firstAccount')}
        </p>
      )}
      <form className="form" onSubmit={submit} noValidate>
        <TextField label={t('web.auth.fullName')} error={errors.name} field={field('name')} autoComplete="name" />
        <TextField label={t('common.username')} error={errors.username} hint={t('web.auth.usernameHint')} field={field('username')} autoComplete="username" />
        <TextField label={t('web.auth.password')} error={errors.password} hint={t('web.auth.passwordHint')} field={field('password')} type="password" autoComplete="new-password" />
        <TextField label={t('web.auth.confirm')} error={errors.confirm} field={field('confirm')} type="password" autoComplete="new-password" />
        {firstAccount && (
          <>
            <p className="muted">{t('web.register.hubSetup')}</p>
            <HubMoneyFields value={hub} onChange={setHub} error={errors.currency} />
          </>
        )}
        <FormError message={register.error ? t('web.auth.notCreated', { error: errorMessage(register.error) }) : null} />
        <button type="submit" className="btn btn-primary btn-block" disabled={register.isPending}>
          {register.isPending ? t('web.auth.creating') : t('web.auth.createButton')}
        </button>
      </form>
      <p className="auth-switch">
        {t('web.auth.haveAccount')}{' '}
        <a href="/sign-in" onClick={(e) => { e.preventDefault(); navigate('/sign-in'); }}>
          {t('signIn.submit')}
        </a>
      </p>
    </AuthLayout>
  );
}
