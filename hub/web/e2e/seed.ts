import type { LoginResult, Product, Store, Supplier, User } from '@bazaar/shared';

/** Seeds a hub through its public API only, as an operator would. */
export class ApiSeeder {
  token = '';
  constructor(readonly base: string) {}

  async call<T>(method: string, path: string, body?: unknown, token = this.token): Promise<T> {
    const res = await fetch(`${this.base}/api/v1${path}`, {
      method,
      headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(body ? { 'Content-Type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${text}`);
    return (text ? JSON.parse(text) : null) as T;
  }

  async register(username: string, name: string, password: string): Promise<LoginResult> {
    const r = await this.call<LoginResult>('POST', '/auth/register', { username, name, password }, '');
    this.token = r.token;
    return r;
  }
  store(code: string, name: string, region: string) {
    return this.call<Store>('POST', '/stores', { code, name, region, location: `${name} market road` });
  }
  supplier(name: string, phone: string) {
    return this.call<Supplier>('POST', '/suppliers', { name, phone });
  }
  product(p: { sku: string; name: string; unit: 'pc' | 'g' | 'ml'; category: string; supplierId: string; priceMinor: number; costMinor: number; reorderLevel: number }) {
    return this.call<Product>('POST', '/products', p);
  }
  move(storeId: string, productId: string, kind: 'IN' | 'SALE' | 'REMOVE', qty: number, occurredAt?: string) {
    return this.call('POST', '/stock-movements', {
      storeId,
      productId,
      kind,
      qty,
      ...(occurredAt ? { occurredAt } : {}),
      ...(kind === 'SALE' ? { unitPriceMinor: 5000 } : {}),
      ...(kind === 'REMOVE' ? { reason: 'damage' } : {}),
    });
  }
  user(username: string, name: string, password: string, role: 'manager' | 'staff', storeIds: string[]) {
    return this.call<User>('POST', '/users', { username, name, password, role, storeIds });
  }
}

export const PASSWORD = 'bazaar-demo-pass-2026';

/**
 * Four stores in three regions, six products, and movements that leave store BLR-01 with
 * two low items and one out-of-stock item. Returns what the assertions need.
 */
export async function seedHub(api: ApiSeeder) {
  await api.register('owner', 'Asha Rao', PASSWORD);
  const jay = await api.store('BLR-01', 'Jayanagar', 'South');
  const ind = await api.store('BLR-02', 'Indiranagar', 'South');
  const kb = await api.store('DEL-01', 'Karol Bagh', 'North');
  const dadar = await api.store('MUM-01', 'Dadar', 'West');
  const stores = [jay, ind, kb, dadar];
  const agro = await api.supplier('Deccan Agro Traders', '+91 80 4000 1000');
  const fmcg = await api.supplier('Sri Lakshmi FMCG', '+91 80 4000 2000');
  const spec = [
    { sku: 'RICE-SONA-5', name: 'Sona Masoori Rice', unit: 'g' as const, category: 'Staples', supplierId: agro.id, priceMinor: 6200, costMinor: 5400, reorderLevel: 10_000 },
    { sku: 'ATTA-AASH-10', name: 'Aashirvaad Atta 10 kg', unit: 'pc' as const, category: 'Staples', supplierId: agro.id, priceMinor: 48500, costMinor: 44000, reorderLevel: 6 },
    { sku: 'DAL-TOOR-1', name: 'Toor Dal 1 kg', unit: 'pc' as const, category: 'Pulses', supplierId: agro.id, priceMinor: 16500, costMinor: 14200, reorderLevel: 8 },
    { sku: 'OIL-SUN-1L', name: 'Sunflower Oil', unit: 'ml' as const, category: 'Oils', supplierId: fmcg.id, priceMinor: 15500, costMinor: 13800, reorderLevel: 5_000 },
    { sku: 'SOAP-LUX-100', name: 'Lux Soap 100 g', unit: 'pc' as const, category: 'Personal care', supplierId: fmcg.id, priceMinor: 4500, costMinor: 3600, reorderLevel: 12 },
    { sku: 'TEA-RED-250', name: 'Red Label Tea 250 g', unit: 'pc' as const, category: 'Beverages', supplierId: fmcg.id, priceMinor: 14000, costMinor: 12100, reorderLevel: 10 },
  ];
  const products: Product[] = [];
  for (const p of spec) products.push(await api.product(p));
  const [rice, atta, dal, oil, soap, tea] = products as [Product, Product, Product, Product, Product, Product];

  // Healthy stock everywhere first, received three weeks ago.
  const day = 86_400_000;
  const ago = (days: number) => new Date(Date.now() - days * day).toISOString();
  const healthy: [Product, number][] = [[rice, 50_000], [atta, 40], [dal, 30], [oil, 20_000], [soap, 60], [tea, 35]];
  for (const s of stores) for (const [p, q] of healthy) await api.move(s.id, p.id, 'IN', q, ago(21));
  // Two weeks of steady trade, so the sales chart has a shape (none of it crosses a reorder level).
  for (let d = 14; d >= 1; d--) {
    await api.move(dadar.id, rice.id, 'SALE', -250 * (1 + (d % 4)), ago(d));
    await api.move(ind.id, tea.id, 'SALE', -(1 + (d % 2)), ago(d));
  }
  // Jayanagar: atta and soap run low, tea sells out; Dadar: dal low.
  await api.move(jay.id, atta.id, 'SALE', -36);
  await api.move(jay.id, soap.id, 'SALE', -50);
  await api.move(jay.id, tea.id, 'SALE', -35);
  await api.move(dadar.id, dal.id, 'SALE', -25);
  await api.move(kb.id, oil.id, 'REMOVE', -1_000);
  // A sale the shelf could not cover: the hub keeps it and flags NEGATIVE_STOCK for review.
  await api.move(jay.id, tea.id, 'SALE', -2);
  // A busy till: enough sale lines that the movement list needs a second page.
  for (let i = 0; i < 30; i++) await api.move(ind.id, rice.id, 'SALE', -250);

  const manager = await api.user('meera', 'Meera Iyer', PASSWORD, 'manager', [kb.id, dadar.id]);
  return { stores, jay, ind, kb, dadar, products, atta, soap, tea, dal, manager };
}
