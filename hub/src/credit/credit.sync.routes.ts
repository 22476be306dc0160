import { MAX_PULL_CREDIT_ENTRIES, syncCustomersQuerySchema, syncCustomersResponseSchema } from '@bazaar/shared';
import { requireDevice } from '../auth/auth.middleware';
import type { AppDeps } from '../http/app-env';
import { oneGet } from '../openapi/one-get.routes';
import { allCustomers, balancesElsewhere, customersOf, entriesAfter } from './credit.read';
import { readCreditSettings } from './credit.settings';

const summary = "The device's store's customers and its ledger entries after the cursor, from every counter of the store, and on the last page each customer's sum held by other stores (device token)";

/** A counter calls this after its pull: a customer made at one counter can pay at another, with the whole khata. */
export function createCreditSyncRoutes(deps: AppDeps) {
  return oneGet('/customers', { summary, tag: 'sync', query: syncCustomersQuerySchema, responses: { 200: syncCustomersResponseSchema } }, requireDevice, async (c, device, query) => {
    const page = await entriesAfter(deps.db, device.storeId, Number(query.cursor ?? 0), MAX_PULL_CREDIT_ENTRIES);
    // Another store's customers only when the chain shares them.
    const shared = (await readCreditSettings(deps.db)).shareCustomers;
    const people = shared ? await allCustomers(deps.db) : await customersOf(deps.db, [device.storeId]);
    // The last page also answers what other stores hold on these customers' accounts, so the counter's balance is whole.
    const elsewhere = page.hasMore ? {} : { elsewhere: await balancesElsewhere(deps.db, device.storeId, shared) };
    return c.json({ customers: people, entries: page.entries, cursor: String(page.lastPos), hasMore: page.hasMore, ...elsewhere }, 200);
  });
}
