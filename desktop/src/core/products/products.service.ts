import { DomainError, stockStatus, uuidv7, type Pack, type Supplier } from '@bazaar/shared';
import type { z } from 'zod';
import { appendAudit } from '../audit/audit.log';
import { writeTx } from '../db/write-tx';
import type { Executor, ProductRow, SupplierRow } from '../db/db.types';
import { nowIso, requireActor, type CoreContext } from '../core.context';
import type { ProductView, addProductInput, addSupplierInput, archiveProductInput, updateProductInput } from '../core.api';
import { parsePacks, productByBarcode, productByCode, productByPackBarcode, productBySku, toProduct } from './products.repository';
import { stockQty } from '../stock/stock.view';
import { movingCost } from '../purchases/purchases.cost';

export async function productView(db: Executor, r: ProductRow): Promise<ProductView> {
  const qty = await stockQty(db, r.id);
  const b = await db.selectFrom('stock_baseline').select('reorder_level').where('product_id', '=', r.id).executeTakeFirst();
  return { ...toProduct({ ...r, cost_minor: await movingCost(db, r) }), qty, status: stockStatus(qty, b?.reorder_level ?? r.reorder_level) };
}

/** SKU and barcode are unique, and a barcode names one product or one pack; say which field clashes and with what. */
export async function checkUnique(db: Executor, sku: string | undefined, barcode: string | null | undefined, selfId: string | null, packs?: readonly Pack[]): Promise<void> {
  if (sku !== undefined) {
    const other = await productBySku(db, sku);
    if (other && other.id !== selfId) throw new DomainError('DUPLICATE_SKU', `SKU ${sku} is already used by "${other.name}"`, { field: 'sku' });
  }
  const packCodes = (packs ?? []).flatMap((p) => (p.barcode ? [p.barcode] : []));
  if (barcode && packCodes.includes(barcode)) throw new DomainError('DUPLICATE_BARCODE', `a pack has the product's own barcode ${barcode}`, { field: 'packs' });
  for (const [code, field] of [...(barcode ? [[barcode, 'barcode'] as const] : []), ...packCodes.map((c) => [c, 'packs'] as const)]) {
    const other = (await productByBarcode(db, code)) ?? (await productByPackBarcode(db, code));
    if (other && other.id !== selfId) throw new DomainError('DUPLICATE_BARCODE', `barcode ${code} is already used by ${other.sku} "${other.name}"`, { field });
  }
}

async function checkSupplier(db: Executor, supplierId: string | null | undefined): Promise<void> {
  if (!supplierId) return;
  const s = await db.selectFrom('suppliers').select('id').where('id', '=', supplierId).executeTakeFirst();
  if (!s) throw new DomainError('NOT_FOUND', `no supplier with id ${supplierId}`, { field: 'supplierId' });
}

/** Products the hub owns are edited on the hub; a pull would overwrite a local edit. */
function checkEditable(ctx: CoreContext, p: ProductRow): void {
  if (ctx.settings.hub_url && (p.origin === 'hub' || p.push_state === 'pushed')) {
    throw new DomainError('FORBIDDEN', `${p.sku} belongs to the hub catalog: change it on the hub, the next sync brings it here`);
  }
}

export async function insertProduct(db: Executor, input: z.output<typeof addProductInput>, at: string): Promise<ProductRow> {
  await checkUnique(db, input.sku, input.barcode, null, input.packs);
  await checkSupplier(db, input.supplierId);
  const row: ProductRow = {
    id: uuidv7(),
    sku: input.sku,
    barcode: input.barcode ?? null,
    name: input.name,
    name_key: input.name.toLowerCase(),
    unit: input.unit,
    category: input.category ?? null,
    supplier_id: input.supplierId ?? null,
    price_minor: input.priceMinor,
    cost_minor: input.costMinor,
    reorder_level: input.reorderLevel,
    archived: 0,
    origin: 'local',
    push_state: 'pending',
    created_at: at,
    updated_at: at,
    packs: JSON.stringify(input.packs),
  };
  await db.insertInto('products').values(row).execute();
  return row;
}

export async function addProduct(ctx: CoreContext, input: z.output<typeof addProductInput>): Promise<ProductView> {
  const actor = await requireActor(ctx, 'manager');
  return writeTx(ctx.db, async (db) => {
    const row = await insertProduct(db, input, nowIso(ctx));
    await appendAudit(db, { actor, action: 'product.create', entity: 'product', entityId: row.id, storeId: ctx.settings.store_id, before: null, after: toProduct(row), at: new Date(ctx.clock.nowMs()) });
    return productView(db, row);
  });
}

export async function applyProductPatch(db: Executor, existing: ProductRow, patch: z.output<typeof updateProductInput>['patch'] & { archived?: boolean }, at: string): Promise<ProductRow> {
  await checkUnique(db, patch.sku, patch.barcode, existing.id, patch.packs ?? parsePacks(existing.packs));
  await checkSupplier(db, patch.supplierId);
  const next: ProductRow = {
    ...existing,
    sku: patch.sku ?? existing.sku,
    barcode: patch.barcode !== undefined ? patch.barcode : existing.barcode,
    name: patch.name ?? existing.name,
    name_key: (patch.name ?? existing.name).toLowerCase(),
    unit: patch.unit ?? existing.unit,
    category: patch.category !== undefined ? patch.category : existing.category,
    supplier_id: patch.supplierId !== undefined ? patch.supplierId : existing.supplier_id,
    price_minor: patch.priceMinor ?? existing.price_minor,
    cost_minor: patch.costMinor ?? existing.cost_minor,
    reorder_level: patch.reorderLevel ?? existing.reorder_level,
    archived: patch.archived === undefined ? existing.archived : patch.archived ? 1 : 0,
    packs: patch.packs !== undefined ? JSON.stringify(patch.packs) : existing.packs,
    updated_at: at,
  };
  if (next.unit !== existing.unit) {
    const used = await db.selectFrom('movements').select('id').where('product_id', '=', existing.id).limit(1).executeTakeFirst();
    if (used) throw new DomainError('UNPROCESSABLE', `${existing.sku} already has stock movements in ${existing.unit}; its unit cannot change`, { field: 'unit' });
  }
  await db.updateTable('products').set(next).where('id', '=', existing.id).execute();
  return next;
}

export async function updateProduct(ctx: CoreContext, input: z.output<typeof updateProductInput>): Promise<ProductView> {
  const actor = await requireActor(ctx, 'manager');
  return writeTx(ctx.db, async (db) => {
    const existing = await requireProduct(db, input.product);
    checkEditable(ctx, existing);
    const next = await applyProductPatch(db, existing, input.patch, nowIso(ctx));
    await appendAudit(db, { actor, action: 'product.update', entity: 'product', entityId: existing.id, storeId: ctx.settings.store_id, before: toProduct(existing), after: toProduct(next), at: new Date(ctx.clock.nowMs()) });
    return productView(db, next);
  });
}

export async function archiveProduct(ctx: CoreContext, input: z.output<typeof archiveProductInput>): Promise<ProductView> {
  const actor = await requireActor(ctx, 'manager');
  return writeTx(ctx.db, async (db) => {
    const existing = await requireProduct(db, input.product);
    checkEditable(ctx, existing);
    const next = await applyProductPatch(db, existing, { archived: input.archived }, nowIso(ctx));
    await appendAudit(db, { actor, action: input.archived ? 'product.archive' : 'product.restore', entity: 'product', entityId: existing.id, storeId: ctx.settings.store_id, before: toProduct(existing), after: toProduct(next), at: new Date(ctx.clock.nowMs()) });
    return productView(db, next);
  });
}

export async function requireProduct(db: Executor, ref: string): Promise<ProductRow> {
  const p = await productByCode(db, ref);
  if (!p) throw new DomainError('NOT_FOUND', `no product with barcode, SKU or id "${ref}"`, { product: ref });
  return p;
}

export function toSupplier(r: SupplierRow): Supplier {
  return { id: r.id, name: r.name, phone: r.phone, email: r.email, address: r.address, archived: r.archived === 1, createdAt: r.created_at, updatedAt: r.updated_at };
}

export async function addSupplier(ctx: CoreContext, input: z.output<typeof addSupplierInput>): Promise<Supplier> {
  const actor = await requireActor(ctx, 'manager');
  if (ctx.settings.hub_url) throw new DomainError('FORBIDDEN', 'this store is enrolled: add suppliers on the hub, the next sync brings them here');
  return writeTx(ctx.db, async (db) => {
    const at = nowIso(ctx);
    const row: SupplierRow = { id: uuidv7(), name: input.name, phone: input.phone ?? null, email: input.email ?? null, address: input.address ?? null, archived: 0, origin: 'local', created_at: at, updated_at: at };
    await db.insertInto('suppliers').values(row).execute();
    await appendAudit(db, { actor, action: 'supplier.create', entity: 'supplier', entityId: row.id, storeId: ctx.settings.store_id, before: null, after: toSupplier(row), at: new Date(ctx.clock.nowMs()) });
    return toSupplier(row);
  });
}

