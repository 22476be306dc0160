import { useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { loginInputSchema } from '@bazaar/shared';
import { ApiError, errorMessage, type FieldErrors } from '../api/api-error';
import { authApi } from '../api/endpoints';
import { Field, FormError } from '../components/field';
import { afterSignInPath, navigate } from '../app/router';
import { useAuth } from './auth-context';
import { AuthLayout } from './auth-layout';
import { zodFieldErrors } from '../components/zod-errors';
import { useI18n } from '../i18n/i18n-context';

export function SignInPage() {
  const { signIn } = useAuth();
  const { t } = useI18n();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const login = useMutation({
    mutationFn: authApi.login,
    onSuccess: (result) => {
      signIn(result);
      // Back to the page that sent the visitor here (an expired session keeps its place).
      navigate(afterSignInPath(), { replace: true });
    },
    onError: (err) => setErrors(err instanceof ApiError ? err.fieldErrors() : {}),
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    const parsed = loginInputSchema.safeParse({ username, password });
    if (!parsed.success) return setErrors(zodFieldErrors(parsed.error));
    setErrors({});
    login.mutate(parsed.data);
  }

  return (
    <AuthLayout title={t('signIn.submit')} subtitle={t('web.auth.signInSubtitle')}>
      <form className="form" onSubmit={submit} noValidate>
        <Field label={t('common.username')} error={errors.username}>
          {(id, d) => (
            <input id={id} aria-describedby={d} name="username" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} autoFocus />
          )}
        </Field>
        <Field label={t('web.auth.password')} error={errors.password}>
          {(id, d) => (
            <input id={id} aria-describedby={d} name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
          )}
        </Field>
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
