import { isLocale, pickLocale, type Locale } from '@bazaar/shared';

// The counter keeps each person's language on this computer: a shared till where the owner reads
// Urdu and the helper reads Hindi switches with the person who signs in.
const deviceKey = 'bazaar.locale';
const userKey = (username: string) => `bazaar.locale.user.${username}`;
const currencyKey = 'bazaar.currency';

function read(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string): void {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    // Private mode or a full disk: the choice lasts until the window closes.
  }
}

/** The user's own choice, else this counter's last one, else the browser's language, else English. */
export function storedLocale(username: string | null): Locale {
  return pickLocale(username ? read(userKey(username)) : null, read(deviceKey), navigator.language);
}

export function saveLocale(locale: Locale, username: string | null): void {
  write(deviceKey, locale);
  if (username) write(userKey(username), locale);
}

export function storedCurrency(): string | null {
  return read(currencyKey);
}

export function saveCurrency(code: string): void {
  write(currencyKey, code);
}

export { isLocale };
