import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildProducts, buildSuppliers } from '../../hub/src/dev/world/catalog.build';
import { Rng } from '../../hub/src/dev/world/random';
import type { ClockSource } from '../src/core/clock/device-clock';
import { StoreCore } from '../src/core/store-core';

export interface TradingShape {
  days: number;
  products: number;
  billsPerDay: number;
  seed: number;
}

export interface BuiltStore {
  file: string;
  shape: TradingShape;
  bills: number;
  lines: number;
  movements: number;
  buildMs: number;
  reused: boolean;
}

const DAY = 86_400_000;

/**
 * A clock for the builder: the simulated shop day moves on with every bill, and the monotonic
 * clock keeps pace with it, so the core sees a PC whose clock simply runs (no jump).
 */
function simulatedClock(startMs: number): ClockSource & { set: (ms: number) => void } {
  let now = startMs;
  return { raw: () => now, mono: () => now - startMs, set: (ms) => (now = Math.max(now, ms)) };
}

/**
 * A store's history built through the real core, as trading would: opening stock, a morning
 * stock-in of a few lines every day, bills of 1–6 lines from 8:00 to 22:00 (bestsellers weighted),
 * a count of 100 products every Sunday. The file is kept (with a marker of its shape) and reused
 * by later runs unless `regenerate`; measurements work on a copy, so it is never changed.
 */
export async function buildTradingStore(dir: string, name: string, shape: TradingShape, regenerate: boolean, log: (m: string) => void): Promise<BuiltStore> {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.db`);
  const markerFile = `${file}.json`;
  if (!regenerate && existsSync(file) && existsSync(markerFile)) {
    const marker = JSON.parse(readFileSync(markerFile, 'utf8')) as BuiltStore;
    if (JSON.stringify(marker.shape) === JSON.stringify(shape)) {
      log(`reusing ${name}: ${shape.days} days, ${marker.bills.toLocaleString('en')} bills, ${marker.movements.toLocaleString('en')} movements`);
      return { ...marker, file, reused: true };
    }
  }
  const started = performance.now();
  const building = `${file}.building`;
  for (const f of [building, `${building}-wal`, `${building}-shm`]) rmSync(f, { force: true });
  const startMs = Date.UTC(2025, 11, 1, 2, 30); // 08:00 in Asia/Kolkata, a year before today
  const clock = simulatedClock(startMs - shape.days * DAY);
  const core = await StoreCore.open(building, { clock, idleCheckpointMs: 60_000 });
  const rng = new Rng(shape.seed);
  await core.initStore({ code: 'YR-01', name: 'A year of trading' });
  const suppliers = buildSuppliers(rng, clock.raw());
  const catalog = buildProducts(rng, shape.products, suppliers, { skuPrefix: '', barcodeTag: '77', createdMs: clock.raw() });
  const csv = ['sku,name,unit,price,barcode,category,cost,reorder_level']
    .concat(catalog.map((p) => [p.sku, `"${p.name.replace(/"/g, '""')}"`, p.unit, (p.priceMinor / 100).toFixed(2), p.barcode, p.category, (p.costMinor / 100).toFixed(2), `${p.reorderLevel}${p.unit === 'pc' ? '' : p.unit}`].join(',')))
    .join('\n');
  const imported = await core.importProducts({ csv });
  if (imported.bad.length) throw new Error(`import: ${imported.bad[0]?.message}`);
  const bigQty = (unit: string) => (unit === 'pc' ? 500 : 200_000);
  for (const p of catalog) await core.stockIn({ product: p.sku, qty: bigQty(p.unit) });

  let bills = 0;
  let lines = 0;
  const dayStart0 = startMs - shape.days * DAY;
  for (let day = 0; day < shape.days; day++) {
    const open = dayStart0 + day * DAY;
    clock.set(open - 30 * 60_000);
    for (let i = 0; i < 8; i++) {
      const p = catalog[rng.int(0, catalog.length - 1)]!;
      await core.stockIn({ product: p.sku, qty: bigQty(p.unit) / 5 });
    }
    for (let b = 0; b < shape.billsPerDay; b++) {
      clock.set(open + Math.floor(((b + rng.next()) / shape.billsPerDay) * 14 * 3_600_000));
      const n = 1 + Math.floor(rng.next() ** 2 * 6);
      const cart = Array.from({ length: n }, () => {
        // A fifth of the catalog makes most of the sales.
        const p = catalog[rng.next() < 0.7 ? rng.int(0, Math.floor(catalog.length / 5)) : rng.int(0, catalog.length - 1)]!;
        return { product: p.barcode ?? p.sku, qty: p.unit === 'pc' ? rng.int(1, 3) : rng.int(1, 20) * 50 };
      });
      await core.sell({ lines: cart });
      bills += 1;
      lines += n;
    }
    if (day % 7 === 6) {
      clock.set(open + 14.5 * 3_600_000);
      const counted = Array.from({ length: 100 }, (_, i) => catalog[(day * 13 + i * 7) % catalog.length]!);
      const unique = [...new Map(counted.map((p) => [p.sku, p])).values()];
      await core.count({ lines: unique.map((p) => ({ product: p.sku, counted: bigQty(p.unit) })) });
    }
    if (day % 30 === 29) log(`${name}: day ${day + 1} of ${shape.days}, ${bills.toLocaleString('en')} bills`);
  }
  const movements = (await core.syncStatus()).lastSeq;
  await core.close();
  renameSync(building, file);
  const built: BuiltStore = { file, shape, bills, lines, movements, buildMs: performance.now() - started, reused: false };
  writeFileSync(markerFile, JSON.stringify(built));
  return built;
}

/** A throw-away copy to measure on (sales and verification write to the file). */
export function workingCopy(file: string, into: string): string {
  const copy = path.join(into, path.basename(file));
  copyFileSync(file, copy);
  return copy;
}
