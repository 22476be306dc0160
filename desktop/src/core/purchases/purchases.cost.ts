import { averageOverReceipts } from '@bazaar/shared';
import type Database from 'better-sqlite3';
import type { Executor, ProductRow } from '../db/db.types';
import { prepared } from '../db/prepared';

const byProduct = 'SELECT on_hand_before, qty, cost_minor FROM goods_receipt_lines WHERE product_id = ? ORDER BY occurred_at, receipt_id, line_no';

type Line = { on_hand_before: number; qty: number; cost_minor: number };
const fold = (opening: number, rows: readonly Line[]) => averageOverReceipts(opening, rows.map((r) => ({ onHandBeforeQty: r.on_hand_before, qty: r.qty, costMinor: r.cost_minor })));

/**
 * The product's cost at this counter: the moving average of its goods receipts (shared
 * moving-average.ts) from the catalog cost, derived from the receipt lines every time and never
 * written back. A product never received here costs what the catalog says.
 */
export function movingCostSync(raw: Database.Database, p: Pick<ProductRow, 'id' | 'cost_minor'>): number {
  const rows = prepared(raw, byProduct).all(p.id) as Line[];
  return rows.length ? fold(p.cost_minor, rows) : p.cost_minor;
}

export async function movingCost(db: Executor, p: Pick<ProductRow, 'id' | 'cost_minor'>): Promise<number> {
  const rows = await db.selectFrom('goods_receipt_lines').select(['on_hand_before', 'qty', 'cost_minor']).where('product_id', '=', p.id).orderBy('occurred_at').orderBy('receipt_id').orderBy('line_no').execute();
  return rows.length ? fold(p.cost_minor, rows) : p.cost_minor;
}

/** The product row as a sale or a view should see it: its cost the moving average. */
export function withMovingCostSync<P extends Pick<ProductRow, 'id' | 'cost_minor'>>(raw: Database.Database, p: P): P {
  const cost = movingCostSync(raw, p);
  return cost === p.cost_minor ? p : { ...p, cost_minor: cost };
}
