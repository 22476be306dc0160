import { formatHlc, mergeStock, uuidv7, type Customer, type LedgerEntry, type MovementKind } from '@bazaar/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '../test/test-db';
import { prng, SimDevice } from './sync.test-kit';
import { restoreDeviceTail, simulatedHub } from './sync.model.sim';

/**
 * Model-based test of DESIGN §5: random histories on several devices in several stores,
 * delivered through a hostile network (duplicates, replays, out-of-order retries, responses
 * lost after commit, a hub restored from an older backup), must end with the hub's stock equal
 * to mergeStock over every movement, every movement stored exactly once, and every device's
 * local view equal to the hub's.
 *
 * Clocks (issue 14): time is simulated per run (the hub and its counters share it, nothing
 * passes during a request, so offsets are measured exactly). Counters' PC clocks are off by up
 * to ±3 days either way from the start (before their first sync), counters restart (their next
 * stamps wait for an exchange) and have their clocks set mid-run. The shelf is the oracle:
 * mergeStock over the movements ordered by the true time they happened must equal the hub.
 *
 * Udhaar (issue 20): counters of a store record credit sales and payments for the store's
 * customers offline; each push carries a random, shuffled, partly repeated pick of the counter's
 * ledger entries (old ones again, new ones not yet), and some answers are lost. In the end each
 * customer's balance at the hub must be the sum of every entry ever made, each stored once by id
 * and by (device, entry seq).
 *
 * One database for all runs (a run is isolated by its own stores and devices) keeps 200 runs
 * well inside the time budget on real Postgres.
 */
const RUNS = process.env.TEST_DATABASE_URL ? 200 : 25;
const PARALLEL = 4;
const DAY = 86_400_000;

let t: TestApp;
let admin: TestUser;
let products: string[];
let archivedProduct: string;
beforeAll(async () => {
  t = await createTestApp();
  // Simulated time runs hours ahead of the wall clock: the admin token must outlive it.
  admin = await t.makeUser('admin', [], { expiresAt: new Date(Date.now() + 365 * DAY) });
  products = [(await t.makeProduct({ sku: 'MODEL-RICE' })).id, (await t.makeProduct({ sku: 'MODEL-DAL' })).id];
  archivedProduct = (await t.makeProduct({ sku: 'MODEL-OLD' })).id;
  await t.db.db.updateTable('products').set({ archived: true }).where('id', '=', archivedProduct).execute();
});
afterAll(async () => {
  await t?.close();
});

const KINDS: MovementKind[] = ['SALE', 'SALE', 'SALE', 'IN', 'REMOVE', 'COUNT', 'ADJUST'];

function qtyFor(kind: MovementKind, r: ReturnType<typeof prng>): number {
  switch (kind) {
    case 'SALE':
    case 'REMOVE':
      return -r.int(1, 5);
    case 'IN':
      return r.int(1, 20);
    case 'COUNT':
      return r.int(0, 15);
    default:
      return r.chance(0.5) ? r.int(1, 3) : -r.int(1, 3);
  }
}

const SKEWS = [-3 * DAY, -2 * DAY, -DAY, -60_000, -5_000, 0, 0, 0, 30_000, 60_000, 90_000, 2 * DAY, 3 * DAY];

async function oneRun(seed: number) {
  const r = prng(seed);
  const { t: rt, sim } = simulatedHub(t, Date.now());
  const stores = [await t.makeStore(`M${seed}A${uuidv7().slice(-6)}`), await t.makeStore(`M${seed}B${uuidv7().slice(-6)}`)];
  // Two counters in the first store, one in the second; PC clocks off by up to 3 days either way.
  const devices = [
    await SimDevice.enroll(rt, admin.token, stores[0]!.id, 'counter 1', r.pick(SKEWS)),
    await SimDevice.enroll(rt, admin.token, stores[0]!.id, 'counter 2', r.pick(SKEWS)),
    await SimDevice.enroll(rt, admin.token, stores[1]!.id, 'counter 3', r.pick(SKEWS)),
  ];
  for (const d of devices) d.trueNow = sim.now;
  // Two customers per store, made at the store's first counter; every counter of the store may sell to them.
  const customers = new Map<string, Customer[]>(
    stores.map((s) => {
      const first = devices.find((d) => d.storeId === s.id)!;
      const at = new Date(sim.now()).toISOString();
      return [s.id, [0, 1].map((i) => ({ id: uuidv7(), storeId: s.id, name: `Customer ${i}`, phone: `0300${seed}${i}`.padEnd(11, '7'), address: null, note: null, creditLimitMinor: null, deviceId: first.id, createdAt: at, updatedAt: at }))];
    }),
  );
  const ledger = new Map<string, LedgerEntry[]>(devices.map((d) => [d.id, []]));
  const recordEntry = (d: SimDevice) => {
    const mine = ledger.get(d.id)!;
    const customer = r.pick(customers.get(d.storeId)!);
    const base = { id: uuidv7(), storeId: d.storeId, customerId: customer.id, deviceId: d.id, entrySeq: mine.length + 1, occurredAt: new Date(sim.now()).toISOString(), by: { id: null, name: 'cashier' }, note: null };
    mine.push(
      r.chance(0.6)
        ? { ...base, kind: 'credit_sale', amountMinor: r.int(100, 5000), billId: uuidv7(), billNumber: `M-C1-${String(mine.length + 1).padStart(6, '0')}`, dueOn: null, approvedBy: null }
        : { ...base, kind: 'payment', amountMinor: -r.int(100, 3000), method: r.pick(['cash', 'upi'] as const) },
    );
  };
  /** What a push carries of the khata: the store's customers, and a shuffled pick of this counter's entries with repeats. */
  const creditPick = (d: SimDevice, all = false) => {
    const mine = ledger.get(d.id)!;
    const pick = all ? [...mine, ...mine.filter(() => r.chance(0.3))] : mine.filter(() => r.chance(0.5)).concat(mine.filter(() => r.chance(0.1)));
    for (let i = pick.length - 1; i > 0; i--) {
      const j = r.int(0, i);
      [pick[i], pick[j]] = [pick[j]!, pick[i]!];
    }
    return { customers: customers.get(d.storeId)!, creditEntries: pick };
  };
  const steps = r.int(6, 14);
  const offlineIds: string[] = [];
  for (let step = 0; step < steps; step++) {
    // Real time passes between events: from a second to an hour.
    sim.advance(r.pick([1_000, 5_000, 60_000, 600_000, 3_600_000]) + r.int(0, 999));
    const d = r.pick(devices);
    const action = r.next();
    if (action < 0.06) {
      // The counter app restarts (its next stamps wait for an exchange), or someone sets its PC clock.
      if (r.chance(0.5)) d.verified = false;
      else d.jumpClock(r.pick(SKEWS));
    } else if (action < 0.09 && d.acked > 0) {
      // The hub is restored from an older backup: it lost this device's movements after some seq.
      await restoreDeviceTail(t, d, r.int(0, d.acked - 1));
    } else if (action < 0.45) {
      // Offline selling: a few movements, no network.
      if (r.chance(0.15)) {
        // A product created offline: a new SKU, or one another counter of this run may also create (merged at the hub).
        const sku = r.chance(0.5) ? `RUN${seed}-SHARED` : `RUN${seed}-${uuidv7()}`;
        const existing = d.offline.find((p) => p.sku === sku);
        if (!existing) offlineIds.push(d.createProduct(sku));
      }
      for (let i = r.int(1, 4); i > 0; i--) {
        const kind = r.pick(KINDS);
        const mine = d.offline.map((p) => p.id);
        const product = r.chance(0.04)
          ? r.chance(0.5)
            ? archivedProduct
            : uuidv7()
          : mine.length && r.chance(0.3)
            ? r.pick(mine)
            : r.pick(products);
        d.record(kind, product, qtyFor(kind, r));
        sim.advance(r.int(1, 3));
      }
      // Some carts go on a customer's account, and some customers pay back.
      for (let i = r.chance(0.5) ? r.int(1, 3) : 0; i > 0; i--) recordEntry(d);
    } else if (action < 0.85 && d.log.length > 0) {
      // A push attempt: usually from the acked seq, sometimes a replay of old ones, sometimes a retry from the future.
      const from = r.chance(0.2) ? r.int(1, d.log.length) : r.chance(0.15) ? d.acked + r.int(2, 3) : d.acked + 1;
      const to = Math.min(d.log.length, from + r.int(0, 5));
      if (from > to) continue;
      const res = await d.push(d.slice(from, to), d.offline, { dropResponse: r.chance(0.25), extra: creditPick(d) });
      if (res.status !== 200) expect(res.body.error.code, `seed ${seed}: ${res.text}`).toBe('SEQ_GAP');
    } else {
      await d.pullPage(r.int(1, 3));
    }
  }

  // Everything is delivered in the end (with one more replay for good measure), then everyone pulls.
  for (const d of devices) {
    await d.pushAll(r.int(3, 20));
    if (d.log.length && r.chance(0.3)) expect((await d.push(d.slice(1, d.log.length))).status).toBe(200);
  }
  for (const d of devices) await d.pullAll(r.chance(0.15) ? 1 : 50);
  // The khata is delivered in the end too: every entry, shuffled, some twice, and once more after that for some counters.
  for (const d of devices) {
    expect((await d.push([], d.offline, { extra: creditPick(d, true) })).status, `seed ${seed}: credit push`).toBe(200);
    if (r.chance(0.3)) expect((await d.push([], d.offline, { extra: creditPick(d, true) })).status).toBe(200);
  }
  for (const store of stores) {
    const made = devices.filter((d) => d.storeId === store.id).flatMap((d) => ledger.get(d.id)!);
    const rows = await t.db.db.selectFrom('credit_entries').select(['id', 'customer_id', 'device_id', 'entry_seq', 'amount_minor']).where('store_id', '=', store.id).execute();
    expect(rows.map((x) => x.id).sort(), `seed ${seed}: every entry stored once`).toEqual(made.map((e) => e.id).sort());
    expect(rows.map((x) => `${x.device_id}/${x.entry_seq}`).sort(), `seed ${seed}: (device, entry seq) once`).toEqual(made.map((e) => `${e.deviceId}/${e.entrySeq}`).sort());
    for (const c of customers.get(store.id)!) {
      const hub = rows.filter((x) => x.customer_id === c.id).reduce((a, x) => a + Number(x.amount_minor), 0);
      expect(hub, `seed ${seed}: ${c.name}'s balance = the sum of every entry made`).toBe(made.filter((e) => e.customerId === c.id).reduce((a, e) => a + e.amountMinor, 0));
    }
  }

  // The hub's merges, as the oracle sees them: every offline id maps to the product that kept the SKU.
  const merged = offlineIds.length
    ? await t.db.db.selectFrom('product_remaps').selectAll().where('from_product_id', 'in', offlineIds).execute()
    : [];
  const canonical = (id: string) => merged.find((m) => m.from_product_id === id)?.to_product_id ?? id;
  const skus = new Set(devices.flatMap((d) => d.offline.map((p) => p.sku)));
  expect(new Set([...offlineIds.map(canonical)]).size, `seed ${seed}: one hub product per offline SKU`).toBe(skus.size);
  for (const d of devices) for (const id of offlineIds) if (d.remaps.has(id)) expect(d.remaps.get(id)).toBe(canonical(id));

  for (const store of stores) {
    const storeDevices = devices.filter((d) => d.storeId === store.id);
    const all = storeDevices.flatMap((d) => d.log.filter((m) => !d.rejected.has(m.id)));
    // The shelf: the same movements in the order they really happened.
    const shelf = storeDevices.flatMap((d) =>
      d.log.filter((m) => !d.rejected.has(m.id)).map((m) => ({ ...m, hlc: formatHlc({ wall: d.facts.get(m.id)!.trueTime, counter: m.seq, node: d.node }) })),
    );
    const hubRows = await t.db.db.selectFrom('stock').selectAll().where('store_id', '=', store.id).execute();
    for (const product of [...products, ...new Set(offlineIds.map(canonical))]) {
      const expected = mergeStock(all.filter((m) => canonical(m.productId) === product));
      const real = mergeStock(shelf.filter((m) => canonical(m.productId) === product));
      const row = hubRows.find((s) => s.product_id === product);
      expect(
        { qty: row?.qty ?? 0, lastCount: row?.last_count_movement_id ?? null },
        `seed ${seed}, store ${store.code}, product ${product}: hub = shelf (skews ${storeDevices.map((d) => d.skewMs).join(', ')})`,
      ).toEqual({ qty: real.qty, lastCount: real.lastCount?.id ?? null });
      expect(
        { qty: row?.qty ?? 0, lastCount: row?.last_count_movement_id ?? null, variance: row?.last_count_variance ?? null },
        `seed ${seed}, store ${store.code}, product ${product}`,
      ).toEqual({ qty: expected.qty, lastCount: expected.lastCount?.id ?? null, variance: expected.variance });
      for (const d of storeDevices) {
        if (d.view(product) !== expected.qty && process.env.SYNC_DEBUG) {
          console.log(JSON.stringify({ base: d.baseline.get(product), acked: d.acked, skew: d.skewMs, log: d.log.map((m) => [m.seq, m.kind, m.qty, m.hlc, m.productId === product]), all: all.filter((m) => m.productId === product).map((m) => [m.hlc, m.kind, m.qty]).sort() }, null, 0));
        }
        expect(d.view(product), `seed ${seed}: device view`).toBe(expected.qty);
      }
    }
    // Rejections are exactly the movements for an unknown or archived product.
    for (const d of storeDevices) {
      const expectRejected = d.log.filter((m) => !products.includes(m.productId) && !offlineIds.includes(m.productId)).map((m) => m.id).sort();
      expect([...d.rejected].sort(), `seed ${seed}: rejections`).toEqual(expectRejected);
    }
  }

  // Every movement stored exactly once, with its device's gap-free seq.
  const ids = devices.map((d) => d.id);
  const stored = await t.db.db.selectFrom('movements').select(['id', 'device_id', 'seq']).where('device_id', 'in', ids).execute();
  expect(stored.length, `seed ${seed}: stored movements`).toBe(devices.reduce((a, d) => a + d.log.length, 0));
  for (const d of devices) {
    const mine = stored.filter((m) => m.device_id === d.id).map((m) => [m.seq, m.id]);
    expect(mine.sort((a, b) => Number(a[0]) - Number(b[0])), `seed ${seed}`).toEqual(d.log.map((m) => [m.seq, m.id]));
  }
  const acked = await t.db.db.selectFrom('devices').select(['id', 'last_seq']).where('id', 'in', ids).execute();
  for (const d of devices) expect(acked.find((a) => a.id === d.id)?.last_seq).toBe(d.log.length);
}

describe('sync model', () => {
  it(`converges for ${RUNS} random histories over a hostile network`, async () => {
    // Runs are isolated by their own stores and devices, so a few go at once (and race each other on the hub).
    const first = Number(process.env.SYNC_SEED ?? 1);
    for (let seed = first; seed <= RUNS; seed += PARALLEL) {
      await Promise.all(Array.from({ length: Math.min(PARALLEL, RUNS - seed + 1) }, (_, i) => oneRun(seed + i)));
    }
  }, 900_000);
});
