import type { Locale } from '../locales';

/** One message in every language; a missing language is a type error where it is written. */
export type Entry = Readonly<Record<Locale, string>>;

export function messages<const M extends Record<string, Entry>>(m: M): M {
  return m;
}
