import { DomainError, limitSchema, uuidSchema } from '@bazaar/shared';
import { Hono } from 'hono';
import { z } from 'zod';
import { requireUser } from '../auth/auth.middleware';
import { assertStoreAccess, assertStoreRole, visibleStoreIds } from '../auth/principal';
import type { AppDeps, AppEnv } from '../http/app-env';
import { route } from '../openapi/openapi.route';
import type { EventBus } from '../events/event-bus';
import { isInternalHost } from './webhook-url';
import { ids } from '../names/names.routes';

const listQuery = z.strictObject({
  storeId: uuidSchema.optional(),
  state: z.enum(['open', 'acknowledged', 'closed', 'live']).optional(),
  /** Only these products' alerts (comma-separated ids; e.g. the rows a drill-down shows). */
  productIds: ids,
  limit: limitSchema,
});

const webhookInput = z.strictObject({
  url: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).max(2000),
  enabled: z.boolean().default(true),
});

const tag = 'alerts';
const alertSchema = z.object({
  id: z.string(),
  storeId: z.string(),
  productId: z.string(),
  sku: z.string(),
  productName: z.string(),
  kind: z.string(),
  state: z.enum(['open', 'acknowledged', 'closed']),
  qty: z.number().nullable(),
  openedAt: z.string(),
  acknowledgedAt: z.string().nullable(),
  acknowledgedBy: z.string().nullable(),
  closedAt: z.string().nullable(),
});
const webhookSchema = z.object({ storeId: z.string(), url: z.string(), enabled: z.boolean(), updatedAt: z.string() });
const storeParam = { storeId: uuidSchema };
const list = route({ summary: 'Stock alerts of the visible stores, newest first', tag, query: listQuery, responses: { 200: z.object({ items: z.array(alertSchema), nextCursor: z.null() }) } });
const acknowledge = route({
  summary: 'Acknowledge an open alert',
  tag,
  params: { id: uuidSchema },
  responses: { 200: z.object({ id: z.string(), state: z.literal('acknowledged') }) },
});
const getWebhook = route({ summary: "A store's alert webhook (its managers)", tag, params: storeParam, responses: { 200: webhookSchema } });
const putWebhook = route({ summary: "Set a store's alert webhook (its managers)", tag, params: storeParam, body: webhookInput, responses: { 200: webhookSchema } });
const deleteWebhook = route({ summary: "Remove a store's alert webhook (its managers)", tag, params: storeParam, responses: { 204: null } });

/** Stock alerts raised by the evaluate-alerts job, and each store's alert webhook. */
export function createAlertsRoutes(deps: AppDeps, bus: EventBus) {
  const db = deps.db;
  return new Hono<AppEnv>()
    .get('/', list, async (c) => {
      const me = requireUser(c);
      const q = list.query(c);
      const visible = visibleStoreIds(me);
      if (q.storeId) assertStoreAccess(me, q.storeId);
      let sel = db
        .selectFrom('alerts as a')
        .innerJoin('products as p', 'p.id', 'a.product_id')
        .select(['a.id', 'a.store_id', 'a.product_id', 'p.sku', 'p.name', 'a.kind', 'a.state', 'a.qty', 'a.opened_at', 'a.acknowledged_at', 'a.acknowledged_by', 'a.closed_at'])
        .orderBy('a.opened_at', 'desc')
        .orderBy('a.id', 'desc')
        .limit(q.limit);
      if (visible !== null) {
        if (visible.length === 0) return c.json({ items: [], nextCursor: null }, 200);
        sel = sel.where('a.store_id', 'in', visible);
      }
      if (q.storeId) sel = sel.where('a.store_id', '=', q.storeId);
      if (q.productIds) {
        if (q.productIds.length === 0) return c.json({ items: [], nextCursor: null }, 200);
        sel = sel.where('a.product_id', 'in', q.productIds);
      }
      if (q.state === 'live') sel = sel.where('a.state', '<>', 'closed');
      else if (q.state) sel = sel.where('a.state', '=', q.state);
      const rows = await sel.execute();
      return c.json(
        {
          items: rows.map((r) => ({
            id: r.id,
            storeId: r.store_id,
            productId: r.product_id,
            sku: r.sku,
            productName: r.name,
            kind: r.kind,
            state: r.state,
            qty: r.qty === null ? null : Number(r.qty),
            openedAt: r.opened_at.toISOString(),
            acknowledgedAt: r.acknowledged_at?.toISOString() ?? null,
            acknowledgedBy: r.acknowledged_by,
            closedAt: r.closed_at?.toISOString() ?? null,
          })),
          nextCursor: null,
        },
        200,
      );
    })
    .post('/:id/acknowledge', acknowledge, async (c) => {
      const me = requireUser(c);
      const id = acknowledge.param(c, 'id');
      const alert = await db.selectFrom('alerts').select(['store_id', 'state']).where('id', '=', id).executeTakeFirst();
      if (!alert) throw new DomainError('NOT_FOUND', 'alert not found');
      assertStoreRole(me, alert.store_id, ['admin', 'manager', 'staff']);
      if (alert.state === 'closed') throw new DomainError('CONFLICT', 'the alert is closed: stock has recovered');
      if (alert.state === 'open') {
        await db
          .updateTable('alerts')
          .set({ state: 'acknowledged', acknowledged_at: new Date(deps.clock.now()), acknowledged_by: me.id })
          .where('store_id', '=', alert.store_id)
          .where('id', '=', id)
          .where('state', '=', 'open')
          .execute();
        await bus.publish({ type: 'alert.acknowledged', storeId: alert.store_id, data: { id, by: me.id } });
      }
      return c.json({ id, state: 'acknowledged' as const }, 200);
    })
    .get('/webhooks/:storeId', getWebhook, async (c) => {
      const me = requireUser(c);
      const storeId = getWebhook.param(c, 'storeId');
      assertStoreRole(me, storeId, ['admin', 'manager']);
      const row = await db.selectFrom('store_webhooks').select(['url', 'enabled', 'updated_at']).where('store_id', '=', storeId).executeTakeFirst();
      if (!row) throw new DomainError('NOT_FOUND', 'no webhook for this store');
      return c.json({ storeId, url: row.url, enabled: row.enabled, updatedAt: row.updated_at.toISOString() }, 200);
    })
    .put('/webhooks/:storeId', putWebhook, async (c) => {
      const me = requireUser(c);
      const storeId = putWebhook.param(c, 'storeId');
      assertStoreRole(me, storeId, ['admin', 'manager']);
      const input = await putWebhook.json(c);
      if (deps.config.mode === 'production' && isInternalHost(new URL(input.url).hostname)) {
        throw new DomainError('VALIDATION_FAILED', 'url: must not point at a private or loopback address', { field: 'url' });
      }
      const store = await db.selectFrom('stores').select('id').where('id', '=', storeId).executeTakeFirst();
      if (!store) throw new DomainError('NOT_FOUND', 'store not found');
      const now = new Date(deps.clock.now());
      await db
        .insertInto('store_webhooks')
        .values({ store_id: storeId, url: input.url, enabled: input.enabled, updated_at: now })
        .onConflict((oc) => oc.column('store_id').doUpdateSet({ url: input.url, enabled: input.enabled, updated_at: now }))
        .execute();
      return c.json({ storeId, url: input.url, enabled: input.enabled, updatedAt: now.toISOString() }, 200);
    })
    .delete('/webhooks/:storeId', deleteWebhook, async (c) => {
      const me = requireUser(c);
      const storeId = deleteWebhook.param(c, 'storeId');
      assertStoreRole(me, storeId, ['admin', 'manager']);
      await db.deleteFrom('store_webhooks').where('store_id', '=', storeId).execute();
      return c.body(null, 204);
    });
}
