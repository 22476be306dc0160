import { syncTransfersResponseSchema, type SyncTransfersResponse } from '@bazaar/shared';
import { Hono } from 'hono';
import { sql } from 'kysely';
import { requireDevice } from '../auth/auth.middleware';
import type { AppDeps, AppEnv } from '../http/app-env';
import { route } from '../openapi/openapi.route';
import { assembleTransfer, type ArrivalSide, type CountedLine } from './transfers.assemble';

/** How long a settled or cancelled transfer still goes to its counters (so both ends see how it ended). */
const RECENT_DAYS = 14;
const MAX_OPEN = 200;

const open = route({ summary: "Open transfers from or to this device's store, and the stores it may send to (device token)", tag: 'sync', responses: { 200: syncTransfersResponseSchema } });

/**
 * What a counter needs to dispatch and receive offline (called after each pull): drafts to
 * dispatch, transfers on their way in, and its own on their way out, each with both sides as the
 * hub knows them; and the stores it may send to: those its store already exchanged transfers with
 * (head office plans the first one), so a counter sees no store it has no business with.
 */
export function createTransferSyncRoutes(deps: AppDeps) {
  return new Hono<AppEnv>().get('/transfers', open, async (c) => {
    const device = requireDevice(c);
    const since = new Date(deps.clock.now() - RECENT_DAYS * 86_400_000);
    const { rows } = await sql<{ doc: unknown; arrival: ArrivalSide | null; counts: CountedLine[] | null }>`
      SELECT t.doc,
             CASE WHEN a.transfer_id IS NULL THEN NULL ELSE json_build_object('received_at', a.received_at, 'received_by', a.received_by, 'closed_at', a.closed_at, 'closed_by', a.closed_by) END AS arrival,
             (SELECT json_agg(l) FROM transfer_receipt_lines l WHERE l.store_id = t.to_store_id AND l.transfer_id = t.id) AS counts
      FROM transfers t
      LEFT JOIN transfer_arrivals a ON a.store_id = t.to_store_id AND a.transfer_id = t.id
      WHERE (t.store_id = ${device.storeId}::uuid OR t.to_store_id = ${device.storeId}::uuid)
        AND ((t.status <> 'cancelled' AND NOT coalesce(a.settled, false)) OR t.updated_at > ${since} OR a.updated_at > ${since})
      ORDER BY t.created_at DESC, t.id DESC
      LIMIT ${MAX_OPEN}`.execute(deps.db);
    const stores = await sql<{ id: string; code: string; name: string }>`
      SELECT s.id, s.code, s.name FROM stores s
      WHERE NOT s.archived AND s.id <> ${device.storeId}::uuid AND (
        EXISTS (SELECT 1 FROM transfers t WHERE t.store_id = ${device.storeId}::uuid AND t.to_store_id = s.id)
        OR EXISTS (SELECT 1 FROM transfers t WHERE t.store_id = s.id AND t.to_store_id = ${device.storeId}::uuid))
      ORDER BY s.code`.execute(deps.db);
    const body: SyncTransfersResponse = {
      transfers: rows.map((r) => assembleTransfer(r.doc as SyncTransfersResponse['transfers'][number], r.arrival, r.counts ?? [])),
      stores: stores.rows,
    };
    return c.json(body, 200);
  });
}
