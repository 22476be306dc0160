import { pickLocale, type Locale } from '@bazaar/shared';

// Head office shares browsers less than a counter does, but the choice is still per person.
const deviceKey = 'bazaar.web.locale';
const userKey = (username: string) => `bazaar.web.locale.user.${username}`;

function read(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

/** The user's own choice, else this browser's last one, else the browser's language, else English. */
export function storedLocale(username: string | null): Locale {
  return pickLocale(username ? read(userKey(username)) : null, read(deviceKey), navigator.language);
}

export function saveLocale(locale: Locale, username: string | null): void {
  try {
    window.localStorage.setItem(deviceKey, locale);
    if (username) window.localStorage.setItem(userKey(username), locale);
  } catch {
    // Storage refused: the choice lasts for this page.
  }
}
