import type { StoreCore } from '../store-core';
import { tempStore } from '../testing/temp-store';

export { expectError } from '../testing/expect-error';

/** A store with three products, a manager (meena, PIN 1234) and a cashier (sami, PIN 5678) signed in. */
export async function billStore(opts: { users?: boolean } = {}) {
  const store = await tempStore();
  const { core } = store;
  await core.addProduct({ sku: 'ATTA-5', barcode: '8901234567890', name: 'Aashirvaad Atta 5kg', unit: 'pc', priceMinor: 26500, costMinor: 24000, reorderLevel: 5 });
  await core.addProduct({ sku: 'RICE', name: 'Sona Masoori Rice', unit: 'g', priceMinor: 6000, costMinor: 5200, reorderLevel: 5000 });
  await core.addProduct({ sku: 'SOAP', name: 'Lux Soap', unit: 'pc', priceMinor: 4500, costMinor: 3800, reorderLevel: 10 });
  for (const sku of ['ATTA-5', 'RICE', 'SOAP']) await core.stockIn({ product: sku, qty: sku === 'RICE' ? 50_000 : 50 });
  if (opts.users !== false) {
    await core.createUser({ username: 'meena', name: 'Meena', role: 'manager', pin: '1234' });
    await core.signIn({ username: 'meena', pin: '1234' });
    await core.createUser({ username: 'sami', name: 'Sami', role: 'staff', pin: '5678' });
    await core.signIn({ username: 'sami', pin: '5678' });
  }
  return store;
}

export const manager = { username: 'meena', pin: '1234' };

export async function qtyOf(core: StoreCore, sku: string): Promise<number> {
  return (await core.findProduct({ code: sku })).qty;
}
