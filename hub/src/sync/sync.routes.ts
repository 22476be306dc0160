import { DomainError, pullQuerySchema, pushRequestSchema } from '@bazaar/shared';
import { Hono } from 'hono';
import { bearerToken, requireDevice } from '../auth/auth.middleware';
import type { AppDeps, AppEnv } from '../http/app-env';
import { parseJson, parseQuery } from '../http/validate';
import { boundLockWait } from '../platform/admission/admission.lock';
import { decodePullCursor } from './sync.cursor';
import { pullPage } from './sync.pull';
import { pushBatch } from './sync.push';
import { retiredDevice } from './sync.retired-device';

/**
 * Device sync (DESIGN §5). A device token acts for its one store only; user tokens are refused.
 * The app-wide body limit (BODY_LIMIT_BYTES, 2 MiB by default) holds a full push of 1,000
 * movements and 1,000 products with room to spare; a larger body is a 413 naming the limit.
 */
export function createSyncRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .post('/push', async (c) => {
      // Null principal with a bearer token here: a revoked device, accepted only when its store was archived.
      const device = c.get('principal') ? requireDevice(c) : await retiredDevice(deps, bearerToken(c.req.header('authorization')));
      const request = await parseJson(c, pushRequestSchema);
      const response = await deps.db.transaction().execute(async (trx) => {
        await boundLockWait(trx, deps.config.admission.pushLockTimeoutMs);
        return pushBatch(trx, deps, device, request);
      });
      return c.json(response, 200);
    })
    .get('/time', async (c) => {
      // Hub time for a device about to finalise its stamps (hlc.correction.ts), and the seq the hub
      // holds for it (below the device's own acknowledged seq after a restore: send again).
      const device = requireDevice(c);
      const row = await deps.db.selectFrom('devices').select(['last_seq', 'revoked_at']).where('store_id', '=', device.storeId).where('id', '=', device.id).executeTakeFirst();
      if (!row || row.revoked_at !== null) throw new DomainError('UNAUTHENTICATED', 'invalid or revoked device token');
      return c.json({ serverTime: deps.clock.now(), hubHlc: deps.hlc.now(), ackedSeq: Number(row.last_seq) }, 200);
    })
    .get('/pull', async (c) => {
      const device = requireDevice(c);
      const query = parseQuery(c, pullQuerySchema);
      const response = await pullPage(deps, device, decodePullCursor(query.cursor), query.limit);
      return c.json(response, 200);
    });
}
