import { createTranslator, isLocale, localeInfo, locales, type Locale, type MessageKey, type RichValues, type Translator } from '@bazaar/shared';
import { Children, createContext, useContext, useEffect, useMemo, useRef, type ReactNode } from 'react';

/** What both apps' translators offer: the shared translator, messages with React nodes, and a language switch. */
export interface I18nCore extends Translator {
  /** A message with React nodes in it, as keyed children. */
  tx(key: MessageKey, values: RichValues<ReactNode>): ReactNode[];
  setLocale(locale: Locale): void;
}

/**
 * The translator for a locale and currency. The whole document follows the language: `lang` for
 * fonts and screen readers, `dir` so the scroll bar, native controls and dialogs mirror too.
 */
/**
 * The translator a UI provides: its language, its currency and the time zone its times are shown
 * in (a counter shows its store's clock whatever the computer's is; null = the device's zone).
 */
export function useI18nValue(locale: Locale, currency: string | null, setLocale: (locale: Locale) => void, timeZone: string | null = null): I18nCore {
  // The latest setter, without a new translator every render.
  const setter = useRef(setLocale);
  setter.current = setLocale;
  const value = useMemo<I18nCore>(() => {
    const t = createTranslator({ locale, currency, timeZone });
    return { ...t, tx: (key, values) => Children.toArray(t.rich<ReactNode>(key, values)), setLocale: (l) => setter.current(l) };
  }, [locale, currency, timeZone]);
  useEffect(() => {
    document.documentElement.lang = locale;
    document.documentElement.dir = localeInfo[locale].dir;
  }, [locale]);
  return value;
}

/** An app's i18n context (its value may offer more than the core), its hook, and the language picker that uses it. */
export function createI18n<T extends I18nCore>() {
  const I18nContext = createContext<T | null>(null);

  function useI18n(): T {
    const v = useContext(I18nContext);
    if (!v) throw new Error('useI18n outside I18nProvider');
    return v;
  }

  /** Each language in its own script, so a reader finds theirs whatever is showing now. */
  function LocalePicker({ className }: { className?: string }) {
    const { t, locale, setLocale } = useI18n();
    return (
      <select
        className={['input input-sm locale-picker', className].filter(Boolean).join(' ')}
        aria-label={t('common.language')}
        data-testid="locale-picker"
        value={locale}
        onChange={(e) => {
          if (isLocale(e.target.value)) setLocale(e.target.value);
        }}
      >
        {locales.map((l) => (
          <option key={l} value={l} lang={l}>
            {localeInfo[l].nativeName}
          </option>
        ))}
      </select>
    );
  }

  return { I18nContext, useI18n, LocalePicker };
}
