import { DEFAULT_PULL_LIMIT, MAX_PULL_LIMIT, clockOffset, pullResponseSchema, type Product, type PullResponse, type StaffMember } from '@bazaar/shared';
import type Database from 'better-sqlite3';
import { prepared } from '../db/prepared';
import { writeTx } from '../db/write-tx';
import type { Executor, ProductRow } from '../db/db.types';
import type { CoreContext } from '../core.context';
import { getSyncState } from '../settings/settings.repository';
import { recomputeStock } from '../stock/stock.view';
import { HubError, hubRequest, type HubTarget } from './sync.http';
import { remapProduct } from './sync.remap';
import { adoptHubTime } from '../clock/clock.adopt';
import { followHubAck } from './sync.push';
import { saveHubLocaleSync } from '../bills/bills.settings';

export interface PullOutcome {
  pages: number;
  products: number;
  stockRows: number;
  /** The hub held less of this device than it had acknowledged (restored from a backup): send again. */
  hubBehind: boolean;
}

/** Fetch one page of changes since the stored cursor (or from the start). */
export async function fetchPullPage(target: HubTarget, cursor: string | null, limit = DEFAULT_PULL_LIMIT) {
  const qs = new URLSearchParams({ limit: String(limit) });
  if (cursor) qs.set('cursor', cursor);
  const answer = await hubRequest(target, 'GET', `api/v1/sync/pull?${qs.toString()}`);
  const parsed = pullResponseSchema.safeParse(answer.body);
  if (!parsed.success) throw new HubError(`hub pull answer does not match the protocol: ${parsed.error.issues[0]?.message ?? ''}`, 200, 'INTERNAL', null);
  return { page: parsed.data, sentAt: answer.sentAt, receivedAt: answer.receivedAt };
}

/**
 * Rows per pull page the device asks for: the hub's most. A catch-up is then a few round trips
 * and commits instead of dozens; a page applies in well under a second, the longest a sale
 * waits for the write lock while one is applied.
 */
export const PULL_PAGE_LIMIT = MAX_PULL_LIMIT;

/** Pull pages until the hub says there is no more; each page commits with its cursor, so a crash resumes. */
export async function pullAll(ctx: CoreContext, target: HubTarget, onPage?: (pages: number) => void): Promise<PullOutcome> {
  const out: PullOutcome = { pages: 0, products: 0, stockRows: 0, hubBehind: false };
  for (;;) {
    const { cursor } = await getSyncState(ctx.db);
    const { page, sentAt, receivedAt } = await fetchPullPage(target, cursor, PULL_PAGE_LIMIT);
    if (await writeTx(ctx.db, (db) => applyPullPage(ctx, db, page, clockOffset(sentAt, receivedAt, page.serverTime)))) out.hubBehind = true;
    out.pages += 1;
    out.products += page.products.length;
    out.stockRows += page.stock.length;
    onPage?.(out.pages);
    if (!page.hasMore) return out;
  }
}

const updateStore = 'UPDATE settings SET store_id = ?, store_code = ?, store_name = ?, variance_threshold = ? WHERE id = 1';
const upsertSupplier = `INSERT INTO suppliers (id, name, phone, email, address, archived, origin, created_at, updated_at)
  VALUES (@id, @name, @phone, @email, @address, @archived, 'hub', @created_at, @updated_at)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, email = excluded.email, address = excluded.address,
    archived = excluded.archived, origin = excluded.origin, created_at = excluded.created_at, updated_at = excluded.updated_at`;
const upsertProduct = `INSERT INTO products (id, sku, barcode, name, name_key, unit, category, supplier_id, price_minor, cost_minor, reorder_level, archived, origin, push_state, created_at, updated_at, packs)
  VALUES (@id, @sku, @barcode, @name, @name_key, @unit, @category, @supplier_id, @price_minor, @cost_minor, @reorder_level, @archived, @origin, @push_state, @created_at, @updated_at, @packs)
  ON CONFLICT (id) DO UPDATE SET sku = excluded.sku, barcode = excluded.barcode, name = excluded.name, name_key = excluded.name_key, unit = excluded.unit,
    category = excluded.category, supplier_id = excluded.supplier_id, price_minor = excluded.price_minor, cost_minor = excluded.cost_minor,
    reorder_level = excluded.reorder_level, archived = excluded.archived, origin = excluded.origin, push_state = excluded.push_state,
    created_at = excluded.created_at, updated_at = excluded.updated_at, packs = excluded.packs`;
const upsertBaseline = `INSERT INTO stock_baseline (product_id, qty, reorder_level, last_count_hlc, last_count_qty, last_count_variance, includes_seq, updated_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (product_id) DO UPDATE SET qty = excluded.qty, reorder_level = excluded.reorder_level, last_count_hlc = excluded.last_count_hlc,
    last_count_qty = excluded.last_count_qty, last_count_variance = excluded.last_count_variance, includes_seq = excluded.includes_seq, updated_at = excluded.updated_at`;
const upsertUser = `INSERT INTO users (id, username, name, role, pin_hash, active, origin, created_at, updated_at)
  VALUES (@id, @username, @name, @role, @pin_hash, @active, 'hub', @at, @at)
  ON CONFLICT (id) DO UPDATE SET username = excluded.username, name = excluded.name, role = excluded.role, pin_hash = excluded.pin_hash,
    active = excluded.active, origin = excluded.origin, updated_at = excluded.updated_at`;
const saveCursor = 'UPDATE sync_state SET cursor = ?, clock_offset_ms = ?, last_pull_at = ? WHERE id = 1';

/**
 * Apply one pull page inside a write transaction: catalog, staff, store, remaps, then the stock
 * baseline. The rows go in on prepared statements on the connection that holds the transaction,
 * synchronously; the SKU and barcode clash handling runs only for the rows one query finds
 * clashing, and the maintained stock of the page is rebuilt set-based at the end.
 */
export async function applyPullPage(ctx: CoreContext, db: Executor, page: PullResponse, offsetMs: number): Promise<boolean> {
  const { raw } = ctx;
  const at = new Date(ctx.clock.nowMs()).toISOString();
  const touched = new Set<string>();
  prepared(raw, updateStore).run(page.store.id, page.store.code, page.store.name, page.store.varianceThreshold);
  ctx.settings = { ...ctx.settings, store_id: page.store.id, store_code: page.store.code, store_name: page.store.name };
  // The store's clock is head office's to set: receipts, held carts, shifts and days follow it.
  prepared(raw, 'UPDATE bill_settings SET time_zone = ? WHERE id = 1').run(page.store.timeZone);
  // So is the hub's money and default language (an older hub sends none: keep what we had).
  saveHubLocaleSync(raw, page.hub, page.store.defaultLocale);

  for (const rm of page.remaps) {
    if (await remapProduct(db, rm.fromProductId, rm.toProductId, rm.sku, at)) touched.add(rm.toProductId);
  }
  const supplier = prepared(raw, upsertSupplier);
  for (const s of page.suppliers) {
    supplier.run({ id: s.id, name: s.name, phone: s.phone, email: s.email, address: s.address, archived: s.archived ? 1 : 0, created_at: s.createdAt, updated_at: s.updatedAt });
  }
  // Found after the remaps above, which can change ids; rows are still applied in page order.
  const clashing = clashingRows(raw, page.products);
  const product = prepared(raw, upsertProduct);
  for (const [i, p] of page.products.entries()) {
    if (clashing.has(i) && (await resolveClash(db, raw, p, at))) touched.add(p.id);
    product.run(productRow(p));
  }
  for (const s of page.staff) upsertStaff(raw, s, at);
  const baseline = prepared(raw, upsertBaseline);
  for (const s of page.stock) {
    baseline.run(s.productId, s.qty, s.reorderLevel, s.lastCountHlc, s.lastCountQty, s.lastCountVariance, page.includesSeq, s.updatedAt);
    touched.add(s.productId);
  }
  prepared(raw, saveCursor).run(page.cursor, offsetMs, at);
  await adoptHubTime(ctx, db, offsetMs, page.hubHlc);
  const hubBehind = page.ackedSeq !== undefined && (await followHubAck(db, page.ackedSeq));
  await recomputeStock(db, touched, at);
  return hubBehind;
}

function productRow(p: Product): ProductRow {
  return {
    id: p.id,
    sku: p.sku,
    barcode: p.barcode,
    name: p.name,
    name_key: p.name.toLowerCase(),
    unit: p.unit,
    category: p.category,
    supplier_id: p.supplierId,
    price_minor: p.priceMinor,
    cost_minor: p.costMinor,
    reorder_level: p.reorderLevel,
    archived: p.archived ? 1 : 0,
    origin: 'hub',
    push_state: 'none',
    created_at: p.createdAt,
    updated_at: p.updatedAt,
    packs: JSON.stringify(p.packs),
  };
}

/**
 * Which rows of the page need the clash handling of resolveClash: those whose SKU or barcode
 * another local product holds now (one query for the page), and those sharing a SKU or barcode
 * with another row of the page. No other row can clash when its turn comes: the handling only
 * parks SKUs (a `~` no hub SKU has), clears barcodes and moves ids onto page rows.
 */
function clashingRows(raw: Database.Database, products: Product[]): Set<number> {
  const out = new Set<number>();
  if (products.length === 0) return out;
  const skus = products.map((p) => p.sku);
  const barcodes = products.flatMap((p) => (p.barcode ? [p.barcode] : []));
  const holders = prepared(
    raw,
    `SELECT id, sku, barcode FROM products WHERE sku IN (SELECT value FROM json_each(?))
     UNION SELECT id, sku, barcode FROM products WHERE barcode IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(skus), JSON.stringify(barcodes)) as { id: string; sku: string; barcode: string | null }[];
  const skuHolder = new Map<string, string>();
  const barcodeHolder = new Map<string, string>();
  for (const h of holders) {
    skuHolder.set(h.sku, h.id);
    if (h.barcode) barcodeHolder.set(h.barcode, h.id);
  }
  const inPage = (values: (string | null)[]) => {
    const seen = new Map<string, number>();
    for (const v of values) if (v) seen.set(v, (seen.get(v) ?? 0) + 1);
    return seen;
  };
  const skuCount = inPage(skus);
  const barcodeCount = inPage(products.map((p) => p.barcode));
  for (const [i, p] of products.entries()) {
    const heldBy = skuHolder.get(p.sku);
    const barcodeHeldBy = p.barcode ? barcodeHolder.get(p.barcode) : undefined;
    if (
      (heldBy !== undefined && heldBy !== p.id) ||
      (barcodeHeldBy !== undefined && barcodeHeldBy !== p.id) ||
      (skuCount.get(p.sku) ?? 0) > 1 ||
      (p.barcode && (barcodeCount.get(p.barcode) ?? 0) > 1)
    ) {
      out.add(i);
    }
  }
  return out;
}

/**
 * The hub's catalog wins. A product created here offline with the same SKU becomes the
 * hub's (what the hub's merge would do); a barcode the hub gave another product is
 * taken from the local one that had it. Returns whether a local product was merged.
 */
async function resolveClash(db: Executor, raw: Database.Database, p: Product, at: string): Promise<boolean> {
  let merged = false;
  const sameSku = prepared(raw, 'SELECT id, origin FROM products WHERE sku = ?').get(p.sku) as { id: string; origin: string } | undefined;
  if (sameSku && sameSku.id !== p.id) {
    if (sameSku.origin === 'local') {
      // remapProduct keeps the row under the hub's id when it was not here yet; the upsert after this refreshes it.
      merged = await remapProduct(db, sameSku.id, p.id, p.sku, at);
    } else {
      // Two hub products swapped SKUs and this page holds only one side: park the old one's SKU until its own row arrives.
      prepared(raw, 'UPDATE products SET sku = ?, updated_at = ? WHERE id = ?').run(`${p.sku}~${sameSku.id.slice(-8)}`, at, sameSku.id);
    }
  }
  if (p.barcode) {
    prepared(raw, 'UPDATE products SET barcode = NULL, updated_at = ? WHERE barcode = ? AND id != ?').run(at, p.barcode, p.id);
  }
  return merged;
}

function upsertStaff(raw: Database.Database, s: StaffMember, at: string): void {
  const clash = prepared(raw, 'SELECT id FROM users WHERE username = ?').get(s.username) as { id: string } | undefined;
  if (clash && clash.id !== s.id) {
    // A user made here before enrollment: the hub's account takes the name, the local one is kept but disabled.
    prepared(raw, 'UPDATE users SET username = ?, active = 0, updated_at = ? WHERE id = ?').run(`${s.username}.local-${clash.id.slice(-6)}`, at, clash.id);
  }
  prepared(raw, upsertUser).run({ id: s.id, username: s.username, name: s.name, role: s.role, pin_hash: s.pinHash, active: s.active ? 1 : 0, at });
}
