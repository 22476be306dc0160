import { createIntl, createIntlCache, type IntlShape } from '@formatjs/intl';
import { formatScaled, type BaseUnit } from '../units/units';
import { catalogs, type MessageKey } from './catalog/catalogs';
import { currencyInfo, type CurrencyInfo } from './currency';
import { localeInfo, type Locale, type LocaleInfo } from './locales';
import { formatMinorUnits, formatMinorUnitsCompact, formatNumberIn, numberLocale } from './money.format';

/** Values a plain message takes; rich messages also take the caller's nodes. */
export type MessageValue = string | number | boolean | Date | null | undefined;
export type MessageValues = Record<string, MessageValue>;
export type RichValues<T> = Record<string, MessageValue | T | ((chunks: (string | T)[]) => T)>;

export interface TranslatorOptions {
  locale: Locale;
  /** ISO 4217 code of the hub's currency; the language's usual one when not known yet. */
  currency?: string | null;
  /** IANA zone that times are shown in (the store's); the device's when not set. */
  timeZone?: string | null;
}

export interface Translator {
  readonly locale: Locale;
  readonly info: LocaleInfo;
  readonly currency: CurrencyInfo;
  readonly timeZone: string | undefined;
  readonly intl: IntlShape<unknown>;
  t(key: MessageKey, values?: MessageValues): string;
  /** A message with caller nodes in it (`<b>{sku}</b>`, a `<bdi>` around a number): parts in order. */
  rich<T>(key: MessageKey, values: RichValues<T>): (string | T)[];
  money(minor: number): string;
  moneyCompact(minor: number): string;
  number(n: number, options?: Intl.NumberFormatOptions): string;
  /** 1250 g → "1.25 kg" / "1.25 کلو" / "1.25 किलो"; the digits stay Latin. */
  qty(qty: number, unit: BaseUnit, options?: { signed?: boolean }): string;
  dateTime(value: string | number | Date, options?: Intl.DateTimeFormatOptions): string;
}

const intlCache = createIntlCache();

export function createTranslator(options: TranslatorOptions): Translator {
  const { locale } = options;
  const info = localeInfo[locale];
  const currency = currencyInfo(options.currency ?? info.defaultCurrency);
  const timeZone = options.timeZone ?? undefined;
  const intl = createIntl<unknown>(
    {
      locale: numberLocale(locale, currency),
      defaultLocale: 'en',
      messages: catalogs[locale],
      ...(timeZone ? { timeZone } : {}),
      // A missing key is caught by the catalog tests; at run time the key itself is shown.
      onError: () => undefined,
    },
    intlCache,
  );
  const format = intl.formatMessage as (d: { id: string }, v?: Record<string, unknown>) => unknown;

  const t: Translator = {
    locale,
    info,
    currency,
    timeZone,
    intl,
    t: (key, values) => String(format({ id: key }, values)),
    rich: <T>(key: MessageKey, values: RichValues<T>) => {
      const out = format({ id: key }, values);
      return (Array.isArray(out) ? out : [out]) as (string | T)[];
    },
    money: (minor) => formatMinorUnits(minor, currency, locale),
    moneyCompact: (minor) => formatMinorUnitsCompact(minor, currency, locale),
    number: (n, opts) => formatNumberIn(n, locale, currency, opts),
    qty: (qty, unit, opts) => {
      const big = unit !== 'pc' && Math.abs(qty) >= 1000;
      const digits = formatNumberIn(big ? Number(formatScaled(qty, 3, true)) : qty, locale, currency, opts?.signed ? { signDisplay: 'exceptZero' } : {});
      // In right-to-left text the number (and its sign) is isolated so it reads "+1.5" in place.
      const n = info.dir === 'rtl' ? `\u2066${digits}\u2069` : digits;
      const key: MessageKey = unit === 'pc' ? 'unit.pieces' : unit === 'g' ? (big ? 'unit.kg' : 'unit.g') : big ? 'unit.l' : 'unit.ml';
      return t.t(key, { n });
    },
    dateTime: (value, opts) => intl.formatDate(value, opts ?? { day: '2-digit', month: 'short', hour: '2-digit', minute: '2-digit' }),
  };
  return t;
}
