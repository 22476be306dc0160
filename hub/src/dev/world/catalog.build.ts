import type { BaseUnit } from '@bazaar/shared';
import { LOCALITIES, OWNER_NAMES, REGIONAL_BRANDS, REGIONS, STAFF_FIRST_NAMES, STAPLES, STORE_KINDS, SUPPLIER_GROUPS, type StapleItem } from './catalog.data';
import type { Rng} from './random';
import { uuidv7At } from './random';

export interface GenSupplier {
  id: string;
  name: string;
  phone: string;
  group: StapleItem['supplier'];
}

export interface GenProduct {
  id: string;
  sku: string;
  barcode: string;
  name: string;
  unit: BaseUnit;
  category: string;
  supplierId: string;
  priceMinor: number;
  costMinor: number;
  reorderLevel: number;
}

export interface GenStore {
  id: string;
  code: string;
  name: string;
  region: string;
  location: string;
  varianceThreshold: number;
  deviceId: string;
  deviceNode: string;
  staffUserId: string;
  staffUsername: string;
  staffName: string;
}

const VARIANTS = ['', 'Premium', 'Classic', 'Gold', 'Select', 'Value Pack', 'Family', 'Lite', 'Organic', 'Extra'];

function initials(s: string, n: number): string {
  return s
    .replace(/[^A-Za-z0-9 ]/g, '')
    .split(' ')
    .filter(Boolean)
    .map((w) => w.slice(0, n))
    .join('')
    .toUpperCase()
    .slice(0, 6);
}

/** EAN-13 check digit, so scanners and the desktop lookup see real-looking barcodes. */
export function ean13(first12: string): string {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(first12[i]) * (i % 2 === 0 ? 1 : 3);
  return first12 + String((10 - (sum % 10)) % 10);
}

export function buildSuppliers(rng: Rng, createdMs: number): GenSupplier[] {
  const out: GenSupplier[] = [];
  for (const [group, names] of Object.entries(SUPPLIER_GROUPS) as [StapleItem['supplier'], readonly string[]][]) {
    for (const name of names) {
      out.push({ id: uuidv7At(createdMs), name, phone: `+91 9${rng.int(100000000, 999999999)}`, group });
    }
  }
  return out;
}

/** Every (staple, brand, size, variant) combination, interleaved so popularity spreads over categories. */
function* combinations(): Generator<{ staple: StapleItem; brand: string; size: readonly [string, number]; variant: string; round: number }> {
  for (let round = 0; ; round++) {
    const variant = VARIANTS[round % VARIANTS.length]!;
    const suffix = round >= VARIANTS.length ? ` #${Math.floor(round / VARIANTS.length) + 1}` : '';
    let produced = 0;
    const maxBrands = Math.max(...STAPLES.map((s) => s.brands.length)) + REGIONAL_BRANDS.length;
    for (let b = 0; b < maxBrands; b++) {
      for (const staple of STAPLES) {
        // Loose goods exist once per round: a store does not stock thirty kinds of loose sugar.
        const brands = staple.unit === 'pc' ? [...staple.brands, ...REGIONAL_BRANDS] : staple.brands;
        const brand = brands[b];
        if (brand === undefined) continue;
        if (staple.unit !== 'pc' && round > 0) continue;
        for (const size of staple.sizes) {
          produced++;
          yield { staple, brand, size, variant: `${variant}${suffix}`.trim(), round };
        }
      }
    }
    if (produced === 0) return;
  }
}

export function buildProducts(rng: Rng, n: number, suppliers: GenSupplier[], opts: { skuPrefix: string; barcodeTag: string; createdMs: number }): GenProduct[] {
  const byGroup = new Map<string, GenSupplier[]>();
  for (const s of suppliers) byGroup.set(s.group, [...(byGroup.get(s.group) ?? []), s]);
  const out: GenProduct[] = [];
  const skus = new Set<string>();
  for (const { staple, brand, size, variant } of combinations()) {
    if (out.length >= n) break;
    const [label, basePrice] = size;
    const loose = staple.unit !== 'pc';
    const name = loose ? staple.item : [brand, variant, staple.item, label].filter(Boolean).join(' ');
    let sku = `${opts.skuPrefix}${initials(brand, 3)}-${initials(staple.item, 2)}${label ? `-${label.replace(/[^0-9A-Za-z]/g, '').toUpperCase()}` : ''}${variant ? `-${initials(variant, 2)}` : ''}`;
    const base = sku;
    for (let k = 2; skus.has(sku); k++) sku = `${base}-V${k}`;
    skus.add(sku);
    // Brands and variants price around the typical shelf price.
    const priceMinor = Math.max(100, Math.round((basePrice * (0.85 + rng.next() * 0.3)) / 100) * 100);
    const costMinor = Math.round(priceMinor * (0.78 + rng.next() * 0.1));
    const reorderLevel = staple.unit === 'g' ? rng.int(5, 25) * 1000 : staple.unit === 'ml' ? rng.int(2, 10) * 1000 : out.length < 200 ? rng.int(10, 24) : rng.int(3, 12);
    const group = byGroup.get(staple.supplier) ?? suppliers;
    out.push({
      id: uuidv7At(opts.createdMs),
      sku,
      barcode: ean13(`890${opts.barcodeTag}${String(out.length).padStart(7, '0')}`),
      name,
      unit: staple.unit,
      category: staple.category,
      supplierId: rng.pick(group).id,
      priceMinor,
      costMinor,
      reorderLevel,
    });
  }
  if (out.length < n) throw new Error(`catalog: could only build ${out.length} of ${n} products`);
  return out;
}

export function buildStores(rng: Rng, n: number, opts: { codePrefix: string; createdMs: number }): GenStore[] {
  const regions = Object.entries(REGIONS);
  const out: GenStore[] = [];
  for (let i = 0; i < n; i++) {
    const [region, cities] = regions[i % regions.length]!;
    const city = rng.pick(cities);
    const owner = rng.pick(OWNER_NAMES);
    const code = `${opts.codePrefix}ST${String(i + 1).padStart(4, '0')}`;
    const deviceId = uuidv7At(opts.createdMs);
    const first = rng.pick(STAFF_FIRST_NAMES);
    out.push({
      id: uuidv7At(opts.createdMs),
      code,
      name: `${owner} ${rng.pick(STORE_KINDS)}`,
      region,
      location: `${rng.pick(LOCALITIES)}, ${city}`,
      varianceThreshold: 10,
      deviceId,
      deviceNode: deviceId.replace(/-/g, '').slice(-16),
      staffUserId: uuidv7At(opts.createdMs),
      staffUsername: `${first.toLowerCase()}.${code.toLowerCase()}`,
      staffName: `${first} ${owner}`,
    });
  }
  return out;
}
