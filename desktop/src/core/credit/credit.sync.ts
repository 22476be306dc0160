import { MAX_PUSH_CREDIT_ENTRIES, MAX_PUSH_CUSTOMERS, syncCustomersResponseSchema, type Customer, type LedgerEntry, parseMinorJson } from '@bazaar/shared';
import type { CoreContext } from '../core.context';
import type { CustomersTable, Executor, MovementRow } from '../db/db.types';
import { prepared } from '../db/prepared';
import { writeTxSync } from '../db/write-tx';
import { HubError, hubRequest, type HubTarget } from '../sync/sync.http';
import { nameKey, storeEntrySync, toCustomer } from './credit.repository';

export interface CreditBatch {
  customers: Customer[];
  creditEntries: LedgerEntry[];
  /** What was sent, to mark acknowledged after a 200. */
  sent: { customers: { id: string; updatedAt: string }[]; entryIds: string[] };
}

/**
 * The credit documents of a push: customers made or changed here and not yet acknowledged, and
 * this counter's unacknowledged ledger entries in entry-seq order, except a credit sale whose
 * bill still has movements waiting behind this batch: an entry never reaches the hub before its
 * bill's stock does. The hub keeps each once, so one that rides twice is harmless.
 */
export async function creditOfBatch(db: Executor, storeId: string, movements: readonly Pick<MovementRow, 'seq'>[], ackedSeq: number): Promise<CreditBatch> {
  const lastSeq = movements.reduce((a, m) => Math.max(a, m.seq), ackedSeq);
  const customers = await db.selectFrom('customers').selectAll().where('push_state', '=', 'pending').orderBy('created_at').limit(MAX_PUSH_CUSTOMERS).execute();
  const rows = await db
    .selectFrom('ledger_entries as e')
    .select(['e.id', 'e.doc_json'])
    .where('e.pushed', '=', 0)
    .where('e.origin', '=', 'local')
    .where((eb) => eb.or([eb('e.bill_id', 'is', null), eb.not(eb.exists(eb.selectFrom('movements as m').select('m.seq').whereRef('m.batch_id', '=', 'e.bill_id').where('m.seq', '>', lastSeq)))]))
    .orderBy('e.entry_seq')
    .limit(MAX_PUSH_CREDIT_ENTRIES)
    .execute();
  // A customer the hub does not know yet goes with its first entries, whatever the batch limits.
  const docs = customers.map((c) => toCustomer(c, storeId));
  return {
    customers: docs,
    creditEntries: rows.map((r) => parseMinorJson(r.doc_json) as LedgerEntry),
    sent: { customers: docs.map((c) => ({ id: c.id, updatedAt: c.updatedAt })), entryIds: rows.map((r) => r.id) },
  };
}

/** After the hub answered 200: what it now holds is acknowledged (a customer changed meanwhile stays pending). */
export async function markCreditPushed(db: Executor, sent: CreditBatch['sent']): Promise<void> {
  for (const c of sent.customers) await db.updateTable('customers').set({ push_state: 'pushed' }).where('id', '=', c.id).where('updated_at', '=', c.updatedAt).where('push_state', '=', 'pending').execute();
  if (sent.entryIds.length) await db.updateTable('ledger_entries').set({ pushed: 1 }).where('id', 'in', sent.entryIds).execute();
}

/**
 * After the pull: the store's customers (made at any counter) and its ledger entries after the
 * kept cursor, so a customer can pay at any counter of the store and see one balance, and (last
 * page) the sums other stores hold on the customers' accounts, so a chain-shared customer's
 * balance and limit check here are whole. A customer
 * changed here and not yet pushed keeps the local copy; entries are stored once by id. A hub that
 * predates customers answers 404: nothing to do.
 */
export async function pullCustomers(ctx: CoreContext, target: HubTarget): Promise<{ customers: number; entries: number }> {
  let customers = 0;
  let entries = 0;
  for (let page = 0; page < 1000; page++) {
    const state = prepared(ctx.raw, 'SELECT cursor FROM credit_sync WHERE id = 1').get() as { cursor: string | null } | undefined;
    let answer;
    try {
      answer = await hubRequest(target, 'GET', `api/v1/sync/customers${state?.cursor ? `?cursor=${encodeURIComponent(state.cursor)}` : ''}`);
    } catch (err) {
      if (err instanceof HubError && err.status === 404) return { customers, entries };
      throw err;
    }
    const parsed = syncCustomersResponseSchema.safeParse(answer.body);
    if (!parsed.success) throw new HubError(`hub customers answer does not match the protocol: ${parsed.error.issues[0]?.message ?? ''}`, 200, 'INTERNAL', null);
    const body = parsed.data;
    const counted = await writeTxSync(ctx.db, ctx.raw, () => {
      let c = 0;
      let e = 0;
      for (const remote of body.customers) {
        const local = prepared(ctx.raw, 'SELECT push_state, updated_at FROM customers WHERE id = ?').get(remote.id) as Pick<CustomersTable, 'push_state' | 'updated_at'> | undefined;
        if (local && (local.push_state === 'pending' || local.updated_at >= remote.updatedAt)) continue;
        const row = { id: remote.id, name: remote.name, name_key: nameKey(remote.name), phone: remote.phone, address: remote.address, note: remote.note, credit_limit_minor: remote.creditLimitMinor, device_id: remote.deviceId, created_at: remote.createdAt, updated_at: remote.updatedAt };
        if (local) prepared(ctx.raw, 'UPDATE customers SET name = @name, name_key = @name_key, phone = @phone, address = @address, note = @note, credit_limit_minor = @credit_limit_minor, updated_at = @updated_at WHERE id = @id').run(row);
        else prepared(ctx.raw, "INSERT INTO customers (id, name, name_key, phone, address, note, credit_limit_minor, device_id, origin, push_state, created_at, updated_at) VALUES (@id, @name, @name_key, @phone, @address, @note, @credit_limit_minor, @device_id, 'hub', 'hub', @created_at, @updated_at)").run(row);
        c += 1;
      }
      for (const entry of body.entries) if (storeEntrySync(ctx.raw, entry, 'hub')) e += 1;
      if (body.elsewhere) {
        // The whole answer of a complete pull: what other stores hold on each customer's account now.
        prepared(ctx.raw, 'DELETE FROM customer_elsewhere').run();
        for (const x of body.elsewhere) prepared(ctx.raw, 'INSERT INTO customer_elsewhere (customer_id, balance_minor) VALUES (?, ?)').run(x.customerId, x.balanceMinor);
      }
      prepared(ctx.raw, 'UPDATE credit_sync SET cursor = ? WHERE id = 1').run(body.cursor);
      return { c, e };
    });
    customers += counted.c;
    entries += counted.e;
    if (!body.hasMore) break;
  }
  return { customers, entries };
}
