import { createI18n, localeStorage, useI18nValue, type I18nCore } from '@bazaar/i18n-react';
import type { Locale } from '@bazaar/shared';
import { useEffect, useState, type ReactNode } from 'react';
import { setApiWords } from '../api/api-words';

// Head office shares browsers less than a counter does, but the choice is still per person.
const stored = localeStorage('bazaar.web.locale');
const { I18nContext, useI18n, LocalePicker } = createI18n<I18nCore>();
export { useI18n, LocalePicker };

interface Props {
  /** Switches to that person's saved language. */
  username: string | null;
  /** The hub's currency (ISO code); the language's usual one until it is known. */
  currency?: string | null;
  /** The hub's default language: what a person who has not picked one sees. */
  defaultLocale?: Locale | null;
  children: ReactNode;
}

export function I18nProvider({ username, currency, defaultLocale, children }: Props) {
  const [locale, setLocale] = useState(() => stored.storedLocale(username, defaultLocale));
  useEffect(() => setLocale(stored.storedLocale(username, defaultLocale)), [username, defaultLocale]);
  const value = useI18nValue(locale, currency ?? null, (l) => {
    stored.saveLocale(l, username);
    setLocale(l);
  });
  // Set during render, before any child's request: an error or a CSV asked for right after a switch is in the new language.
  setApiWords(value);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}
