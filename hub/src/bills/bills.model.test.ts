import { billSchema, mergeStock, uuidv7, type Bill, type BillLine, type MovementKind, type PaymentMethod } from '@bazaar/shared';
import { describe, expect, it } from 'vitest';
import { type TestApp, type TestUser } from '../test/test-db';
import { useTestApp } from '../test/use-test-app';
import { prng, SimDevice, type SimMovement } from '../sync/sync.test-kit';

/**
 * Model-based test of bills from several offline counters of one store (issue 17, DESIGN §9):
 * counters ring up sales (lines, discounts, split payments), take goods back against bills of
 * their own or of other counters (those the hub already holds, as a pull brings them) never
 * more than they know is left, restock or write off what comes back, and void their own bills
 * (reversal movements, never deletions). Each counter pushes as the desktop does (its bills ride
 * with their movements, as they stand now) over a network that delivers in random order, twice,
 * late, and loses answers after commit.
 *
 * After every delivery: the OVER_RETURN conflicts are exactly those of a reference that, for each
 * bill stored for the first time, adds up the completed returns of each line of its sale (or of
 * the sale just stored) and flags the line when they exceed what was sold; the store's stock is
 * mergeStock over the delivered movements. At the end: every bill is stored exactly once with its
 * final status, every line whose completed returns exceed its sale was flagged, every stored
 * bill's payments add up to its total and its lines to its subtotal, and the hub's sales report
 * by payment method equals the reference sum of the completed bills' payments.
 */
const RUNS = Number(process.env.BILL_RUNS ?? (process.env.TEST_DATABASE_URL ? 100 : 10));
const PARALLEL = 4;
const PRICES = [1000, 2500, 499];

let t: TestApp;
let admin: TestUser;
useTestApp((ctx) => ({ t, admin } = ctx));

type Rng = ReturnType<typeof prng>;

interface Counter {
  d: SimDevice;
  code: string;
  no: number;
  /** This counter's bills as they stand here (the latest copy). */
  bills: Map<string, Bill>;
}

interface Push {
  counter: Counter;
  movements: SimMovement[];
  bills: Bill[];
}

interface Flag {
  billNumber: string;
  lineNo: number;
  sold: number;
  returned: number;
  returns: string[];
}

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
const flagKey = (f: Flag) => `${f.billNumber}#${f.lineNo}:${f.sold}/${f.returned}/${[...f.returns].sort().join(',')}`;

function payments(r: Rng, total: number): Bill['payments'] {
  if (total <= 0) return [{ method: 'cash', amountMinor: total }];
  const method: PaymentMethod = r.pick(['upi', 'card', 'jazzcash', 'credit']);
  if (r.chance(0.4)) {
    const cash = r.int(0, total);
    const tendered = cash + r.int(0, 3) * 500;
    return [
      ...(cash > 0 ? [{ method: 'cash' as const, amountMinor: cash, tenderedMinor: tendered, changeMinor: tendered - cash }] : []),
      ...(total - cash > 0 ? [{ method, amountMinor: total - cash }] : []),
    ];
  }
  if (r.chance(0.5)) {
    const tendered = total + r.int(0, 4) * 1000;
    return [{ method: 'cash', amountMinor: total, tenderedMinor: tendered, changeMinor: tendered - total }];
  }
  return [{ method, amountMinor: total }];
}

async function oneRun(seed: number) {
  const r: Rng = prng(seed * 104_729 + 3);
  const tag = `${seed}${uuidv7().slice(-5)}`;
  const store = await t.makeStore(`BM${tag}`);
  const products = [await t.makeProduct({ sku: `BMA-${tag}` }), await t.makeProduct({ sku: `BMB-${tag}` }), await t.makeProduct({ sku: `BMC-${tag}` })];
  const price = new Map(products.map((p, i) => [p.id, PRICES[i]!]));
  const counters: Counter[] = [];
  for (let k = 1; k <= 3; k++) {
    const d = await SimDevice.enroll(t, admin.token, store.id, `till ${k}`);
    await d.probe();
    counters.push({ d, code: `C${k}`, no: 0, bills: new Map() });
  }
  // Opening stock, delivered before anything is sold.
  const delivered = new Map<string, SimMovement>();
  for (const p of products) counters[0]!.d.record('IN', p.id, r.int(5, 40));
  await counters[0]!.d.pushAll();
  for (const m of counters[0]!.d.log) delivered.set(m.id, m);

  /** The hub's bills as the test has told it (first copy stored, then completed → voided only). */
  const hubBills = new Map<string, Bill>();
  const flags: Flag[] = [];
  const network: Push[] = [];
  let deliveries = 0;
  let lost = 0;

  const nextNumber = (c: Counter) => {
    c.no += 1;
    return { number: `${store.code}-${c.code}-${String(c.no).padStart(6, '0')}`, counterCode: c.code, counterNo: c.no };
  };
  const base = (c: Counter) => ({
    id: uuidv7(),
    ...nextNumber(c),
    storeId: store.id,
    storeCode: store.code,
    deviceId: c.d.id,
    status: 'completed' as const,
    shiftId: null,
    cashier: { id: null, name: r.pick(['asha', 'ravi', 'meena']) },
    approvedBy: null,
    reason: null,
    billDiscount: null,
    roundingMinor: 0,
    occurredAt: new Date().toISOString(),
    void: null,
  });
  const record = (c: Counter, billId: string, kind: MovementKind, productId: string, qty: number) => Object.assign(c.d.record(kind, productId, qty), { batchId: billId });

  function sell(c: Counter) {
    const picked = [...products].sort(() => r.next() - 0.5).slice(0, r.int(1, 3));
    const lines: BillLine[] = picked.map((p, i) => {
      const qty = r.int(1, 4);
      const unit = price.get(p.id)!;
      const gross = qty * unit;
      const disc = r.chance(0.3) ? r.int(1, Math.floor(gross / 10)) : 0;
      return { lineNo: i + 1, direction: 'sale', productId: p.id, sku: p.sku, name: p.sku, unit: 'pc', qty, listPriceMinor: unit, unitPriceMinor: unit, unitCostMinor: 0, discount: disc ? { kind: 'amount', minor: disc } : null, grossMinor: gross, lineDiscountMinor: disc, billDiscountMinor: 0, totalMinor: gross - disc, returnOf: null, disposition: null };
    });
    const subtotal = lines.reduce((a, l) => a + l.grossMinor, 0);
    const discount = lines.reduce((a, l) => a + l.lineDiscountMinor, 0);
    const pays = payments(r, subtotal - discount);
    const bill = billSchema.parse({ ...base(c), kind: 'sale', originalBillId: null, originalNumber: null, lines, subtotalMinor: subtotal, discountMinor: discount, totalMinor: subtotal - discount, payments: pays, changeMinor: pays.reduce((a, p) => a + (p.changeMinor ?? 0), 0) });
    for (const l of lines) record(c, bill.id, 'SALE', l.productId, -l.qty);
    c.bills.set(bill.id, bill);
  }

  /** What this counter believes is left of a sale's line: its own returns, and those the hub held at its last pull. */
  function leftOf(c: Counter, sale: Bill, line: BillLine): number {
    const known = new Map<string, Bill>([...hubBills].filter(([, b]) => b.status === 'completed'));
    for (const [id, b] of c.bills) if (b.status === 'completed') known.set(id, b);
    else known.delete(id);
    let returned = 0;
    for (const b of known.values()) for (const l of b.lines) if (l.returnOf?.billId === sale.id && l.returnOf.lineNo === line.lineNo) returned += l.qty;
    return line.qty - returned;
  }

  function takeBack(c: Counter) {
    const own = [...c.bills.values()];
    const others = [...hubBills.values()].filter((b) => b.deviceId !== c.d.id);
    const sales = [...own, ...others].filter((b) => b.kind === 'sale' && b.status === 'completed' && (c.bills.get(b.id)?.status ?? 'completed') === 'completed');
    if (sales.length === 0) return;
    const sale = r.pick(sales);
    const lines: BillLine[] = [];
    for (const l of sale.lines) {
      const left = leftOf(c, sale, l);
      if (left <= 0 || !r.chance(0.7)) continue;
      // Often all that is left: two counters offline from each other then over-return together.
      const qty = r.chance(0.6) ? left : r.int(1, left);
      const back = Math.round((l.totalMinor * qty) / l.qty);
      lines.push({ ...l, lineNo: lines.length + 1, direction: 'return', qty, grossMinor: back, lineDiscountMinor: 0, discount: null, totalMinor: -back, returnOf: { billId: sale.id, lineNo: l.lineNo }, disposition: r.chance(0.25) ? 'damaged' : 'restock' });
    }
    if (lines.length === 0) return;
    const total = -lines.reduce((a, l) => a + l.grossMinor, 0);
    const bill = billSchema.parse({ ...base(c), kind: 'return', originalBillId: sale.id, originalNumber: sale.number, lines, subtotalMinor: total, discountMinor: 0, totalMinor: total, payments: [{ method: 'cash', amountMinor: total }], changeMinor: 0 });
    for (const l of lines) {
      record(c, bill.id, 'ADJUST', l.productId, l.qty);
      if (l.disposition === 'damaged') record(c, bill.id, 'REMOVE', l.productId, -l.qty);
    }
    c.bills.set(bill.id, bill);
  }

  /** A manager voids one of this counter's bills: its movements are reversed by new ones. */
  function voidOne(c: Counter) {
    const open = [...c.bills.values()].filter((b) => b.status === 'completed');
    if (open.length === 0) return;
    const bill = r.pick(open);
    for (const m of c.d.log.filter((x) => x.batchId === bill.id)) record(c, bill.id, 'ADJUST', m.productId, -m.qty);
    c.bills.set(bill.id, { ...bill, status: 'voided', void: { at: new Date().toISOString(), by: { id: null, name: 'manager' }, reason: 'rang up wrong' } });
  }

  /** The desktop's push: movements from the acknowledged seq, and the bills they belong to as they stand now. */
  function makePush(c: Counter, size: number): Push | null {
    const movements = clone(c.d.slice(c.d.acked + 1, c.d.acked + size));
    if (movements.length === 0) return null;
    const ids = new Set(movements.map((m) => m.batchId).filter((b): b is string => !!b));
    return { counter: c, movements, bills: clone([...ids].map((id) => c.bills.get(id)!)) };
  }

  /** The reference of what a committed push does to the hub's bills, and the flags it raises. */
  function tell(p: Push) {
    for (const m of p.movements) if (!delivered.has(m.id)) delivered.set(m.id, m);
    const fresh: Bill[] = [];
    for (const b of p.bills) {
      const was = hubBills.get(b.id);
      if (!was) {
        hubBills.set(b.id, b);
        fresh.push(b);
      } else if (was.status === 'completed' && b.status === 'voided') hubBills.set(b.id, b);
    }
    const originals = new Set(fresh.flatMap((b) => (b.originalBillId ? [b.originalBillId] : b.kind === 'sale' ? [b.id] : [])));
    for (const id of originals) {
      const sale = hubBills.get(id);
      if (!sale || sale.status !== 'completed') continue;
      for (const line of sale.lines) {
        const returns = [...hubBills.values()].filter((b) => b.status === 'completed' && b.originalBillId === id).flatMap((b) => b.lines.filter((l) => l.returnOf?.billId === id && l.returnOf.lineNo === line.lineNo).map((l) => ({ number: b.number, qty: l.qty })));
        const returned = returns.reduce((a, x) => a + x.qty, 0);
        if (returned > line.qty) flags.push({ billNumber: sale.number, lineNo: line.lineNo, sold: line.qty, returned, returns: returns.map((x) => x.number) });
      }
    }
  }

  async function check(when: string) {
    const raised = await t.db.db.selectFrom('conflicts').select('details').where('store_id', '=', store.id).where('kind', '=', 'OVER_RETURN').execute();
    expect(raised.map((c) => flagKey(c.details as Flag)).sort(), `seed ${seed}, ${when}: over-returns flagged exactly as the reference`).toEqual(flags.map(flagKey).sort());
    const stock = await t.db.db.selectFrom('stock').select(['product_id', 'qty']).where('store_id', '=', store.id).execute();
    for (const p of products) {
      const expected = mergeStock([...delivered.values()].filter((m) => m.productId === p.id)).qty;
      expect(Number(stock.find((s) => s.product_id === p.id)?.qty ?? 0), `seed ${seed}, ${when}, ${p.sku}: stock = merge rule over delivered movements`).toBe(expected);
    }
  }

  async function deliver(p: Push, dropResponse: boolean) {
    const res = await p.counter.d.push(p.movements, [], { dropResponse, extra: { bills: p.bills } });
    deliveries += 1;
    expect(res.status, `seed ${seed}: ${res.text}`).toBe(200);
    tell(p);
    if (dropResponse) lost += 1;
    await check(`after delivery ${deliveries}${dropResponse ? ' (answer lost)' : ''}`);
  }

  const steps = r.int(30, 60);
  for (let step = 0; step < steps; step++) {
    const c = r.pick(counters);
    const a = r.next();
    if (a < 0.25) sell(c);
    else if (a < 0.5) takeBack(c);
    else if (a < 0.55) voidOne(c);
    else if (a < 0.78) {
      const p = makePush(c, r.int(1, 8));
      if (p) for (let n = r.chance(0.2) ? 2 : 1; n > 0; n--) network.splice(r.int(0, network.length), 0, p);
    } else if (network.length) {
      const i = r.int(0, network.length - 1);
      const p = network[i]!;
      if (!r.chance(0.15)) network.splice(i, 1);
      await deliver(p, r.chance(0.25));
    }
  }
  while (network.length) await deliver(network.splice(r.int(0, network.length - 1), 1)[0]!, r.chance(0.2));
  for (const c of counters) {
    for (let guard = 0; ; guard++) {
      expect(guard, `seed ${seed}: flush makes progress`).toBeLessThan(100);
      const p = makePush(c, r.int(3, 30));
      if (!p) break;
      await deliver(p, false);
    }
  }
  await check('at the end');

  // Every bill stored once, with its final status and its counter's number.
  const made = counters.flatMap((c) => [...c.bills.values()]);
  const rows = await t.db.db.selectFrom('bills').select(['id', 'number', 'status', 'total_minor', 'doc', 'device_id']).where('store_id', '=', store.id).execute();
  expect(rows.map((b) => `${b.number} ${b.status}`).sort(), `seed ${seed}: every bill once`).toEqual(made.map((b) => `${b.number} ${b.status}`).sort());
  expect(new Set(rows.map((b) => b.id)).size).toBe(made.length);
  for (const row of rows) {
    const b = billSchema.parse(row.doc);
    expect(row.device_id, `seed ${seed}: ${b.number} kept with the counter that rang it up`).toBe(made.find((m) => m.id === b.id)!.deviceId);
    expect(b.payments.reduce((a, x) => a + x.amountMinor, 0), `seed ${seed}: ${b.number} payments = total`).toBe(b.totalMinor);
    expect(Number(row.total_minor)).toBe(b.totalMinor);
    const lines = b.lines.reduce((a, l) => a + l.totalMinor, 0);
    expect(lines, `seed ${seed}: ${b.number} lines add up`).toBe(b.totalMinor);
  }
  // Every line over-returned at the end was flagged (flags only come from stored bills, voids only lower the sum).
  for (const sale of made.filter((b) => b.kind === 'sale' && b.status === 'completed')) {
    for (const line of sale.lines) {
      const returned = made.filter((b) => b.status === 'completed' && b.originalBillId === sale.id).flatMap((b) => b.lines).filter((l) => l.returnOf?.lineNo === line.lineNo).reduce((a, l) => a + l.qty, 0);
      if (returned > line.qty) expect(flags.some((f) => f.billNumber === sale.number && f.lineNo === line.lineNo), `seed ${seed}: ${sale.number} line ${line.lineNo} flagged`).toBe(true);
    }
  }
  // The sales report by payment method adds up the completed bills' payments (returns net out, voids left out).
  const report = await t.call('GET', `/reports/bills?storeId=${store.id}&groupBy=method`, admin.token);
  expect(report.status, report.text).toBe(200);
  const byMethod = new Map<string, number>();
  for (const b of made.filter((x) => x.status === 'completed')) for (const p of b.payments) byMethod.set(p.method, (byMethod.get(p.method) ?? 0) + p.amountMinor);
  const got = Object.fromEntries((report.body as { items: { key: string; netMinor: number }[] }).items.map((i) => [i.key, i.netMinor]));
  expect(got, `seed ${seed}: sales by payment method`).toEqual(Object.fromEntries(byMethod));
  const byCashier = await t.call('GET', `/reports/bills?storeId=${store.id}&groupBy=cashier`, admin.token);
  expect((byCashier.body as { totalMinor: number }).totalMinor, `seed ${seed}: payments and totals agree`).toBe((report.body as { totalMinor: number }).totalMinor);

  return { deliveries, lost, bills: made.length, flags: flags.length, voids: made.filter((b) => b.status === 'voided').length, crossReturns: made.filter((b) => b.kind === 'return' && made.find((s) => s.id === b.originalBillId)?.deviceId !== b.deviceId).length };
}

describe('bills model', () => {
  it(`stores every bill once and flags over-returns exactly for ${RUNS} random histories of offline counters`, async () => {
    const first = Number(process.env.BILL_SEED ?? 1);
    const totals = { deliveries: 0, lost: 0, bills: 0, flags: 0, voids: 0, crossReturns: 0 };
    for (let seed = first; seed < first + RUNS; seed += PARALLEL) {
      const outs = await Promise.all(Array.from({ length: Math.min(PARALLEL, first + RUNS - seed) }, (_, i) => oneRun(seed + i)));
      for (const o of outs) for (const k of Object.keys(totals) as (keyof typeof totals)[]) totals[k] += o[k];
    }
    // The histories did what they are for: returns across counters, over-returns, voids and lost answers.
    expect(totals.crossReturns).toBeGreaterThan(0);
    expect(totals.flags).toBeGreaterThan(0);
    expect(totals.voids).toBeGreaterThan(0);
    expect(totals.lost).toBeGreaterThan(0);
    if (process.env.BILL_MODEL_DEBUG) console.log(JSON.stringify(totals));
  }, 300_000);
});
