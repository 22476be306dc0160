import type { CounterApi } from '../../src/bridge/api-operations';

/** A small kiryana catalogue: counted goods, weighed rice, measured oil; one low, one out. */
export const catalogue = [
  { sku: 'SOAP-LUX-100', barcode: '8901030000017', name: 'Lux soap 100 g', unit: 'pc', category: 'Personal care', priceMinor: 4500, costMinor: 3800, reorderLevel: 10, stock: 48 },
  { sku: 'BISC-PG-250', barcode: '8901063000029', name: 'Parle-G biscuits 250 g', unit: 'pc', category: 'Snacks', priceMinor: 3000, costMinor: 2500, reorderLevel: 12, stock: 60 },
  { sku: 'RICE-BAS-LOOSE', barcode: '2000000000039', name: 'Basmati rice (loose)', unit: 'g', category: 'Staples', priceMinor: 12000, costMinor: 9500, reorderLevel: 5000, stock: 40000 },
  { sku: 'OIL-SUN-1L', barcode: '8906000000041', name: 'Sunflower oil', unit: 'ml', category: 'Staples', priceMinor: 16500, costMinor: 14000, reorderLevel: 3000, stock: 12000 },
  { sku: 'TEA-TT-500', barcode: '8901052000050', name: 'Tata Tea Premium 500 g', unit: 'pc', category: 'Beverages', priceMinor: 28000, costMinor: 24500, reorderLevel: 6, stock: 4 },
  { sku: 'MATCH-SHIP-10', barcode: '8901000000067', name: 'Ship matches (10 boxes)', unit: 'pc', category: 'Household', priceMinor: 2000, costMinor: 1500, reorderLevel: 5, stock: 0 },
  { sku: 'DAL-TOOR-1KG', barcode: '8901000000074', name: 'Toor dal 1 kg', unit: 'pc', category: 'Staples', priceMinor: 16000, costMinor: 13500, reorderLevel: 8, stock: 25 },
  { sku: 'SUGAR-LOOSE', barcode: '2000000000084', name: 'Sugar (loose)', unit: 'g', category: 'Staples', priceMinor: 4600, costMinor: 4000, reorderLevel: 10000, stock: 8000 },
] as const;

export type SeedProduct = (typeof catalogue)[number];

/** A catalogue product as the counter's and the hub's product APIs take it. */
export function productBody(p: SeedProduct, supplierId: string) {
  const { sku, barcode, name, unit, category, priceMinor, costMinor, reorderLevel } = p;
  return { sku, barcode, name, unit, category, supplierId, priceMinor, costMinor, reorderLevel };
}

/** Stand-alone seeding through the counter's own API (the same one the screens use). */
export async function seedLocalCatalogue(api: CounterApi): Promise<void> {
  const supplier = await api.addSupplier({ name: 'Agarwal Wholesale', phone: '+91 98100 00000' });
  for (const p of catalogue) {
    await api.addProduct(productBody(p, supplier.id));
    if (p.stock > 0) await api.stockIn({ product: p.sku, qty: p.stock, unitCostMinor: p.costMinor, supplier: supplier.id });
  }
}

/** A Lahore store with its owner Asif (admin) signed in and the catalogue stocked. */
export async function seedSignedInStore(api: CounterApi, pin: string): Promise<void> {
  await api.initStore({ code: 'LHR-01', name: 'Lahore General Store' });
  await api.createUser({ username: 'asif', name: 'Asif Khan', role: 'admin', pin });
  await api.signIn({ username: 'asif', pin });
  await seedLocalCatalogue(api);
}
