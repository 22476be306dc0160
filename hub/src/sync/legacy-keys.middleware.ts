import { MINOR_KEYS_PROTOCOL, SYNC_PROTOCOL_HEADER, withLegacyKeys } from '@bazaar/shared';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../http/app-env';

/** The protocol a request says it speaks (header Bazaar-Sync-Protocol); 1 when it says none or nonsense. */
export function requestProtocol(header: string | undefined): number {
  const n = Number(header ?? 1);
  return Number.isInteger(n) && n >= 1 ? n : 1;
}

/**
 * Counters from before protocol 3 read money as `pricePaise`, `totalPaise`, a discount's `paise`:
 * a device that says it speaks less than 3 (or says nothing) gets every JSON answer with those
 * names (minor-keys.compat.ts). Outside the response cache, so one cached answer serves both.
 * Users and API tokens always get the new names; request bodies are read in either (validate.ts).
 */
export const legacyMoneyKeys: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  if (c.get('principal')?.kind !== 'device' || requestProtocol(c.req.header(SYNC_PROTOCOL_HEADER)) >= MINOR_KEYS_PROTOCOL) return;
  // A push's answer (seqs, statuses, remaps, clocks) holds no money: not worth a re-serialisation on the hottest route.
  if (c.req.method === 'POST' && c.req.path.endsWith('/sync/push')) return;
  if (!/^application\/json/i.test(c.res.headers.get('content-type') ?? '')) return;
  const body: unknown = await c.res.json();
  const headers = new Headers(c.res.headers);
  headers.delete('content-length');
  c.res = new Response(JSON.stringify(withLegacyKeys(body)), { status: c.res.status, headers });
};
