import { createTranslator, localeInfo, type Locale, type MessageKey, type RichValues, type Translator } from '@bazaar/shared';
import { Children, createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { saveLocale, storedLocale } from './locale.storage';

interface I18n extends Translator {
  tx(key: MessageKey, values: RichValues<ReactNode>): ReactNode[];
  setLocale(locale: Locale): void;
}

const I18nContext = createContext<I18n | null>(null);

/** `username` switches to that person's saved language; `currency` is the hub's. */
export function I18nProvider({ username, currency, children }: { username: string | null; currency?: string | null; children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() => storedLocale(username));
  useEffect(() => setLocaleState(storedLocale(username)), [username]);

  const value = useMemo<I18n>(() => {
    const t = createTranslator({ locale, currency: currency ?? null });
    return {
      ...t,
      tx: (key, values) => Children.toArray(t.rich<ReactNode>(key, values)),
      setLocale: (l) => {
        saveLocale(l, username);
        setLocaleState(l);
      },
    };
  }, [locale, currency, username]);

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
