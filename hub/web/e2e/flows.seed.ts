import { formatPurchaseNumber, goodsReceiptSchema, HybridLogicalClock, receiptTotals, uuidv7, type GoodsReceipt, type Product, type PurchaseOrder, type Store, type Transfer, type TransferView } from '@bazaar/shared';
import { PASSWORD, type ApiSeeder } from './seed';

/** A counter as the desktop is to the hub: it dispatches and counts in transfers and enters suppliers' bills, each with its movements. */
class Counter {
  private seq = 0;
  private receipts = 0;
  private readonly clock: HybridLogicalClock;
  private constructor(
    private readonly api: ApiSeeder,
    readonly store: Store,
    private readonly device: { id: string; node: string },
    private readonly token: string,
  ) {
    this.clock = new HybridLogicalClock({ node: device.node });
  }

  static async enroll(api: ApiSeeder, store: Store, name: string): Promise<Counter> {
    const r = await api.call<{ device: { id: string; node: string }; token: string }>('POST', '/devices', { storeId: store.id, name });
    return new Counter(api, store, r.device, r.token);
  }

  private move(kind: string, productId: string, qty: number, batchId: string, extra: Record<string, unknown> = {}) {
    return { id: uuidv7(), seq: ++this.seq, hlc: this.clock.now(), kind, productId, qty, batchId, occurredAt: new Date().toISOString(), ...extra };
  }

  /** Dispatch head office's draft as planned: the stock leaves this store now. */
  async dispatch(view: TransferView): Promise<Transfer> {
    const doc: Transfer = { ...plain(view), status: 'dispatched', dispatchedAt: new Date().toISOString(), dispatchedBy: { id: null, name: 'Bilal Ahmed' } };
    const movements = doc.lines.map((l) => this.move('TRANSFER_OUT', l.productId, -l.qtySent, doc.id));
    await this.api.call('POST', '/sync/push', { movements, transfers: [doc] }, this.token);
    return doc;
  }

  /** Count some lines in ([good, damaged] per product); the others stay in transit. */
  async receive(doc: Transfer, counted: Record<string, [number, number]>): Promise<void> {
    const at = new Date().toISOString();
    const got: Transfer = {
      ...doc,
      lines: doc.lines.map((l) => (counted[l.productId] ? { ...l, qtyReceived: counted[l.productId]![0], qtyDamaged: counted[l.productId]![1] } : l)),
      receivedAt: at,
      receivedBy: { id: null, name: 'Zara Khan' },
    };
    const movements = Object.entries(counted).map(([p, [q]]) => this.move('TRANSFER_IN', p, q, doc.id));
    await this.api.call('POST', '/sync/push', { movements, transfers: [got] }, this.token);
  }

  /** Enter the supplier's bill against an order (a partial delivery when it brings less). */
  async receiveBill(po: PurchaseOrder, lines: { product: Product; qty: number }[], billNo: string): Promise<GoodsReceipt> {
    this.receipts += 1;
    const full = lines.map((l, i) => ({ lineNo: i + 1, productId: l.product.id, sku: l.product.sku, name: l.product.name, unit: l.product.unit, receivedQty: l.qty, costMinor: l.product.costMinor, taxMinor: 0, onHandBeforeQty: 0 }));
    const receipt = goodsReceiptSchema.parse({
      id: uuidv7(),
      number: formatPurchaseNumber('receipt', this.store.code, 'C1', this.receipts),
      storeId: this.store.id,
      storeCode: this.store.code,
      counterCode: 'C1',
      counterNo: this.receipts,
      deviceId: this.device.id,
      supplierId: po.supplierId,
      supplierName: po.supplierName,
      poId: po.id,
      poNumber: po.number,
      supplierBillNo: billNo,
      supplierBillDate: new Date().toISOString().slice(0, 10),
      lines: full,
      ...receiptTotals(full),
      receivedBy: { id: null, name: 'Bilal Ahmed' },
      occurredAt: new Date().toISOString(),
    });
    const movements = full.map((l) => this.move('IN', l.productId, l.receivedQty, receipt.id, { supplierId: po.supplierId, unitCostMinor: l.costMinor }));
    await this.api.call('POST', '/sync/push', { movements, goodsReceipts: [receipt] }, this.token);
    return receipt;
  }
}

function plain(v: TransferView): Transfer {
  const { fromStore: _f, toStore: _t, lines, ...rest } = v;
  return { ...rest, lines: lines.map(({ discrepancy: _d, inTransit: _i, writtenOff: _w, ...l }) => l) };
}

const DAY = 86_400_000;
// A day counted in the stores' own zone: the expiry report speaks in store-local days, so a UTC date
// would be a day off whenever the test runs between 19:00 and 24:00 UTC.
const karachiDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Karachi', year: 'numeric', month: '2-digit', day: '2-digit' });
const day = (offset: number) => karachiDate.format(new Date(Date.now() + offset * DAY));

/**
 * Three stores on Karachi's clock, one supplier, and the stock flows of a fortnight: a transfer
 * Saddar → Clifton dispatched and partly counted in (a piece short, one damaged, the rice still on
 * its way), a planned transfer Clifton → Lahore, a head-office order partly delivered, atta and tea
 * selling fast enough to reorder, and milk with one batch expired and one expiring.
 */
export async function seedFlows(api: ApiSeeder) {
  await api.register('owner', 'Asha Rao', PASSWORD);
  const store = (code: string, name: string, region: string) => api.call<Store>('POST', '/stores', { code, name, region, location: `${name} market`, timeZone: 'Asia/Karachi' });
  const saddar = await store('KHI-01', 'Saddar', 'Sindh');
  const clifton = await store('KHI-02', 'Clifton', 'Sindh');
  const lahore = await store('LHR-01', 'Anarkali', 'Punjab');
  const indus = await api.supplier('Indus Traders', '+92 21 3500 1000');
  const dairy = await api.supplier('Nurpur Dairy', '+92 42 3500 2000');
  const atta = await api.product({ sku: 'ATTA-5', name: 'Chakki Atta 5 kg', unit: 'pc', category: 'Staples', supplierId: indus.id, priceMinor: 95000, costMinor: 90000, reorderLevel: 5 });
  const rice = await api.product({ sku: 'RICE-LOOSE', name: 'Basmati Rice (loose)', unit: 'g', category: 'Staples', supplierId: indus.id, priceMinor: 32000, costMinor: 28000, reorderLevel: 2000 });
  const tea = await api.product({ sku: 'TEA-TAPAL-250', name: 'Tapal Danedar 250 g', unit: 'pc', category: 'Beverages', supplierId: indus.id, priceMinor: 42000, costMinor: 39000, reorderLevel: 4 });
  const milk = await api.product({ sku: 'MILK-1L', name: 'Nurpur Milk 1 L', unit: 'pc', category: 'Dairy', supplierId: dairy.id, priceMinor: 22000, costMinor: 20000, reorderLevel: 6 });

  const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString();
  for (const s of [saddar, clifton, lahore]) {
    await api.move(s.id, atta.id, 'IN', 60, ago(20));
    await api.move(s.id, rice.id, 'IN', 20_000, ago(20));
    await api.move(s.id, tea.id, 'IN', 30, ago(20));
  }
  // Milk in two batches at Saddar and one at Clifton: one past its day, the others due soon.
  const batch = (s: Store, qty: number, lot: string, expiresOn: string) => api.call('POST', '/stock-movements', { storeId: s.id, productId: milk.id, kind: 'IN', qty, lot, expiresOn, occurredAt: ago(10) });
  await batch(saddar, 12, 'NP-0411', day(-2));
  await batch(saddar, 24, 'NP-0419', day(3));
  await batch(clifton, 18, 'NP-0420', day(5));
  // Two weeks of steady sales: atta and tea run down at Saddar and Anarkali.
  for (let d = 14; d >= 1; d--) {
    await api.move(saddar.id, atta.id, 'SALE', -3, ago(d));
    await api.move(saddar.id, tea.id, 'SALE', -2, ago(d));
    await api.move(lahore.id, atta.id, 'SALE', -4, ago(d));
  }

  const saddarTill = await Counter.enroll(api, saddar, 'Saddar till');
  const cliftonTill = await Counter.enroll(api, clifton, 'Clifton till');
  const planned = await api.call<TransferView>('POST', '/transfers', { fromStoreId: saddar.id, toStoreId: clifton.id, lines: [{ productId: atta.id, qty: 10 }, { productId: rice.id, qty: 2_500 }], note: 'For the weekend rush' });
  const sent = await saddarTill.dispatch(planned);
  await cliftonTill.receive(sent, { [atta.id]: [8, 1] });
  const draft = await api.call<TransferView>('POST', '/transfers', { fromStoreId: clifton.id, toStoreId: lahore.id, lines: [{ productId: tea.id, qty: 6 }] });

  const po = await api.call<PurchaseOrder>('POST', '/purchase-orders', { storeId: clifton.id, supplierId: indus.id, lines: [{ productId: atta.id, orderedQty: 20 }, { productId: tea.id, orderedQty: 12 }], status: 'sent' });
  const receipt = await cliftonTill.receiveBill(po, [{ product: atta, qty: 20 }, { product: tea, qty: 5 }], 'INV-7781');

  await api.user('imran', 'Imran Qureshi', PASSWORD, 'manager', [saddar.id]);
  return { saddar, clifton, lahore, indus, dairy, atta, rice, tea, milk, planned, draft, po, receipt };
}
