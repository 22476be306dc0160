import { DomainError, GENESIS_HASH, uuidv7, type MovementKind, type RemovalReason } from '@bazaar/shared';
import type Database from 'better-sqlite3';
import { buildAuditRow, type AuditRecord } from '../audit/audit.log';
import { DeviceClock } from '../clock/device-clock';
import type { MovementRow, ProductRow } from '../db/db.types';
import { prepared } from '../db/prepared';
import { foldMovement, type MaintainedStock } from '../stock/stock.view';
import { withMovingCostSync } from '../purchases/purchases.cost';

const uuidRe = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** productByCode on prepared statements: id (when it looks like one), then barcode, then SKU. */
export function productByCodeSync(raw: Database.Database, code: string): ProductRow | undefined {
  const c = code.trim();
  if (uuidRe.test(c)) {
    const byId = prepared(raw, 'SELECT * FROM products WHERE id = ?').get(c.toLowerCase()) as ProductRow | undefined;
    if (byId) return byId;
  }
  return (
    (prepared(raw, 'SELECT * FROM products WHERE barcode = ?').get(c) as ProductRow | undefined) ??
    (prepared(raw, 'SELECT * FROM products WHERE sku = ?').get(c) as ProductRow | undefined)
  );
}

/** The cart's products, each looked up once; an unknown or archived one names its line and throws. */
export function resolveCartProducts(raw: Database.Database, refs: readonly string[]): ProductRow[] {
  const byCode = new Map<string, ProductRow | undefined>();
  return refs.map((ref, i) => {
    if (!byCode.has(ref)) byCode.set(ref, productByCodeSync(raw, ref));
    const p = byCode.get(ref);
    const where = `line ${i + 1}`;
    if (!p) throw new DomainError('NOT_FOUND', `${where}: no product with barcode, SKU or id "${ref}"`, { product: ref });
    if (p.archived === 1) {
      throw new DomainError('UNPROCESSABLE', `${where}: product ${p.sku} (${p.name}) is archived; restore it before using it`, { product: ref });
    }
    // Its cost at this counter is the moving average of its receipts (purchases.cost.ts).
    return withMovingCostSync(raw, p);
  });
}

function maintainedStock(raw: Database.Database, productId: string): MaintainedStock {
  const row = prepared(raw, 'SELECT qty, count_hlc FROM stock WHERE product_id = ?').get(productId) as MaintainedStock | undefined;
  if (row) return row;
  const b = prepared(raw, 'SELECT qty, last_count_hlc FROM stock_baseline WHERE product_id = ?').get(productId) as { qty: number; last_count_hlc: string | null } | undefined;
  return { qty: b?.qty ?? 0, count_hlc: b?.last_count_hlc ?? null };
}

const insertMovement = `INSERT INTO movements (id, seq, hlc, kind, product_id, qty, unit_price_minor, unit_cost_minor, reason, note, supplier_id, batch_id, user_id, occurred_at, sync_status, sync_reason, device_time, stamp_offset_ms, stamped_hlc, clock_final, lot, expires_on)
  VALUES (@id, @seq, @hlc, @kind, @product_id, @qty, @unit_price_minor, @unit_cost_minor, @reason, @note, @supplier_id, @batch_id, @user_id, @occurred_at, @sync_status, @sync_reason, @device_time, @stamp_offset_ms, @stamped_hlc, @clock_final, @lot, @expires_on)`;
const upsertStock = `INSERT INTO stock (product_id, qty, count_hlc, updated_at) VALUES (?, ?, ?, ?)
  ON CONFLICT (product_id) DO UPDATE SET qty = excluded.qty, count_hlc = excluded.count_hlc, updated_at = excluded.updated_at`;
const insertAudit = `INSERT INTO audit (id, at, actor_id, actor_name, action, entity, entity_id, store_id, before_json, after_json, prev_hash, hash)
  VALUES (@id, @at, @actor_id, @actor_name, @action, @entity, @entity_id, @store_id, @before_json, @after_json, @prev_hash, @hash)`;

export interface MovementSpec {
  product: ProductRow;
  kind: MovementKind;
  qty: number;
  unitPriceMinor: number | null;
  unitCostMinor: number | null;
  reason: RemovalReason | null;
  note: string | null;
}

/**
 * Several movements of one document (a bill, its return, its void) on prepared statements,
 * synchronously, on the connection that holds the write transaction (BEGIN IMMEDIATE): the
 * seq is read once and handed out in order, the clock is read and persisted once, each
 * product's stock is read once and folded in memory. Same rows, same order and same results
 * as one appendMovement per line; any throw rolls everything back with the transaction.
 */
export function appendMovementsSync(raw: Database.Database, clock: DeviceClock, batchId: string, userId: string | null, specs: readonly MovementSpec[]): { row: MovementRow; stockAfter: number }[] {
  const top = prepared(raw, 'SELECT max(seq) AS max FROM movements').get() as { max: number | null } | undefined;
  const firstSeq = Number(top?.max ?? 0) + 1;
  const hlcs = clock.stampManySync(raw, specs.length);
  const facts = clock.stampFacts();
  DeviceClock.shiftProvisional(raw, facts.jumpMs);
  const stock = new Map<string, MaintainedStock>();
  const out: { row: MovementRow; stockAfter: number }[] = [];
  for (const [i, s] of specs.entries()) {
    const nowMs = facts.deviceTime + facts.offsetMs;
    const row: MovementRow = {
      id: uuidv7(nowMs),
      seq: firstSeq + i,
      hlc: hlcs[i] as string,
      kind: s.kind,
      product_id: s.product.id,
      qty: s.qty,
      unit_price_minor: s.unitPriceMinor,
      unit_cost_minor: s.unitCostMinor,
      reason: s.reason,
      note: s.note,
      supplier_id: null,
      batch_id: batchId,
      user_id: userId,
      occurred_at: new Date(nowMs).toISOString(),
      sync_status: 'pending',
      sync_reason: null,
      device_time: facts.deviceTime,
      stamp_offset_ms: facts.offsetMs,
      stamped_hlc: null,
      clock_final: facts.final ? 1 : 0,
      lot: null,
      expires_on: null,
    };
    prepared(raw, insertMovement).run(row);
    const next = foldMovement(stock.get(s.product.id) ?? maintainedStock(raw, s.product.id), row);
    stock.set(s.product.id, next);
    prepared(raw, upsertStock).run(s.product.id, next.qty, next.count_hlc, row.occurred_at);
    out.push({ row, stockAfter: next.qty });
  }
  return out;
}

/** appendAudit on prepared statements, for the synchronous write paths. */
export function appendAuditSync(raw: Database.Database, rec: AuditRecord): void {
  const prev = prepared(raw, 'SELECT hash FROM audit ORDER BY pos DESC LIMIT 1').get() as { hash: string } | undefined;
  prepared(raw, insertAudit).run(buildAuditRow(prev?.hash ?? GENESIS_HASH, rec));
}
