import { createTranslator, pickLocale } from '@bazaar/shared';
import { cliEnv } from './cli.env';

/**
 * The CLI's messages in BAZAAR_LANG (en, ur or hi; English otherwise), amounts in
 * BAZAAR_CURRENCY or the language's usual one. Only BAZAAR_LANG is read, not LANG: scripts that
 * parse the output must not change language with the machine they run on (--json never does).
 */
export const cliT = createTranslator({ locale: pickLocale(cliEnv.BAZAAR_LANG), currency: cliEnv.BAZAAR_CURRENCY ?? null });
