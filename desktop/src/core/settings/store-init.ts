import { DomainError, uuidv7 } from '@bazaar/shared';
import { appendAudit } from '../audit/audit.log';
import type { StoreDb } from '../db/db.types';
import { writeTx } from '../db/write-tx';
import { findSettings } from './settings.repository';

/**
 * What a counter that joins a hub is called until the first pull brings the hub's store.
 * Data, not text: nobody reads it once the join has worked.
 */
export const JOINING_STORE = { code: 'COUNTER', name: 'New counter' } as const;

/**
 * Create the store of this database. A store that was only started (no user, no hub, no
 * product, supplier or movement: a first-run setup left half-way) may be started over: it takes
 * the new code and name. Anything further along is refused.
 */
export async function initStoreRow(db: StoreDb, path: string, input: { code: string; name: string; varianceThreshold?: number }): Promise<void> {
  await writeTx(db, async (tx) => {
    const existing = await findSettings(tx);
    const at = new Date().toISOString();
    if (existing) {
      const users = await tx.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const moved = await tx.selectFrom('movements').select('id').limit(1).executeTakeFirst();
      const product = await tx.selectFrom('products').select('id').limit(1).executeTakeFirst();
      const supplier = await tx.selectFrom('suppliers').select('id').limit(1).executeTakeFirst();
      if (existing.hub_url || Number(users.n) > 0 || moved || product || supplier) throw new DomainError('CONFLICT', `${path} already holds a store; use another --db file`);
      await tx.updateTable('settings').set({ store_code: input.code, store_name: input.name, variance_threshold: input.varianceThreshold ?? existing.variance_threshold }).where('id', '=', 1).execute();
      await appendAudit(tx, {
        actor: { id: null, name: null },
        action: 'store.init',
        entity: 'store',
        entityId: existing.store_id,
        storeId: existing.store_id,
        before: { code: existing.store_code, name: existing.store_name },
        after: { code: input.code, name: input.name, deviceId: existing.device_id },
        at: new Date(at),
      });
      return;
    }
    const deviceId = uuidv7();
    const storeId = uuidv7();
    await tx
      .insertInto('settings')
      .values({ id: 1, store_id: storeId, store_code: input.code, store_name: input.name, variance_threshold: input.varianceThreshold ?? 10, device_id: deviceId, hlc_node: deviceId.replace(/-/g, '').slice(-16), hlc_last: null, hub_url: null, device_token: null, enrolled_at: null, created_at: at })
      .execute();
    await appendAudit(tx, { actor: { id: null, name: null }, action: 'store.init', entity: 'store', entityId: storeId, storeId, before: null, after: { code: input.code, name: input.name, deviceId }, at: new Date(at) });
  });
}
