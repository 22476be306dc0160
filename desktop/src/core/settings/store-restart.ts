import { DomainError } from '@bazaar/shared';
import { appendAudit } from '../audit/audit.log';
import type { StoreDb, StoreDatabase } from '../db/db.types';
import { writeTx } from '../db/write-tx';
import { findSettings } from './settings.repository';

/** Rows a hub brings with its pulls; a counter that starts over drops them (the hub keeps its own). */
const pulledTables = [
  'product_remaps',
  'pack_barcodes',
  'stock',
  'stock_baseline',
  'store_bills',
  'transfers',
  'transfer_stores',
  'ledger_entries',
  'credit_sync',
  'customers',
  'products',
  'suppliers',
  'users',
  'signin_attempts',
] as const satisfies readonly (keyof StoreDatabase)[];

/** Tables that only what happens at this counter fills: one row in any of them and the setup is past starting over. */
const recordedHere = ['movements', 'bills', 'shifts', 'held_carts', 'purchase_orders', 'goods_receipts'] as const satisfies readonly (keyof StoreDatabase)[];

/**
 * Start the first-run setup over on a counter that joined a hub but has recorded nothing yet
 * (issue 16: the "wait for staff" step after a wrong token or store): the enrollment is dropped
 * with the store row and what the hub's pulls brought, and the setup asks again for a store or a hub. Nothing
 * made at this counter is ever dropped: a movement, bill, shift, order or a local user, product,
 * supplier, customer or ledger entry refuses it.
 */
export async function startSetupOver(db: StoreDb): Promise<void> {
  await writeTx(db, async (tx) => {
    const s = await findSettings(tx);
    if (!s?.hub_url) throw new DomainError('BAD_REQUEST', 'this counter has not joined a hub: its setup form is open already');
    for (const table of recordedHere) {
      if (await tx.selectFrom(table).select('id').limit(1).executeTakeFirst()) throw new DomainError('CONFLICT', 'something was already recorded at this counter, so its setup can no longer be started over');
    }
    const activeUser = await tx.selectFrom('users').select('id').where((eb) => eb.or([eb('active', '=', 1), eb('origin', '=', 'local')])).limit(1).executeTakeFirst();
    const localProduct = await tx.selectFrom('products').select('id').where('origin', '=', 'local').limit(1).executeTakeFirst();
    const localSupplier = await tx.selectFrom('suppliers').select('id').where('origin', '=', 'local').limit(1).executeTakeFirst();
    const localCustomer = await tx.selectFrom('customers').select('id').where('origin', '=', 'local').limit(1).executeTakeFirst();
    const localEntry = await tx.selectFrom('ledger_entries').select('id').where('origin', '=', 'local').limit(1).executeTakeFirst();
    if (activeUser || localProduct || localSupplier || localCustomer || localEntry) {
      throw new DomainError('CONFLICT', 'this counter has staff or its own records, so its setup can no longer be started over');
    }
    for (const table of pulledTables) await tx.deleteFrom(table).execute();
    await tx
      .updateTable('sync_state')
      .set({ cursor: null, bills_cursor: null, acked_seq: 0, last_push_at: null, last_pull_at: null, last_success_at: null, last_attempt_at: null, last_error: null, last_error_at: null, consecutive_failures: 0, halted: null })
      .where('id', '=', 1)
      .execute();
    await appendAudit(tx, {
      actor: { id: null, name: null },
      action: 'store.start-over',
      entity: 'store',
      entityId: s.store_id,
      storeId: s.store_id,
      before: { code: s.store_code, name: s.store_name, hubUrl: s.hub_url },
      after: null,
      at: new Date(),
    });
    // No store any more: the setup makes a new one (new store and device ids) or joins a hub afresh.
    await tx.deleteFrom('settings').where('id', '=', 1).execute();
  });
}
