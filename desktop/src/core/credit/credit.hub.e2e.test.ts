import type { Product, Store } from '@bazaar/shared';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub, type HubProcess } from '../testing/hub-process';
import { tempStore } from '../testing/temp-store';
import type { StoreCore } from '../store-core';

/** Port 8900: this helper's fixed range (8900-8909). */
let hub: HubProcess;
let admin: string;
const cleanups: (() => Promise<void>)[] = [];
beforeAll(async () => {
  hub = await startHub(8900, process.env.TEST_DATABASE_URL);
  admin = (await hub.api<{ token: string }>('POST', '/auth/register', { username: 'owner', name: 'Shop Owner', password: 'a-long-password-1' })).token;
}, 300_000);
afterAll(async () => {
  for (const c of cleanups.splice(0)) await c();
  await hub?.stop();
});

async function counter(storeId: string, name: string, code: string): Promise<StoreCore> {
  const dev = await hub.api<{ token: string }>('POST', '/devices', { storeId, name }, admin);
  const s = await tempStore();
  cleanups.push(s.cleanup);
  await s.core.enroll({ hubUrl: hub.url, token: dev.token });
  await s.core.updateBillSettings({ counterCode: code, paymentMethods: ['upi', 'credit'] });
  await s.core.syncNow();
  return s.core;
}

/** The hub's balances read straight from its tables: the sum of the entries it holds, per customer. */
async function hubBalances(): Promise<Record<string, number>> {
  if (!hub.databaseUrl) return {};
  const c = new pg.Client({ connectionString: hub.databaseUrl });
  await c.connect();
  try {
    const r = await c.query<{ phone: string; balance: string }>('SELECT c.phone, sum(e.amount_minor) AS balance FROM credit_entries e JOIN customers c ON c.store_id = e.store_id AND c.id = e.customer_id GROUP BY c.phone');
    return Object.fromEntries(r.rows.map((x) => [x.phone, Number(x.balance)]));
  } finally {
    await c.end();
  }
}

describe('udhaar on two counters of one store (real hub process)', () => {
  it('both sell on credit offline, a payment is taken at the other counter, and every balance is the sum of both', async () => {
    const store = await hub.api<Store>('POST', '/stores', { code: 'LHR-01', name: 'Gulberg Kiryana' }, admin);
    await hub.api<Product>('POST', '/products', { sku: 'ATTA', name: 'Atta 10kg', unit: 'pc', priceMinor: 150_000, costMinor: 130_000 }, admin);
    await hub.api('POST', '/stock-movements', { storeId: store.id, productId: (await hub.api<{ items: Product[] }>('GET', '/products?q=ATTA', undefined, admin)).items[0]!.id, kind: 'IN', qty: 100 }, admin);
    const a = await counter(store.id, 'Counter 1', 'C1');
    const b = await counter(store.id, 'Counter 2', 'C2');

    await a.addCustomer({ name: 'Ravi Kumar', phone: '0300 1234567', creditLimitMinor: 1_000_000 });
    await a.syncNow();
    await b.syncNow();
    expect((await b.findCustomers({ query: '03001234567' })).map((c) => [c.customer.name, c.balanceMinor])).toEqual([['Ravi Kumar', 0]]);

    // Offline, both: A sells twice on credit, B once (and to a customer it made itself), B takes a part payment.
    await a.sell({ lines: [{ product: 'ATTA', qty: 2 }], payments: [{ method: 'credit' }], credit: { customer: '03001234567' } });
    await a.sell({ lines: [{ product: 'ATTA', qty: 1 }], payments: [{ method: 'credit', amountMinor: 100_000 }, { method: 'cash', tenderedMinor: 50_000 }], credit: { customer: 'Ravi' } });
    await b.sell({ lines: [{ product: 'ATTA', qty: 1 }], payments: [{ method: 'credit' }], credit: { customer: 'Ravi Kumar' } });
    await b.receivePayment({ customer: '0300-1234567', amountMinor: 120_000 });
    await b.addCustomer({ name: 'Sana Bibi', phone: '0345 9876543' });
    await b.sell({ lines: [{ product: 'ATTA', qty: 1 }], payments: [{ method: 'credit' }], credit: { customer: 'Sana' } });

    await b.syncNow();
    await a.syncNow();
    await b.syncNow();
    const ravi = 300_000 + 100_000 + 150_000 - 120_000;
    for (const core of [a, b]) {
      expect(Object.fromEntries((await core.receivables()).map((v) => [v.customer.phone, v.balanceMinor]))).toEqual({ '03001234567': ravi, '03459876543': 150_000 });
    }
    // The statement at A shows B's entries too, each once, in time order.
    const st = (await a.showCustomer({ customer: 'Ravi' })).statement;
    expect(st.lines.map((l) => [l.entry.kind, l.entry.amountMinor])).toEqual([
      ['credit_sale', 300_000],
      ['credit_sale', 100_000],
      ['credit_sale', 150_000],
      ['payment', -120_000],
    ]);
    if (hub.databaseUrl) expect(await hubBalances()).toEqual({ '03001234567': ravi, '03459876543': 150_000 });
    // Nothing of the khata is left to send, and a further sync changes nothing.
    expect(a.connection.prepare('SELECT count(*) AS n FROM ledger_entries WHERE pushed = 0').get()).toEqual({ n: 0 });
    await a.syncNow();
    if (hub.databaseUrl) expect(await hubBalances()).toEqual({ '03001234567': ravi, '03459876543': 150_000 });
  }, 120_000);
});
