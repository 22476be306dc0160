import { createI18n, localeStorage, readStored, useI18nValue, writeStored, type I18nCore } from '@bazaar/i18n-react';
import { useCallback, useMemo, useState, type ReactNode } from 'react';

// The counter keeps each person's language on this computer: a shared till where the owner reads
// Urdu and the helper reads Hindi switches with the person who signs in.
const stored = localeStorage('bazaar.locale');
const currencyKey = 'bazaar.currency';

interface I18n extends I18nCore {
  setCurrency(code: string): void;
  /** Who is signed in: their saved language replaces the counter's. */
  setUser(username: string | null): void;
}

const { I18nContext, useI18n, LocalePicker } = createI18n<I18n>();
export { useI18n, LocalePicker };

export function I18nProvider({ children }: { children: ReactNode }) {
  const [user, setUserState] = useState<string | null>(null);
  const [locale, setLocale] = useState(() => stored.storedLocale(null));
  const [currency, setCurrencyState] = useState<string | null>(() => readStored(currencyKey));

  const setUser = useCallback((username: string | null) => {
    setUserState(username);
    setLocale(stored.storedLocale(username));
  }, []);

  const core = useI18nValue(locale, currency, (l) => {
    stored.saveLocale(l, user);
    setLocale(l);
  });
  const value = useMemo<I18n>(
    () => ({
      ...core,
      setCurrency: (code) => {
        writeStored(currencyKey, code);
        setCurrencyState(code);
      },
      setUser,
    }),
    [core, setUser],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}
