import { zonedStamp } from '@bazaar/shared';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.types';

/** The time zone of each of these stores (one query), for CSV times on each store's clock. */
export async function storeZones(db: Kysely<Database>, storeIds: readonly string[]): Promise<Map<string, string>> {
  const ids = [...new Set(storeIds)];
  if (!ids.length) return new Map();
  const rows = await db.selectFrom('stores').select(['id', 'time_zone']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.time_zone]));
}

/** An instant of a store's event as CSV writes it: the store's wall time with its offset (blank when there is none). */
export function csvStoreTime(zones: Map<string, string>, storeId: string, at: string | null): string {
  return at === null ? '' : zonedStamp(at, zones.get(storeId));
}
