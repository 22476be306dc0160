import type { ReactNode } from 'react';
import { useAuth } from '../auth/auth-context';
import { I18nProvider } from './i18n-context';

/** Languages follow the signed-in person: their saved choice replaces the browser's on sign-in. */
export function AuthI18nProvider({ children }: { children: ReactNode }) {
  const { user } = useAuth();
  return <I18nProvider username={user?.username ?? null}>{children}</I18nProvider>;
}
