import { createI18n, localeStorage, readStored, useI18nValue, writeStored, type I18nCore } from '@bazaar/i18n-react';
import { currencyOfTimeZone, type Locale } from '@bazaar/shared';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { StoreInfo } from '../../core/core.api';
import { useApi } from '../api/api-context';
import { setBridgeWords } from '../api/bridge-words';

// The counter keeps each person's language on this computer: a shared till where the owner reads
// Urdu and the helper reads Hindi switches with the person who signs in.
const stored = localeStorage('bazaar.locale');
// A stand-alone store's own currency; an enrolled counter takes the hub's from the core.
const currencyKey = 'bazaar.currency';

/** The hub's currency and default language as the core last pulled them (null: stand-alone), and the store's time zone. */
export interface HubLocale {
  currency: string | null;
  defaultLocale: Locale | null;
  /** The store's clock (its bill settings): every time on every screen is in it, as on the receipt. */
  timeZone: string | null;
}

interface I18n extends I18nCore {
  /** Whether the currency is the hub's (set by head office), not this counter's own. */
  readonly hubCurrency: boolean;
  setCurrency(code: string): void;
  /** Who is signed in: their saved language replaces the counter's. */
  setUser(username: string | null): void;
  /** After a pull: the hub's currency and default language as the core now holds them. */
  setHubLocale(hub: HubLocale): void;
  /** The core's info as the app first read it at start-up: a set-up store's currency and default language are read then. */
  startWith(info: StoreInfo): void;
}

const { I18nContext, useI18n, LocalePicker } = createI18n<I18n>();
export { useI18n, LocalePicker };

export function I18nProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const [user, setUserState] = useState<string | null>(null);
  const [hub, setHub] = useState<HubLocale>({ currency: null, defaultLocale: null, timeZone: null });
  const [locale, setLocale] = useState(() => stored.storedLocale(null));
  const [ownCurrency, setOwnCurrency] = useState<string | null>(() => readStored(currencyKey));
  // Until someone chooses, a stand-alone store counts in the money of its clock's country.
  const [zoneCurrency, setZoneCurrency] = useState<string | null>(null);

  const setUser = useCallback((username: string | null) => {
    setUserState(username);
    setLocale(stored.storedLocale(username, hub.defaultLocale));
  }, [hub.defaultLocale]);
  const setHubLocale = useCallback((next: HubLocale) => {
    setHub((h) => (h.currency === next.currency && h.defaultLocale === next.defaultLocale && h.timeZone === next.timeZone ? h : next));
  }, []);
  useEffect(() => setLocale(stored.storedLocale(user, hub.defaultLocale)), [hub.defaultLocale]);

  // What the core holds from the last pull, before anyone signs in (a new store has none yet).
  // The app reads the core's info once at start-up and hands it here, so it is not asked twice.
  const started = useRef(false);
  const startWith = useCallback(
    (info: StoreInfo) => {
      if (started.current) return;
      started.current = true;
      // A file with no store yet has no settings to ask for (and asking would be refused).
      if (!info.initialised) return;
      api.billSettings().then(
        (s) => {
          setZoneCurrency(currencyOfTimeZone(s.timeZone));
          setHubLocale({ currency: s.currency, defaultLocale: s.defaultLocale, timeZone: s.timeZone });
        },
        () => undefined,
      );
    },
    [api, setHubLocale],
  );

  const core = useI18nValue(
    locale,
    hub.currency ?? ownCurrency ?? zoneCurrency,
    (l) => {
      stored.saveLocale(l, user);
      setLocale(l);
    },
    hub.timeZone,
  );
  // Set during render, before any child's request can fail: the bridge's messages follow the language.
  setBridgeWords(core);
  const value = useMemo<I18n>(
    () => ({
      ...core,
      hubCurrency: hub.currency !== null,
      setCurrency: (code) => {
        writeStored(currencyKey, code);
        setOwnCurrency(code);
      },
      setUser,
      setHubLocale,
      startWith,
    }),
    [core, hub.currency, setUser, setHubLocale, startWith],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}
