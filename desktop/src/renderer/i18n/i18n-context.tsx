import { createTranslator, localeInfo, type Locale, type MessageKey, type RichValues, type Translator } from '@bazaar/shared';
import { Children, createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { saveCurrency, saveLocale, storedCurrency, storedLocale } from './locale.storage';

interface I18n extends Translator {
  /** A message with React nodes in it, as keyed children. */
  tx(key: MessageKey, values: RichValues<ReactNode>): ReactNode[];
  setLocale(locale: Locale): void;
  setCurrency(code: string): void;
  /** Who is signed in: their saved language replaces the counter's. */
  setUser(username: string | null): void;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [user, setUserState] = useState<string | null>(null);
  const [locale, setLocaleState] = useState<Locale>(() => storedLocale(null));
  const [currency, setCurrencyState] = useState<string | null>(() => storedCurrency());

  const setUser = useCallback((username: string | null) => {
    setUserState(username);
    setLocaleState(storedLocale(username));
  }, []);

  const value = useMemo<I18n>(() => {
    const t = createTranslator({ locale, currency });
    return {
      ...t,
      tx: (key, values) => Children.toArray(t.rich<ReactNode>(key, values)),
      setLocale: (l) => {
        saveLocale(l, user);
        setLocaleState(l);
      },
      setCurrency: (code) => {
        saveCurrency(code);
        setCurrencyState(code);
      },
      setUser,
    };
  }, [locale, currency, user, setUser]);

  // The whole document flips: the scroll bar, native controls and dialogs mirror too.
  useEffect(() => {
    document.documentElement.lang = locale;
    document.documentElement.dir = localeInfo[locale].dir;
  }, [locale]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const v = useContext(I18nContext);
  if (!v) throw new Error('useI18n outside I18nProvider');
  return v;
}
