import { createTranslator, currencyOfTimeZone, pickLocale, type BaseUnit } from '@bazaar/shared';
import { cliEnv } from './cli.env';

/**
 * The CLI's messages in BAZAAR_LANG (en, ur or hi; English otherwise), amounts in
 * BAZAAR_CURRENCY or the language's usual one. Only BAZAAR_LANG is read, not LANG: scripts that
 * parse the output must not change language with the machine they run on (--json never does).
 */
// Replaced once per command, when the store is open (adoptStore); importers see the new one.
export let cliT = createTranslator({ locale: pickLocale(cliEnv.BAZAAR_LANG), currency: cliEnv.BAZAAR_CURRENCY ?? null });

/**
 * The store's money and clock once its file is open: the hub's currency when enrolled, else the
 * country of the store's clock (a Lahore store counts in Rs; BAZAAR_CURRENCY still wins), and
 * times on the store's clock whatever the computer's zone.
 */
export function adoptStore(store: { currency: string | null; timeZone: string | null | undefined }): void {
  const code = cliEnv.BAZAAR_CURRENCY ?? store.currency ?? currencyOfTimeZone(store.timeZone) ?? cliT.currency.code;
  const timeZone = store.timeZone ?? undefined;
  if (code !== cliT.currency.code || timeZone !== cliT.timeZone) cliT = createTranslator({ locale: cliT.locale, currency: code, timeZone });
}

/** A price as the CLI says it: "₹45.00" a piece, "₹46.00/kg" loose, "₹165.00/L" by volume. */
export function cliPrice(minor: number, unit: BaseUnit): string {
  const price = cliT.money(minor);
  return unit === 'pc' ? price : cliT.t(unit === 'g' ? 'unit.perKg' : 'unit.perL', { price });
}
