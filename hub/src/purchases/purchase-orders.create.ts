import { DomainError, formatPurchaseNumber, HEAD_OFFICE_COUNTER_CODE, purchaseOrderSchema, purchaseOrderTotal, uuidv7, type PurchaseOrder, type PurchaseOrderCreate } from '@bazaar/shared';
import { sql, type Transaction } from 'kysely';
import { writeAudit, type AuditEntry } from '../audit/audit.writer';
import type { Database } from '../db/database.types';
import { ordersUpsertSql } from './purchases.in-push';

/**
 * A purchase order made at head office: numbered `<STORE>-HO-PO…` from the store's own head-office
 * counter, taken under a lock of that store alone (a transaction-scoped advisory lock keyed by the
 * store), so orders of different stores never wait on each other. The counter learns of it from
 * GET /sync/purchases. Lines name products by id; names, units and costs come from the catalog.
 */
export async function createHeadOfficeOrder(
  trx: Transaction<Database>,
  input: PurchaseOrderCreate,
  who: { id: string; name: string; audit: Pick<AuditEntry, 'actorId' | 'actorName' | 'ip'> },
  now: Date,
): Promise<PurchaseOrder> {
  const store = await trx.selectFrom('stores').select(['id', 'code', 'archived']).where('id', '=', input.storeId).executeTakeFirst();
  if (!store || store.archived) throw new DomainError('NOT_FOUND', 'store not found');
  const supplier = await trx.selectFrom('suppliers').select(['id', 'name', 'archived']).where('id', '=', input.supplierId).executeTakeFirst();
  if (!supplier) throw new DomainError('VALIDATION_FAILED', 'supplierId: no such supplier', { field: 'supplierId' });
  if (supplier.archived) throw new DomainError('VALIDATION_FAILED', `supplierId: ${supplier.name} is archived`, { field: 'supplierId' });
  const ids = input.lines.map((l) => l.productId);
  if (new Set(ids).size !== ids.length) throw new DomainError('VALIDATION_FAILED', 'lines: a product is on the order twice', { field: 'lines' });
  const products = new Map((await trx.selectFrom('products').select(['id', 'sku', 'name', 'unit', 'cost_minor', 'archived']).where('id', 'in', ids).execute()).map((p) => [p.id, p]));
  const lines = input.lines.map((l, i) => {
    const p = products.get(l.productId);
    if (!p) throw new DomainError('VALIDATION_FAILED', `lines.${i}.productId: no such product`, { field: `lines.${i}.productId` });
    if (p.archived) throw new DomainError('VALIDATION_FAILED', `lines.${i}.productId: ${p.sku} is archived`, { field: `lines.${i}.productId` });
    return { lineNo: i + 1, productId: p.id, sku: p.sku, name: p.name, unit: p.unit, orderedQty: l.orderedQty, agreedCostMinor: l.agreedCostMinor ?? p.cost_minor };
  });

  await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`purchase-orders:${store.id}`}, 0))`.execute(trx);
  const last = await trx
    .selectFrom('purchase_orders')
    .select(sql<number>`COALESCE(max(counter_no), 0)`.as('n'))
    .where('store_id', '=', store.id)
    .where('counter_code', '=', HEAD_OFFICE_COUNTER_CODE)
    .executeTakeFirstOrThrow();
  const no = Number(last.n) + 1;
  const at = now.toISOString();
  const po = purchaseOrderSchema.parse({
    id: uuidv7(now.getTime()),
    number: formatPurchaseNumber('order', store.code, HEAD_OFFICE_COUNTER_CODE, no),
    storeId: store.id,
    storeCode: store.code,
    counterCode: HEAD_OFFICE_COUNTER_CODE,
    counterNo: no,
    deviceId: null,
    supplierId: supplier.id,
    supplierName: supplier.name,
    status: input.status,
    lines,
    totalMinor: purchaseOrderTotal(lines),
    expectedDay: input.expectedDay,
    note: input.note,
    createdBy: { id: who.id, name: who.name },
    createdAt: at,
    updatedAt: at,
  });
  await ordersUpsertSql({ storeId: store.id, deviceId: null }, [po], now).execute(trx);
  await writeAudit(trx, { ...who.audit, action: 'purchase_order.create', entity: 'purchase_order', entityId: po.id, storeId: store.id, before: null, after: po });
  return po;
}
