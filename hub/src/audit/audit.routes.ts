import { DomainError, auditEntrySchema, hubChainVerificationSchema, limitSchema, pageSchema, uuidSchema, verifyRunSchema, type AuditEntry } from '@bazaar/shared';
import { Hono } from 'hono';
import { sql } from 'kysely';
import { z } from 'zod';
import { requireUser } from '../auth/auth.middleware';
import { visibleStoreIds } from '../auth/principal';
import type { AuditLogRow } from '../db/database.types';
import type { AppDeps, AppEnv } from '../http/app-env';
import { decodeCursor, pageOf } from '../http/cursor';
import { containsPattern, dateQuery, iso } from '../http/route-helpers';
import { route } from '../openapi/openapi.route';
import { verifyPage, verifyStore } from './audit.verify';
import { createVerifyRun, runVerify, toVerifyRun } from './audit.verify-run';

export const listQuery = z.strictObject({
  action: z.string().trim().min(1).max(100).optional(),
  entity: z.string().trim().min(1).max(100).optional(),
  entityId: z.string().trim().min(1).max(100).optional(),
  actorId: uuidSchema.optional(),
  storeId: uuidSchema.optional(),
  from: dateQuery.optional(),
  to: dateQuery.optional(),
  q: z.string().trim().min(1).max(200).optional(),
  limit: limitSchema,
  cursor: z.string().optional(),
});
/** Entities every store shares: their audit entries (no store) are visible to managers too. */
const CHAIN_CATALOG = ['product', 'supplier'];
const idCursor = z.tuple([z.number().int().min(1)]);
/** One store's chain, or a page of chains in key order (cursor: the last chain of the page before). */
export const verifyQuery = z.strictObject({
  storeId: uuidSchema.optional(),
  cursor: z.string().min(1).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

export function toAuditEntry(r: Omit<AuditLogRow, 'search' | 'chain' | 'seq'>): AuditEntry {
  return {
    id: String(r.id),
    at: iso(r.at),
    actorId: r.actor_id,
    actorName: r.actor_name,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    storeId: r.store_id,
    before: r.before ?? null,
    after: r.after ?? null,
    ip: r.ip,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

/** Words → a prefix-matching tsquery ("ric bas" finds "rice basmati"); odd characters dropped. */
function toTsQuery(q: string): string | null {
  const words = q
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, 10);
  return words.length ? words.map((w) => `${w}:*`).join(' & ') : null;
}

/** Products whose SKU or name contains, or barcode is, the searched text (the products list's rule; a few, newest first). */
async function matchingProducts(db: AppDeps['readDb'], text: string): Promise<string[]> {
  const p = containsPattern(text);
  const rows = await db
    .selectFrom('products')
    .select('id')
    .where((eb) => eb.or([eb('sku', 'ilike', p), eb('name', 'ilike', p), eb('barcode', '=', text)]))
    .orderBy('id', 'desc')
    .limit(20)
    .execute();
  return rows.map((r) => r.id);
}

const tag = 'audit';
const list = route({ summary: 'Audit log search', tag, query: listQuery, responses: { 200: pageSchema(auditEntrySchema) } });
const verify = route({
  summary: 'Check the audit hash chains: one store (storeId), or a page of chains in key order; the last page checks the anchors',
  tag,
  query: verifyQuery,
  responses: { 200: hubChainVerificationSchema },
});
const startRun = route({ summary: 'Verify every chain as a background job', tag, responses: { 202: verifyRunSchema } });
const getRun = route({ summary: 'Progress and result of a verification run', tag, id: { notFound: 'verification run not found' }, responses: { 200: verifyRunSchema } });

export function createAuditRoutes(deps: AppDeps) {
  const db = deps.readDb;
  return new Hono<AppEnv>()
    .get('/', list, async (c) => {
      // Staff see no audit log; managers see the rows of their stores and the catalog's; admins everything.
      const me = requireUser(c, ['admin', 'manager']);
      const query = list.query(c);
      const after = decodeCursor(query.cursor, idCursor);
      const visible = visibleStoreIds(me);
      if (visible !== null && visible.length === 0) return c.json({ items: [], nextCursor: null }, 200);
      let q = db
        .selectFrom('audit_log')
        .select(['id', 'at', 'actor_id', 'actor_name', 'action', 'entity', 'entity_id', 'store_id', 'before', 'after', 'ip', 'prev_hash', 'hash'])
        .orderBy('id', 'desc')
        .limit(query.limit + 1);
      // The catalog is the whole chain's (every store sells it): its entries are a manager's too.
      if (visible !== null) q = q.where((eb) => eb.or([eb('store_id', 'in', visible), eb.and([eb('store_id', 'is', null), eb('entity', 'in', CHAIN_CATALOG)])]));
      if (after) q = q.where('id', '<', after[0]);
      if (query.action) q = q.where('action', '=', query.action);
      if (query.entity) q = q.where('entity', '=', query.entity);
      if (query.entityId) q = q.where('entity_id', '=', query.entityId);
      if (query.actorId) q = q.where('actor_id', '=', query.actorId);
      if (query.storeId) q = q.where('store_id', '=', query.storeId);
      if (query.from) q = q.where('at', '>=', new Date(query.from));
      if (query.to) q = q.where('at', '<', new Date(query.to));
      if (query.q) {
        const ts = toTsQuery(query.q);
        // "RICE-BAS", "Basmati" or a barcode also finds the entries of those products (a movement
        // names its product by id only): the products the words match, then their entries.
        const products = await matchingProducts(db, query.q);
        q = q.where((eb) =>
          eb.or([
            ...(ts ? [sql<boolean>`search @@ to_tsquery('simple', ${ts})`] : []),
            ...(products.length
              ? [eb('entity_id', 'in', products), sql<boolean>`${sql.ref('after')}->>'productId' = ANY(${products}::text[])`]
              : []),
            ...(ts || products.length ? [] : [sql<boolean>`false`]),
          ]),
        );
      }
      const rows = await q.execute();
      return c.json(pageOf(rows, query.limit, toAuditEntry, (r) => [r.id]), 200);
    })
    .get('/verify', verify, async (c) => {
      requireUser(c, ['admin']);
      const query = verify.query(c);
      const opts = { key: keyOf(deps) };
      // The primary: verifying a replica that lags says nothing about the newest rows.
      if (query.storeId) return c.json(await verifyStore(deps.db, query.storeId, opts), 200);
      return c.json(await verifyPage(deps.db, query.cursor ?? null, query.limit, opts), 200);
    })
    .post('/verify/runs', startRun, async (c) => {
      const me = requireUser(c, ['admin']);
      const id = await createVerifyRun(deps.db, me.id);
      const opts = { key: keyOf(deps) };
      if (deps.platform) await deps.platform.jobs.add('verify-audit', { runId: id }, { attempts: 2, backoffMs: 5_000 });
      else void runVerify(deps.db, id, { ...opts, final: true }).catch((err: unknown) => deps.logger.error({ err }, 'audit verification run failed'));
      const row = await deps.db.selectFrom('audit_verify_runs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      return c.json(toVerifyRun(row), 202);
    })
    .get('/verify/runs/:id', getRun, async (c) => {
      requireUser(c, ['admin']);
      const id = getRun.id(c);
      const row = await deps.db.selectFrom('audit_verify_runs').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row) throw new DomainError('NOT_FOUND', 'verification run not found');
      return c.json(toVerifyRun(row), 200);
    });
}

const keyOf = (deps: AppDeps): Buffer | null => (deps.config.auditHmacKey ? Buffer.from(deps.config.auditHmacKey, 'utf8') : null);
