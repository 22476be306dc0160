import { billSchema, uuidv7, type Bill } from '@bazaar/shared';
import { sql, type Transaction } from 'kysely';
import type { Database } from '../db/database.types';
import type { OpenConflict } from '../stock/stock.conflicts';

/**
 * A counter refuses to return more of a line than was sold minus its own returns, but two
 * counters offline from each other can each allow one. Here, with every bill of the store at
 * hand, both returns are kept and the line is flagged (DESIGN §9: stored, flagged, never lost).
 * Checked for the originals of the returns just stored, and for sales that arrive after
 * returns against them.
 */
export async function overReturnConflicts(trx: Transaction<Database>, storeId: string, deviceId: string, stored: readonly Bill[]): Promise<OpenConflict[]> {
  const originals = originalsOf(stored);
  if (originals.length === 0) return [];
  const { rows } = await sql<{ doc: unknown }>`${completedBillsSql(storeId, originals)}`.execute(trx);
  return overReturnsAmong(rows.map((r) => billSchema.parse(r.doc)), originals, storeId, deviceId);
}

/** The sales whose returns a check must add up: the originals of returns stored now, and sales stored now. */
export function originalsOf(stored: readonly Bill[]): string[] {
  return [...new Set(stored.flatMap((b) => (b.originalBillId ? [b.originalBillId] : b.kind === 'sale' ? [b.id] : [])))];
}

/** The store's completed bills among these originals and their returns (a `doc` column). */
export function completedBillsSql(storeId: string, originals: readonly string[]) {
  return sql`SELECT doc FROM bills WHERE store_id = ${storeId}::uuid AND status = 'completed'
      AND (id = ANY(${originals}::uuid[]) OR original_bill_id = ANY(${originals}::uuid[]))`;
}

/** OVER_RETURN conflicts of these originals, judged on the completed bills given (each sale with its returns). */
export function overReturnsAmong(docs: readonly Bill[], originals: readonly string[], storeId: string, deviceId: string): OpenConflict[] {
  const out: OpenConflict[] = [];
  for (const original of docs.filter((d) => originals.includes(d.id))) {
    const returns = docs.filter((d) => d.originalBillId === original.id);
    for (const line of original.lines.filter((l) => l.direction === 'sale')) {
      const by = returns.flatMap((r) => r.lines.filter((l) => l.returnOf?.billId === original.id && l.returnOf.lineNo === line.lineNo).map((l) => ({ number: r.number, qty: l.qty })));
      const returned = by.reduce((a, x) => a + x.qty, 0);
      if (returned <= line.qty) continue;
      out.push({
        store_id: storeId,
        id: uuidv7(),
        kind: 'OVER_RETURN',
        product_id: line.productId,
        movement_id: null,
        device_id: deviceId,
        details: JSON.stringify({ billNumber: original.number, lineNo: line.lineNo, sku: line.sku, sold: line.qty, returned, returns: by.map((x) => x.number) }),
      });
    }
  }
  return out;
}
