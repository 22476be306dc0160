import type { Translator } from '@bazaar/shared';

/** A store day (YYYY-MM-DD) on a statement: "3 Dec 2026", in the reader's language. */
export function statementDay(t: Translator, day: string): string {
  return t.dateTime(`${day}T12:00:00Z`, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

/** "250", "-250", "−250" or "+250" as signed minor units; null when it is not an amount. */
export function signedAmount(text: string, parse: (s: string) => number | null): number | null {
  const s = text.trim().replace(/^−/, '-');
  const negative = s.startsWith('-');
  const minor = parse(s.replace(/^[-+]/, '').trim());
  if (minor === null || minor === 0) return null;
  return negative ? -minor : minor;
}
