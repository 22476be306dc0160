import { useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { registerInputSchema, type RegisterInput } from '@bazaar/shared';
import { ApiError, errorMessage, type FieldErrors } from '../api/api-error';
import { authApi } from '../api/endpoints';
import { Field, FormError } from '../components/field';
import { zodFieldErrors } from '../components/zod-errors';
import { navigate } from '../app/router';
import { useAuth } from './auth-context';
import { AuthLayout } from './auth-layout';
import { useI18n } from '../i18n/i18n-context';

export function RegisterPage() {
  const { signIn } = useAuth();
  const { t } = useI18n();
  const [form, setForm] = useState({ username: '', name: '', password: '', confirm: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [created, setCreated] = useState(false);
  const register = useMutation({
    mutationFn: async (input: RegisterInput) => {
      const result = await authApi.register(input);
      // Some hubs answer the new user only; sign in with the same credentials then.
      if ('token' in result) return result;
      return authApi.login({ username: input.username, password: input.password }).catch(() => null);
    },
    onSuccess: (result) => {
      if (result) {
        signIn(result);
        navigate('/overview', { replace: true });
      } else setCreated(true);
    },
    onError: (err) => setErrors(err instanceof ApiError ? err.fieldErrors() : {}),
  });

  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }));

  function submit(e: FormEvent) {
    e.preventDefault();
    const parsed = registerInputSchema.safeParse({ username: form.username, name: form.name, password: form.password });
    const errs = parsed.success ? {} : zodFieldErrors(parsed.error);
    if (form.password !== form.confirm) errs.confirm = t('web.auth.mismatch');
    setErrors(errs);
    if (parsed.success && !errs.confirm) register.mutate(parsed.data);
  }

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
      <form className="form" onSubmit={submit} noValidate>
        <Field label={t('web.auth.fullName')} error={errors.name}>
          {(id, d) => <input id={id} aria-describedby={d} name="name" autoComplete="name" value={form.name} onChange={set('name')} />}
        </Field>
        <Field label={t('common.username')} error={errors.username} hint={t('web.auth.usernameHint')}>
          {(id, d) => <input id={id} aria-describedby={d} name="username" autoComplete="username" value={form.username} onChange={set('username')} />}
        </Field>
        <Field label={t('web.auth.password')} error={errors.password} hint={t('web.auth.passwordHint')}>
          {(id, d) => <input id={id} aria-describedby={d} name="password" type="password" autoComplete="new-password" value={form.password} onChange={set('password')} />}
        </Field>
        <Field label={t('web.auth.confirm')} error={errors.confirm}>
          {(id, d) => <input id={id} aria-describedby={d} name="confirm" type="password" autoComplete="new-password" value={form.confirm} onChange={set('confirm')} />}
        </Field>
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
