import { loginInputSchema } from '@bazaar/shared';
import { errorMessage } from '../api/api-error';
import { authApi } from '../api/endpoints';
import { FormError } from '../components/field';
import { TextField } from '../components/form/text-field';
import { afterSignInPath, navigate } from '../app/router';
import { useAuth } from './auth-context';
import { AuthLayout } from './auth-layout';
import { useEntityForm } from '../components/form/use-entity-form';
import { useI18n } from '../i18n/i18n-context';

export function SignInPage() {
  const { signIn } = useAuth();
  const { t } = useI18n();
  const { register, errors, submit, save: login } = useEntityForm({
    defaultValues: { username: '', password: '' },
    schema: loginInputSchema,
    toBody: (body) => ({ body }),
    save: (body) => authApi.login(loginInputSchema.parse(body)),
    onSaved: (result) => {
      signIn(result);
      // Back to the page that sent the visitor here (an expired session keeps its place).
      navigate(afterSignInPath(), { replace: true });
    },
  });

  return (
    <AuthLayout title={t('signIn.submit')} subtitle={t('web.auth.signInSubtitle')}>
      <form className="form" onSubmit={submit} noValidate>
        <TextField label={t('common.username')} error={errors.username} field={register('username')} autoComplete="username" autoFocus />
        <TextField label={t('web.auth.password')} error={errors.password} field={register('password')} type="password" autoComplete="current-password" />
        <FormError message={login.error ? errorMessage(login.error) : null} />
        <button type="submit" className="btn btn-primary btn-block" disabled={login.isPending}>
          {login.isPending ? t('web.auth.signingIn') : t('signIn.submit')}
        </button>
      </form>
      <p className="auth-switch">
        {t('web.auth.newHere')}{' '}
        <a href="/register" onClick={(e) => { e.preventDefault(); navigate('/register'); }}>
          {t('web.auth.createAccount')}
        </a>
      </p>
    </AuthLayout>
  );
}
