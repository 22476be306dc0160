import type { ReactNode } from 'react';
import { useAuth } from '../auth/auth-context';
import { useHubSettings } from '../features/settings/hub-settings.query';
import { I18nProvider } from './i18n-context';

/**
 * Languages follow the signed-in person: their saved choice replaces the browser's on sign-in,
 * and someone who never chose sees the hub's default language. Amounts are in the hub's currency.
 */
export function AuthI18nProvider({ children }: { children: ReactNode }) {
  const { user } = useAuth();
  const settings = useHubSettings(!!user);
  return (
    <I18nProvider username={user?.username ?? null} currency={settings.data?.currency ?? null} defaultLocale={settings.data?.defaultLocale ?? null}>
      {children}
    </I18nProvider>
  );
}
