import { resolve } from 'node:path';
import { createTranslator, pickLocale } from '@bazaar/shared';
import { z } from 'zod';

/** The only place the CLI reads the environment. */
// An empty variable (`BAZAAR_USER=`) means unset, as shells and CI files often leave them.
const optionalText = z.preprocess((v) => (v === '' ? undefined : v), z.string().optional());
const envSchema = z.object({
  BAZAAR_STORE_DB: optionalText,
  BAZAAR_USER: optionalText,
  BAZAAR_PIN: optionalText,
  // Language of the CLI's messages (en, ur, hi) and the currency amounts are shown in (ISO 4217).
  BAZAAR_LANG: optionalText,
  BAZAAR_CURRENCY: z.preprocess((v) => (v === '' ? undefined : v), z.string().regex(/^[A-Za-z]{3}$/, { error: () => createTranslator({ locale: pickLocale(process.env.BAZAAR_LANG) }).t('cli.env.currencyCode') }).optional()),
  // pnpm --filter runs scripts inside desktop/; INIT_CWD is where the user typed the command.
  INIT_CWD: optionalText,
});

export const cliEnv = envSchema.parse(process.env);

export const DEFAULT_DB_FILE = 'bazaar-store.db';

/** --db, else BAZAAR_STORE_DB, else ./bazaar-store.db, relative to the directory the user is in. */
export function resolveDbPath(flag: string | undefined): string {
  const p = flag ?? cliEnv.BAZAAR_STORE_DB ?? DEFAULT_DB_FILE;
  return resolve(cliEnv.INIT_CWD ?? process.cwd(), p);
}

export function resolveUserPath(p: string): string {
  return resolve(cliEnv.INIT_CWD ?? process.cwd(), p);
}
