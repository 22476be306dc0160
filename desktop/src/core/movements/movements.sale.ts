import { DomainError, GENESIS_HASH, lineTotalPaise, uuidv7 } from '@bazaar/shared';
import type Database from 'better-sqlite3';
import { SALE_ACTION, buildAuditRow, type AuditActor } from '../audit/audit.log';
import { DeviceClock } from '../clock/device-clock';
import type { MovementRow, ProductRow } from '../db/db.types';
import { prepared } from '../db/prepared';
import { foldMovement, type MaintainedStock } from '../stock/stock.view';
import type { SaleResult } from '../core.api';

const uuidRe = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** productByCode on prepared statements: id (when it looks like one), then barcode, then SKU. */
function productByCodeSync(raw: Database.Database, code: string): ProductRow | undefined {
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

function maintainedStock(raw: Database.Database, productId: string): MaintainedStock {
  const row = prepared(raw, 'SELECT qty, count_hlc FROM stock WHERE product_id = ?').get(productId) as MaintainedStock | undefined;
  if (row) return row;
  const b = prepared(raw, 'SELECT qty, last_count_hlc FROM stock_baseline WHERE product_id = ?').get(productId) as { qty: number; last_count_hlc: string | null } | undefined;
  return { qty: b?.qty ?? 0, count_hlc: b?.last_count_hlc ?? null };
}

export interface SaleLineInput {
  product: string;
  qty: number;
  unitPricePaise?: number | undefined;
}

export interface SaleArgs {
  raw: Database.Database;
  clock: DeviceClock;
  storeId: string;
  actor: AuditActor & { userId: string | null };
  lines: SaleLineInput[];
  note: string | null;
}

const insertMovement = `INSERT INTO movements (id, seq, hlc, kind, product_id, qty, unit_price_paise, unit_cost_paise, reason, note, supplier_id, batch_id, user_id, occurred_at, sync_status, sync_reason, device_time, stamp_offset_ms, stamped_hlc, clock_final)
  VALUES (@id, @seq, @hlc, @kind, @product_id, @qty, @unit_price_paise, @unit_cost_paise, @reason, @note, @supplier_id, @batch_id, @user_id, @occurred_at, @sync_status, @sync_reason, @device_time, @stamp_offset_ms, @stamped_hlc, @clock_final)`;
const upsertStock = `INSERT INTO stock (product_id, qty, count_hlc, updated_at) VALUES (?, ?, ?, ?)
  ON CONFLICT (product_id) DO UPDATE SET qty = excluded.qty, count_hlc = excluded.count_hlc, updated_at = excluded.updated_at`;
const insertAudit = `INSERT INTO audit (id, at, actor_id, actor_name, action, entity, entity_id, store_id, before_json, after_json, prev_hash, hash)
  VALUES (@id, @at, @actor_id, @actor_name, @action, @entity, @entity_id, @store_id, @before_json, @after_json, @prev_hash, @hash)`;

/**
 * The counter sale on prepared statements, synchronously, on the connection that holds the
 * write transaction (BEGIN IMMEDIATE): the seq is read once and handed out in order, the
 * clock is read and persisted once for the cart, each product's stock is read once and folded
 * in memory (a product on two lines folds twice), and the audit row is chained once.
 * Same rows, same order and same results as one appendMovement per line; any throw rolls
 * the whole cart back with the transaction.
 */
export function sellSync(a: SaleArgs): SaleResult {
  const { raw, clock } = a;
  const byCode = new Map<string, ProductRow | undefined>();
  const products = a.lines.map((line, i) => {
    if (!byCode.has(line.product)) byCode.set(line.product, productByCodeSync(raw, line.product));
    const p = byCode.get(line.product);
    const where = `line ${i + 1}`;
    if (!p) throw new DomainError('NOT_FOUND', `${where}: no product with barcode, SKU or id "${line.product}"`, { product: line.product });
    if (p.archived === 1) {
      throw new DomainError('UNPROCESSABLE', `${where}: product ${p.sku} (${p.name}) is archived; restore it before using it`, { product: line.product });
    }
    return p;
  });

  const batchId = uuidv7(clock.nowMs());
  const top = prepared(raw, 'SELECT max(seq) AS max FROM movements').get() as { max: number | null } | undefined;
  const firstSeq = Number(top?.max ?? 0) + 1;
  const hlcs = clock.stampManySync(raw, a.lines.length);
  const facts = clock.stampFacts();
  DeviceClock.shiftProvisional(raw, facts.jumpMs);
  const stock = new Map<string, MaintainedStock>();
  const lines: SaleResult['lines'] = [];
  let totalPaise = 0;
  for (const [i, line] of a.lines.entries()) {
    const p = products[i] as ProductRow;
    const unitPricePaise = line.unitPricePaise ?? p.price_paise;
    const total = lineTotalPaise(unitPricePaise, line.qty, p.unit);
    const nowMs = facts.deviceTime + facts.offsetMs;
    const row: MovementRow = {
      id: uuidv7(nowMs),
      seq: firstSeq + i,
      hlc: hlcs[i] as string,
      kind: 'SALE',
      product_id: p.id,
      qty: -line.qty,
      unit_price_paise: unitPricePaise,
      unit_cost_paise: p.cost_paise,
      reason: null,
      note: a.note,
      supplier_id: null,
      batch_id: batchId,
      user_id: a.actor.userId,
      occurred_at: new Date(nowMs).toISOString(),
      sync_status: 'pending',
      sync_reason: null,
      device_time: facts.deviceTime,
      stamp_offset_ms: facts.offsetMs,
      stamped_hlc: null,
      clock_final: facts.final ? 1 : 0,
    };
    prepared(raw, insertMovement).run(row);
    const next = foldMovement(stock.get(p.id) ?? maintainedStock(raw, p.id), row);
    stock.set(p.id, next);
    prepared(raw, upsertStock).run(p.id, next.qty, next.count_hlc, row.occurred_at);
    totalPaise += total;
    lines.push({ movementId: row.id, seq: row.seq, productId: p.id, sku: p.sku, name: p.name, qty: line.qty, unitPricePaise, lineTotalPaise: total, stockAfter: next.qty });
  }

  const prev = prepared(raw, 'SELECT hash FROM audit ORDER BY pos DESC LIMIT 1').get() as { hash: string } | undefined;
  const audit = buildAuditRow(prev?.hash ?? GENESIS_HASH, {
    actor: a.actor,
    action: SALE_ACTION,
    entity: 'sale',
    entityId: batchId,
    storeId: a.storeId,
    before: null,
    after: { totalPaise, lines: lines.map((l) => ({ movementId: l.movementId, seq: l.seq, sku: l.sku, qty: l.qty, unitPricePaise: l.unitPricePaise })) },
    at: new Date(clock.nowMs()),
  });
  prepared(raw, insertAudit).run(audit);
  return { batchId, totalPaise, lines };
}
