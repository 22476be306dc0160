import { createI18n, localeStorage, useI18nValue, type I18nCore } from '@bazaar/i18n-react';
import { useEffect, useState, type ReactNode } from 'react';

// Head office shares browsers less than a counter does, but the choice is still per person.
const stored = localeStorage('bazaar.web.locale');
const { I18nContext, useI18n, LocalePicker } = createI18n<I18nCore>();
export { useI18n, LocalePicker };

/** `username` switches to that person's saved language; `currency` is the hub's. */
export function I18nProvider({ username, currency, children }: { username: string | null; currency?: string | null; children: ReactNode }) {
  const [locale, setLocale] = useState(() => stored.storedLocale(username));
  useEffect(() => setLocale(stored.storedLocale(username)), [username]);
  const value = useI18nValue(locale, currency ?? null, (l) => {
    stored.saveLocale(l, username);
    setLocale(l);
  });
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}
