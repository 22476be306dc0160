import { DomainError, UnitError, parseMoney, parseQuantity, type BaseUnit } from '@bazaar/shared';
import { z } from 'zod';
import { appendAudit, type AuditActor } from '../audit/audit.log';
import { writeTx } from '../db/write-tx';
import type { Executor, ProductRow } from '../db/db.types';
import { nowIso, requireActor, type CoreContext } from '../core.context';
import { addProductInput, type CoreHooks, type ImportResult } from '../core.api';
import { parseCsv } from './csv.parse';
import { productBySku, toProduct } from './products.repository';
import { applyProductPatch, insertProduct } from './products.service';

/** Accepted header names (case-insensitive) for each field. */
const columns = {
  sku: ['sku', 'code', 'item_code'],
  name: ['name', 'product', 'product_name', 'item'],
  unit: ['unit', 'uom'],
  price: ['price', 'mrp', 'selling_price', 'price_rs'],
  barcode: ['barcode', 'ean', 'upc'],
  category: ['category'],
  cost: ['cost', 'cost_price', 'cost_rs'],
  reorder: ['reorder_level', 'reorder', 'min_stock'],
  supplier: ['supplier', 'supplier_name'],
} as const;
type Column = keyof typeof columns;

const unitAliases: Record<string, BaseUnit> = { pc: 'pc', pcs: 'pc', piece: 'pc', pieces: 'pc', g: 'g', kg: 'g', gm: 'g', ml: 'ml', l: 'ml', ltr: 'ml' };

/** A unit as people write it ("kg", "L", "pcs") → the base unit it is kept in; undefined when unknown. */
export function baseUnitNamed(text: string): BaseUnit | undefined {
  return unitAliases[(text.trim() || 'pc').toLowerCase()];
}
const CHUNK = 500;

export const IMPORT_HEADER_HELP = 'sku,name,unit,price[,barcode,category,cost,reorder_level,supplier] (unit pc|g|ml, also kg/L; prices in rupees)';

/**
 * Import a catalog CSV. Good rows are kept even when others are bad; each bad row is
 * reported by the line number a spreadsheet shows. An existing SKU is updated.
 */
export async function importProducts(ctx: CoreContext, csv: string, hooks: CoreHooks = {}): Promise<ImportResult> {
  const actor = await requireActor(ctx, 'manager');
  let records;
  try {
    records = parseCsv(csv);
  } catch (err) {
    throw new DomainError('BAD_REQUEST', (err as Error).message);
  }
  const [header, ...rows] = records;
  if (!header) throw new DomainError('BAD_REQUEST', `the CSV is empty; its first line must be a header: ${IMPORT_HEADER_HELP}`);
  const index = mapHeader(header.fields);
  const result: ImportResult = { rows: rows.length, created: 0, updated: 0, bad: [] };
  const seen = new Map<string, number>();
  const suppliers = await supplierNames(ctx.db);
  hooks.onProgress?.(0, rows.length);
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK);
    await writeTx(ctx.db, async (db) => {
      for (const rec of chunk) {
        const get = (c: Column) => {
          const i = index[c];
          return i === undefined ? '' : (rec.fields[i] ?? '').trim();
        };
        const sku = get('sku') || null;
        try {
          if (sku && seen.has(sku)) throw new DomainError('DUPLICATE_SKU', `SKU ${sku} already appeared on line ${seen.get(sku)}`);
          const input = rowToInput(get, suppliers);
          if (sku) seen.set(sku, rec.line);
          const outcome = await upsertRow(ctx, db, input, actor);
          result[outcome] += 1;
        } catch (err) {
          result.bad.push({ line: rec.line, sku, message: errorText(err) });
        }
      }
    });
    hooks.onProgress?.(Math.min(start + CHUNK, rows.length), rows.length);
  }
  return result;
}

function mapHeader(fields: string[]): Partial<Record<Column, number>> {
  const norm = fields.map((f) => f.trim().toLowerCase().replace(/[\s-]+/g, '_').replace(/[()₹]/g, ''));
  const index: Partial<Record<Column, number>> = {};
  for (const [col, names] of Object.entries(columns) as [Column, readonly string[]][]) {
    const i = norm.findIndex((n) => names.includes(n));
    if (i >= 0) index[col] = i;
  }
  const missing = (['sku', 'name', 'price'] as const).filter((c) => index[c] === undefined);
  if (missing.length > 0) {
    throw new DomainError('BAD_REQUEST', `the CSV header (line 1) has no ${missing.join(', ')} column; expected: ${IMPORT_HEADER_HELP}`);
  }
  return index;
}

function rowToInput(get: (c: Column) => string, suppliers: Map<string, string>): z.output<typeof addProductInput> {
  const unit = baseUnitNamed(get('unit'));
  if (!unit) throw new UnitError(`unit "${get('unit')}" is not one of pc, g, kg, ml, L`);
  const supplierName = get('supplier');
  const supplierId = supplierName ? suppliers.get(supplierName.toLowerCase()) : null;
  if (supplierName && !supplierId) throw new DomainError('NOT_FOUND', `unknown supplier "${supplierName}"`);
  const parsed = addProductInput.safeParse({
    sku: get('sku'),
    name: get('name'),
    unit,
    barcode: get('barcode') || null,
    category: get('category') || null,
    supplierId: supplierId ?? null,
    priceMinor: parseMoney(get('price') || 'missing', 'price'),
    costMinor: get('cost') ? parseMoney(get('cost'), 'cost') : 0,
    reorderLevel: get('reorder') ? parseQuantity(get('reorder'), unit) : 0,
  });
  if (!parsed.success) {
    throw new DomainError('VALIDATION_FAILED', parsed.error.issues.map((i) => `${i.path.join('.') || 'row'}: ${i.message}`).join('; '));
  }
  return parsed.data;
}

async function upsertRow(ctx: CoreContext, db: Executor, input: z.output<typeof addProductInput>, actor: AuditActor): Promise<'created' | 'updated'> {
  const at = nowIso(ctx);
  const existing = await productBySku(db, input.sku);
  let before: ProductRow | null = null;
  let row: ProductRow;
  if (existing) {
    if (ctx.settings.hub_url && (existing.origin === 'hub' || existing.push_state === 'pushed')) {
      throw new DomainError('FORBIDDEN', `${existing.sku} belongs to the hub catalog: change it on the hub`);
    }
    before = existing;
    row = await applyProductPatch(db, existing, input, at);
  } else {
    row = await insertProduct(db, input, at);
  }
  await appendAudit(db, {
    actor,
    action: existing ? 'product.update' : 'product.create',
    entity: 'product',
    entityId: row.id,
    storeId: ctx.settings.store_id,
    before: before ? toProduct(before) : null,
    after: { ...toProduct(row), via: 'csv-import' },
    at: new Date(ctx.clock.nowMs()),
  });
  return existing ? 'updated' : 'created';
}

async function supplierNames(db: Executor): Promise<Map<string, string>> {
  const rows = await db.selectFrom('suppliers').select(['id', 'name']).where('archived', '=', 0).execute();
  return new Map(rows.map((r) => [r.name.toLowerCase(), r.id]));
}

function errorText(err: unknown): string {
  if (err instanceof DomainError || err instanceof UnitError) return err.message;
  if (err instanceof z.ZodError) return err.issues.map((i) => i.message).join('; ');
  return String(err);
}
