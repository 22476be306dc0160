import { DomainError, SYNC_PROTOCOL_HEADER, pullQuerySchema, pullResponseSchema, pushRequestSchema, pushResponseSchema, timeResponseSchema } from '@bazaar/shared';
import { Hono } from 'hono';
import { bearerToken, requireDevice } from '../auth/auth.middleware';
import type { DevicePrincipal } from '../auth/principal';
import type { AppDeps, AppEnv } from '../http/app-env';
import { route } from '../openapi/openapi.route';
import { decodePullCursor } from './sync.cursor';
import { pullPage } from './sync.pull';
import { pushInTransaction } from './sync.push';
import { retiredDevice } from './sync.retired-device';

const tag = 'sync';
const push = route({ summary: 'Push a batch of movements (device token)', tag, body: pushRequestSchema, responses: { 200: pushResponseSchema } });
const time = route({ summary: "Hub time and this device's acknowledged seq (device token)", tag, responses: { 200: timeResponseSchema } });
const pull = route({ summary: 'Pull catalog, staff and stock changes (device token)', tag, query: pullQuerySchema, responses: { 200: pullResponseSchema } });

/**
 * Device sync (DESIGN §5). A device token acts for its one store only; user tokens are refused.
 * The app-wide body limit (BODY_LIMIT_BYTES, 2 MiB by default) holds a full push of 1,000
 * movements and 1,000 products with room to spare; a larger body is a 413 naming the limit.
 */
export function createSyncRoutes(deps: AppDeps) {
  /**
   * Device principals stay long in the node's cache (auth/principal.cache.ts): each of these
   * routes re-reads the device row and refuses a revoked device itself, and that refusal drops
   * the device from this node's cache, so the token is refused everywhere from then on.
   */
  const refusedEvicts = async <T>(device: DevicePrincipal, run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (err) {
      if (err instanceof DomainError && err.code === 'UNAUTHENTICATED') deps.principals?.evictDevice(device.id);
      throw err;
    }
  };
  return new Hono<AppEnv>()
    .post('/push', push, async (c) => {
      // Null principal with a bearer token here: a revoked device, accepted only when its store was archived.
      const device = c.get('principal') ? requireDevice(c) : await retiredDevice(deps, bearerToken(c.req.header('authorization')));
      const request = await push.json(c);
      const { response, commit } = await refusedEvicts(device, () => pushInTransaction(deps, device, request, c.req.header(SYNC_PROTOCOL_HEADER)));
      c.set('stockCommit', { source: 'sync', storeIds: [commit.storeId], movements: commit.applied, deviceId: commit.deviceId, productIds: commit.productIds });
      return c.json(response, 200);
    })
    .get('/time', time, async (c) => {
      // Hub time for a device about to finalise its stamps (hlc.correction.ts), and the seq the hub
      // holds for it (below the device's own acknowledged seq after a restore: send again).
      const device = requireDevice(c);
      const row = await deps.db.selectFrom('devices').select(['last_seq', 'revoked_at']).where('store_id', '=', device.storeId).where('id', '=', device.id).executeTakeFirst();
      if (!row || row.revoked_at !== null) {
        deps.principals?.evictDevice(device.id);
        throw new DomainError('UNAUTHENTICATED', 'invalid or revoked device token');
      }
      return c.json({ serverTime: deps.clock.now(), hubHlc: deps.hlc.now(), ackedSeq: Number(row.last_seq) }, 200);
    })
    .get('/pull', pull, async (c) => {
      const device = requireDevice(c);
      const query = pull.query(c);
      const response = await refusedEvicts(device, () => pullPage(deps, device, decodePullCursor(query.cursor), query.limit));
      return c.json(response, 200);
    });
}
