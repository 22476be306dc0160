import { createTranslator, isLocale, type Locale, type Translator } from '@bazaar/shared';
import type { Context } from 'hono';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.types';
import { readHubLocale } from '../settings/hub-settings.repository';

/**
 * The language a request asked for (Accept-Language; the web app sends its reader's), the first of
 * en / ur / hi in the header's preference order; null when it names none of them.
 */
export function requestLocale(c: Context): Locale | null {
  const header = c.req.header('accept-language') ?? '';
  const tags = header
    .split(',')
    .map((part, i) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = Number(params.find((p) => p.trim().startsWith('q='))?.trim().slice(2) ?? 1);
      return { lang: tag.trim().toLowerCase().split('-')[0], q: Number.isFinite(q) ? q : 0, i };
    })
    .filter((x) => x.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  return tags.map((x) => x.lang).find(isLocale) ?? null;
}

/**
 * The words a CSV file writes for the API's codes (kinds, statuses, payment methods, reasons), in
 * the reader's language (else the hub's default), as the screens write them: people open these files.
 */
export async function csvTranslator(c: Context, db: Kysely<Database>, locale: Locale | null = requestLocale(c)): Promise<Translator> {
  const hub = await readHubLocale(db);
  return createTranslator({ locale: locale ?? hub.defaultLocale, currency: hub.currency });
}
