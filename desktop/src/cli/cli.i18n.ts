import { createTranslator, currencyOfTimeZone, pickLocale, type BaseUnit } from '@bazaar/shared';
import { cliEnv } from './cli.env';

/**
 * The CLI's messages in BAZAAR_LANG (en, ur or hi; English otherwise), amounts in
 * BAZAAR_CURRENCY or the language's usual one. Only BAZAAR_LANG is read, not LANG: scripts that
 * parse the output must not change language with the machine they run on (--json never does).
 */
// Replaced once per command, when the store is open (adoptStoreCurrency); importers see the new one.
export let cliT = createTranslator({ locale: pickLocale(cliEnv.BAZAAR_LANG), currency: cliEnv.BAZAAR_CURRENCY ?? null });

/**
 * Amounts in the store's money once its file is open: the hub's currency when enrolled, else the
 * country of the store's clock (a Lahore store counts in Rs); BAZAAR_CURRENCY still wins.
 */
export function adoptStoreCurrency(store: { currency: string | null; timeZone: string | null | undefined }): void {
  if (cliEnv.BAZAAR_CURRENCY) return;
  const code = store.currency ?? currencyOfTimeZone(store.timeZone);
  if (code && code !== cliT.currency.code) cliT = createTranslator({ locale: cliT.locale, currency: code });
}

/** A price as the CLI says it: "₹45.00" a piece, "₹46.00/kg" loose, "₹165.00/L" by volume. */
export function cliPrice(minor: number, unit: BaseUnit): string {
  const price = cliT.money(minor);
  return unit === 'pc' ? price : cliT.t(unit === 'g' ? 'unit.perKg' : 'unit.perL', { price });
}
