import { storeBillsResponseSchema } from '@bazaar/shared';
import type { CoreContext } from '../core.context';
import { writeTx } from '../db/write-tx';
import { HubError, hubRequest, type HubTarget } from '../sync/sync.http';

/** Pages of other counters' bills taken in one sync cycle (the rest come with the next). */
const MAX_PAGES = 20;

/**
 * After the pull: the bills the store's other counters rang up or voided since the last call
 * (GET /sync/bills), kept read-only in store_bills so a return can be taken against any of them
 * here, offline too. A later copy (a void) replaces the earlier. A hub that predates the
 * endpoint answers 404: skipped.
 */
export async function pullStoreBills(ctx: CoreContext, target: HubTarget): Promise<number> {
  let stored = 0;
  for (let page = 0; page < MAX_PAGES; page++) {
    const state = await ctx.db.selectFrom('sync_state').select('bills_cursor').where('id', '=', 1).executeTakeFirst();
    const cursor = state?.bills_cursor ?? null;
    let answer;
    try {
      answer = await hubRequest(target, 'GET', `api/v1/sync/bills${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`);
    } catch (err) {
      if (err instanceof HubError && err.status === 404) return stored;
      throw err;
    }
    const parsed = storeBillsResponseSchema.safeParse(answer.body);
    if (!parsed.success) throw new HubError(`hub bills answer does not match the protocol: ${parsed.error.issues[0]?.message ?? ''}`, 200, 'INTERNAL', null);
    const { bills, cursor: next, hasMore } = parsed.data;
    await writeTx(ctx.db, async (db) => {
      for (const b of bills) {
        const row = { number: b.number, counter_code: b.counterCode, kind: b.kind, status: b.status, original_bill_id: b.originalBillId, total_minor: b.totalMinor, occurred_at: b.occurredAt, doc_json: JSON.stringify(b) };
        await db
          .insertInto('store_bills')
          .values({ id: b.id, ...row })
          .onConflict((oc) => oc.column('id').doUpdateSet(row))
          .execute();
      }
      await db.updateTable('sync_state').set({ bills_cursor: next }).where('id', '=', 1).execute();
    });
    stored += bills.length;
    if (!hasMore) break;
  }
  return stored;
}
