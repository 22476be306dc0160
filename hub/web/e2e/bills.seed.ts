import { billSchema, HybridLogicalClock, uuidv7, type Bill, type Payment, type Product, type ShiftReport, type Store } from '@bazaar/shared';
import { PASSWORD, type ApiSeeder } from './seed';

/** A counter as the desktop is to the hub: enrolled by a manager, pushing movements with their bills. */
export class Counter {
  private seq = 0;
  private no = 0;
  private readonly clock: HybridLogicalClock;
  constructor(
    private readonly api: ApiSeeder,
    readonly store: Store,
    readonly code: string,
    private readonly device: { id: string; node: string },
    private readonly token: string,
  ) {
    this.clock = new HybridLogicalClock({ node: device.node });
  }

  static async enroll(api: ApiSeeder, store: Store, name: string, code: string): Promise<Counter> {
    const r = await api.call<{ device: { id: string; node: string }; token: string }>('POST', '/devices', { storeId: store.id, name });
    return new Counter(api, store, code, r.device, r.token);
  }

  /** Record a bill of `lines` (qty × product) as this counter numbers it, and push it with its movements. */
  async sell(lines: { product: Product; qty: number; direction?: 'sale' | 'return' }[], payments: Payment[], extra: Partial<Bill> = {}): Promise<Bill> {
    const id = uuidv7();
    this.no += 1;
    const billLines = lines.map((l, i) => {
      const sign = l.direction === 'return' ? -1 : 1;
      const gross = l.qty * l.product.priceMinor;
      return {
        lineNo: i + 1,
        direction: l.direction ?? 'sale',
        productId: l.product.id,
        sku: l.product.sku,
        name: l.product.name,
        unit: l.product.unit,
        qty: l.qty,
        listPriceMinor: l.product.priceMinor,
        unitPriceMinor: l.product.priceMinor,
        unitCostMinor: l.product.costMinor,
        discount: null,
        grossMinor: gross,
        lineDiscountMinor: 0,
        billDiscountMinor: 0,
        totalMinor: sign * gross,
        returnOf: null,
        disposition: l.direction === 'return' ? ('restock' as const) : null,
      };
    });
    const total = billLines.reduce((a, l) => a + l.totalMinor, 0);
    const bill = billSchema.parse({
      id,
      number: `${this.store.code}-${this.code}-${String(this.no).padStart(6, '0')}`,
      storeId: this.store.id,
      storeCode: this.store.code,
      counterCode: this.code,
      counterNo: this.no,
      deviceId: this.device.id,
      kind: 'sale',
      status: 'completed',
      originalBillId: null,
      originalNumber: null,
      shiftId: null,
      cashier: { id: null, name: 'Sana Malik' },
      approvedBy: null,
      reason: null,
      lines: billLines,
      billDiscount: null,
      subtotalMinor: total,
      discountMinor: 0,
      roundingMinor: 0,
      totalMinor: total,
      payments,
      changeMinor: payments.reduce((a, p) => a + (p.changeMinor ?? 0), 0),
      occurredAt: new Date().toISOString(),
      void: null,
      ...extra,
    });
    await this.push(bill, lines.map((l) => ({ productId: l.product.id, qty: l.direction === 'return' ? l.qty : -l.qty, kind: l.direction === 'return' ? 'ADJUST' : 'SALE' })));
    return bill;
  }

  /** A manager voids a bill at the counter: its movements are reversed and the voided copy travels with them. */
  async void(bill: Bill, reason: string): Promise<Bill> {
    const voided = billSchema.parse({ ...bill, status: 'voided', void: { at: new Date().toISOString(), by: { id: null, name: 'Imran Qureshi' }, reason } });
    await this.push(voided, bill.lines.map((l) => ({ productId: l.productId, qty: l.direction === 'return' ? -l.qty : l.qty, kind: 'ADJUST' })));
    return voided;
  }

  /** Push a shift's report as the counter does when the shift opens or closes (no movements). */
  async pushShift(report: ShiftReport): Promise<void> {
    await this.api.call('POST', '/sync/push', { movements: [], shifts: [report] }, this.token);
  }

  private async push(bill: Bill, moves: { productId: string; qty: number; kind: string }[]) {
    const movements = moves.map((m) => ({ id: uuidv7(), seq: ++this.seq, hlc: this.clock.now(), kind: m.kind, productId: m.productId, qty: m.qty, batchId: bill.id, occurredAt: bill.void?.at ?? bill.occurredAt }));
    await this.api.call('POST', '/sync/push', { movements, bills: [bill] }, this.token);
  }
}

/**
 * Two stores on Karachi's clock, a counter in each, and the bills of a morning: a cash sale
 * with change, a split payment, a return against the first sale, a voided bill, and one bill in
 * the store the manager does not run.
 */
export async function seedBills(api: ApiSeeder) {
  await api.register('owner', 'Asha Rao', PASSWORD);
  const store = (code: string, name: string) => api.call<Store>('POST', '/stores', { code, name, region: 'Sindh', location: `${name} market`, timeZone: 'Asia/Karachi' });
  const saddar = await store('KHI-01', 'Saddar');
  const clifton = await store('KHI-02', 'Clifton');
  const supplier = await api.supplier('Indus Traders', '+92 21 3500 1000');
  const product = (sku: string, name: string, priceMinor: number) =>
    api.product({ sku, name, unit: 'pc', category: 'Staples', supplierId: supplier.id, priceMinor, costMinor: priceMinor - 500, reorderLevel: 2 });
  const atta = await product('ATTA-5', 'Chakki Atta 5 kg', 95000);
  const tea = await product('TEA-TAPAL-250', 'Tapal Danedar 250 g', 42000);
  for (const s of [saddar, clifton]) for (const p of [atta, tea]) await api.move(s.id, p.id, 'IN', 50);
  const till = await Counter.enroll(api, saddar, 'Front till', 'C1');
  const far = await Counter.enroll(api, clifton, 'Clifton till', 'C1');
  const counters = { till, far };

  const cash = await till.sell([{ product: atta, qty: 2 }, { product: tea, qty: 1 }], [{ method: 'cash', amountMinor: 232000, tenderedMinor: 250000, changeMinor: 18000 }]);
  const split = await till.sell([{ product: tea, qty: 3 }], [{ method: 'cash', amountMinor: 60000, tenderedMinor: 60000, changeMinor: 0 }, { method: 'jazzcash', amountMinor: 66000 }], {
    cashier: { id: null, name: 'Bilal Ahmed' },
  });
  const ret = await till.sell([{ product: tea, qty: 1, direction: 'return' }], [{ method: 'cash', amountMinor: -42000 }], {
    kind: 'return',
    originalBillId: cash.id,
    originalNumber: cash.number,
  });
  const rang = await till.sell([{ product: atta, qty: 1 }], [{ method: 'card', amountMinor: 95000 }]);
  const voided = await till.void(rang, 'rang up twice');
  const other = await far.sell([{ product: atta, qty: 1 }], [{ method: 'cash', amountMinor: 95000, tenderedMinor: 100000, changeMinor: 5000 }], { cashier: { id: null, name: 'Zara Khan' } });
  await api.user('imran', 'Imran Qureshi', PASSWORD, 'manager', [saddar.id]);
  return { saddar, clifton, cash, split, ret, voided, other, counters };
}
