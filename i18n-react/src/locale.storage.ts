import { pickLocale, type Locale } from '@bazaar/shared';

/** A stored value, or null when there is none or storage is refused (private mode). */
export function readStored(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

export function writeStored(key: string, value: string): void {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    // Private mode or a full disk: the choice lasts until the window closes.
  }
}

/**
 * Each person's language on this device, under `${prefix}` (the device's last choice) and
 * `${prefix}.user.<name>` (theirs): a shared till or browser switches with who signs in.
 */
export function localeStorage(prefix: string) {
  const userKey = (username: string) => `${prefix}.user.${username}`;
  return {
    /**
     * The user's own choice (signed in), else this device's last choice (a language picked on the
     * sign-in page stays after signing in), else the fallback (the default language of the store
     * or hub, once known), then the browser's language, else English.
     */
    storedLocale(username: string | null, fallback?: Locale | null): Locale {
      const device = readStored(prefix);
      return pickLocale(username ? readStored(userKey(username)) : null, device, fallback, navigator.language);
    },
    saveLocale(locale: Locale, username: string | null): void {
      writeStored(prefix, locale);
      if (username) writeStored(userKey(username), locale);
    },
  };
}
