import { creditSettingsSchema, creditSettingsUpdateSchema, type CreditSettings } from '@bazaar/shared';
import { Hono } from 'hono';
import type { Kysely, Transaction } from 'kysely';
import { writeAudit } from '../audit/audit.writer';
import { requireUser } from '../auth/auth.middleware';
import type { Database } from '../db/database.types';
import type { AppDeps, AppEnv } from '../http/app-env';
import { actorOf } from '../http/route-helpers';
import { route } from '../openapi/openapi.route';

/** The chain's one credit settings row (migration 0026); a hub without it shares nothing. */
export async function readCreditSettings(db: Kysely<Database> | Transaction<Database>): Promise<CreditSettings> {
  const row = await db.selectFrom('credit_settings').select('share_customers').executeTakeFirst();
  return { shareCustomers: row?.share_customers === true };
}

const tag = 'customers';
const get = route({ summary: "Whether the chain shares customers across its stores (off: a customer is seen only at their own store's counters and by people of that store)", tag, responses: { 200: creditSettingsSchema } });
const put = route({ summary: 'Share customers across the chain, or stop (admin; audited on the hub chain)', tag, body: creditSettingsUpdateSchema, responses: { 200: creditSettingsSchema } });

export function createCreditSettingsRoutes(deps: AppDeps) {
  const { db } = deps;
  return new Hono<AppEnv>()
    .get('/', get, async (c) => {
      requireUser(c, ['admin', 'manager']);
      return c.json(await readCreditSettings(db), 200);
    })
    .put('/', put, async (c) => {
      const me = requireUser(c, ['admin']);
      const change = await put.json(c);
      const after = await db.transaction().execute(async (trx) => {
        const before = await readCreditSettings(trx);
        await trx
          .insertInto('credit_settings')
          .values({ id: true, share_customers: change.shareCustomers, updated_at: new Date(deps.clock.now()) })
          .onConflict((oc) => oc.column('id').doUpdateSet({ share_customers: change.shareCustomers, updated_at: new Date(deps.clock.now()) }))
          .execute();
        await writeAudit(trx, { ...actorOf(c, deps, me), action: 'credit.settings_update', entity: 'hub', entityId: null, storeId: null, before, after: change });
        return readCreditSettings(trx);
      });
      return c.json(after, 200);
    });
}
