/** The languages the counter, the web app and the CLI speak. English is the default. */
export const locales = ['en', 'ur', 'hi'] as const;
export type Locale = (typeof locales)[number];
export const DEFAULT_LOCALE: Locale = 'en';

export interface LocaleInfo {
  locale: Locale;
  /** The language's own name, as the picker shows it (a user who can't read English finds theirs). */
  nativeName: string;
  dir: 'ltr' | 'rtl';
  /** Region assumed when nothing better is known (currency, grouping of digits). */
  defaultRegion: 'IN' | 'PK';
  defaultCurrency: string;
}

export const localeInfo: Record<Locale, LocaleInfo> = {
  en: { locale: 'en', nativeName: 'English', dir: 'ltr', defaultRegion: 'IN', defaultCurrency: 'INR' },
  ur: { locale: 'ur', nativeName: 'اردو', dir: 'rtl', defaultRegion: 'PK', defaultCurrency: 'PKR' },
  hi: { locale: 'hi', nativeName: 'हिन्दी', dir: 'ltr', defaultRegion: 'IN', defaultCurrency: 'INR' },
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/** "ur-PK", "hi_IN.UTF-8", "en" → a supported locale, or null. */
export function matchLocale(tag: string | null | undefined): Locale | null {
  if (!tag) return null;
  const lang = tag.trim().toLowerCase().split(/[-_.@]/)[0];
  return isLocale(lang) ? lang : null;
}

/** The first choice that names a supported language (user, then store, then hub), else English. */
export function pickLocale(...choices: (string | null | undefined)[]): Locale {
  for (const c of choices) {
    const l = matchLocale(c);
    if (l) return l;
  }
  return DEFAULT_LOCALE;
}
