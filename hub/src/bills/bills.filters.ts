import { billViewStatusSchema, paymentMethodSchema, uuidSchema } from '@bazaar/shared';
import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/database.types';
import { containsPattern } from '../http/route-helpers';

/** Web forms send "" for an unset filter; treat it as absent. */
const optional = <S extends z.ZodType>(s: S) => z.preprocess((v) => (v === '' ? undefined : v), s.optional());
const minorQuery = z.coerce.number().int().min(-1e13).max(1e13);

/** What head office narrows bills by; dates are days on each store's own clock (its time zone). */
export const billFilters = {
  storeId: optional(uuidSchema),
  deviceId: optional(uuidSchema),
  cashier: optional(z.string().trim().min(1).max(100)),
  status: optional(billViewStatusSchema),
  method: optional(paymentMethodSchema),
  number: optional(z.string().trim().min(1).max(64)),
  from: optional(z.iso.date({ message: 'must be a day, e.g. 2026-01-31' })),
  to: optional(z.iso.date({ message: 'must be a day, e.g. 2026-01-31' })),
  minMinor: optional(minorQuery),
  maxMinor: optional(minorQuery),
};
export const billFilterSchema = z.strictObject(billFilters);
export type BillFilters = z.infer<typeof billFilterSchema>;

/** Some completed return or exchange took goods back from bill b. */
export const returnedSql = sql<boolean>`EXISTS (SELECT 1 FROM bills r WHERE r.store_id = b.store_id AND r.original_bill_id = b.id AND r.status = 'completed')`;

/** bills b joined to stores s, narrowed to the visible stores (null: all) and the filters. */
export function filteredBills(db: Kysely<Database>, visible: string[] | null, f: BillFilters) {
  let q = db.selectFrom('bills as b').innerJoin('stores as s', 's.id', 'b.store_id');
  if (visible !== null) q = q.where('b.store_id', 'in', visible);
  if (f.storeId) q = q.where('b.store_id', '=', f.storeId);
  if (f.deviceId) q = q.where('b.device_id', '=', f.deviceId);
  if (f.cashier) q = q.where(sql<boolean>`lower(b.doc->'cashier'->>'name') = lower(${f.cashier})`);
  if (f.status === 'voided') q = q.where('b.status', '=', 'voided');
  if (f.status === 'returned') q = q.where('b.status', '=', 'completed').where(returnedSql);
  if (f.status === 'completed') q = q.where('b.status', '=', 'completed').where(sql<boolean>`NOT ${returnedSql}`);
  if (f.method) q = q.where(sql<boolean>`b.doc->'payments' @> ${JSON.stringify([{ method: f.method }])}::jsonb`);
  if (f.number) q = q.where('b.number', 'ilike', containsPattern(f.number));
  // The day starts at the store's local midnight: from its first instant to the next day's.
  if (f.from) q = q.where(sql<boolean>`b.occurred_at >= (${f.from}::date)::timestamp AT TIME ZONE s.time_zone`);
  if (f.to) q = q.where(sql<boolean>`b.occurred_at < (${f.to}::date + 1)::timestamp AT TIME ZONE s.time_zone`);
  if (f.minMinor !== undefined) q = q.where('b.total_minor', '>=', f.minMinor);
  if (f.maxMinor !== undefined) q = q.where('b.total_minor', '<=', f.maxMinor);
  return q;
}
