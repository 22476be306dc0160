import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { buildProducts, buildSuppliers } from '../../hub/src/dev/world/catalog.build';
import { Rng } from '../../hub/src/dev/world/random';
import { StoreCore } from '../src/core/store-core';

/**
 * Counter sale latency through the real desktop core on a file database (WAL, synchronous=FULL),
 * against a raw better-sqlite3 baseline doing the least a sale must: one insert and one stock
 * update per line in one transaction, same pragmas, same file system, same run. Plus barcode
 * lookup among 50,000 products. `--json` prints one JSON object for `pnpm bench`.
 */

interface Lat {
  p50: number;
  p99: number;
  n: number;
}

function lat(samples: number[]): Lat {
  const s = [...samples].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * (s.length - 1)))]!;
  return { p50: q(0.5), p99: q(0.99), n: s.length };
}

async function main() {
  const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false }, json: { type: 'boolean', default: false }, runs: { type: 'string' } }, strict: false });
  const quick = Boolean(values.quick);
  const runs = Number(values.runs ?? 3);
  const sales = quick ? 400 : 2000;
  const lookups = quick ? 2000 : 10000;
  // --quick imports a 10,000-product catalog (the CSV import dominates its time); the default is the 50,000 of the issue.
  const productCount = quick ? 10_000 : 50_000;
  const log = (m: string) => {
    if (!values.json) console.log(m);
    else process.stderr.write(`${m}\n`);
  };

  const dir = mkdtempSync(path.join(tmpdir(), 'bazaar-bench-sale-'));
  try {
    const rng = new Rng(11);
    const suppliers = buildSuppliers(rng, Date.now());
    const products = buildProducts(rng, productCount, suppliers, { skuPrefix: '', barcodeTag: '00', createdMs: Date.now() });
    const csv = ['sku,name,unit,price,barcode,category,cost,reorder_level']
      .concat(products.map((p) => [p.sku, `"${p.name.replace(/"/g, '""')}"`, p.unit, (p.priceMinor / 100).toFixed(2), p.barcode, p.category, (p.costMinor / 100).toFixed(2), p.reorderLevel].join(',')))
      .join('\n');

    const core = await StoreCore.open(path.join(dir, 'store.db'));
    await core.initStore({ code: 'S1', name: 'Sharma Kirana' });
    log(`importing ${productCount} products into the core`);
    const imported = await core.importProducts({ csv });
    if (imported.bad.length) throw new Error(`import: ${imported.bad.length} bad rows, first: ${imported.bad[0]?.message}`);
    const packed = products.filter((p) => p.unit === 'pc');
    for (const p of packed.slice(0, 300)) await core.stockIn({ product: p.barcode, qty: 1000 });

    const raw = new Database(path.join(dir, 'raw.db'));
    raw.pragma('journal_mode = WAL');
    raw.pragma('synchronous = FULL');
    raw.exec(`CREATE TABLE stock (product_id TEXT PRIMARY KEY, qty INTEGER NOT NULL);
              CREATE TABLE movements (id TEXT PRIMARY KEY, product_id TEXT NOT NULL, qty INTEGER NOT NULL, unit_price_minor INTEGER, occurred_at TEXT NOT NULL);`);
    const insStock = raw.prepare('INSERT INTO stock (product_id, qty) VALUES (?, 1000)');
    raw.transaction(() => products.forEach((p) => insStock.run(p.id)))();
    const insMove = raw.prepare('INSERT INTO movements (id, product_id, qty, unit_price_minor, occurred_at) VALUES (?, ?, ?, ?, ?)');
    const updStock = raw.prepare('UPDATE stock SET qty = qty + ? WHERE product_id = ?');
    let rawId = 0;
    const rawSale = raw.transaction((lines: { id: string; qty: number; price: number }[]) => {
      for (const l of lines) {
        insMove.run(`m${++rawId}`, l.id, -l.qty, l.price, new Date().toISOString());
        updStock.run(-l.qty, l.id);
      }
    });

    const popular = packed.slice(0, 300);
    const cart = () => [0, 1, 2].map(() => popular[rng.int(0, popular.length - 1)]!);
    const coreRuns: Lat[] = [];
    const rawRuns: Lat[] = [];
    for (let w = 0; w < 30; w++) {
      await core.sell({ lines: cart().map((p) => ({ product: p.barcode, qty: 1 })) });
      rawSale(cart().map((p) => ({ id: p.id, qty: 1, price: p.priceMinor })));
    }
    for (let r = 0; r < runs; r++) {
      log(`run ${r + 1}/${runs}: ${sales} three-line sales, core then raw`);
      const c: number[] = [];
      for (let i = 0; i < sales; i++) {
        const lines = cart().map((p) => ({ product: p.barcode, qty: rng.int(1, 2) }));
        const t0 = performance.now();
        await core.sell({ lines });
        c.push(performance.now() - t0);
      }
      coreRuns.push(lat(c));
      const b: number[] = [];
      for (let i = 0; i < sales; i++) {
        const lines = cart().map((p) => ({ id: p.id, qty: rng.int(1, 2), price: p.priceMinor }));
        const t0 = performance.now();
        rawSale(lines);
        b.push(performance.now() - t0);
      }
      rawRuns.push(lat(b));
    }

    const lookupRuns: Lat[] = [];
    const rawLookupRuns: Lat[] = [];
    const byBarcode = core.connection.prepare('SELECT * FROM products WHERE barcode = ?');
    for (let r = 0; r < runs; r++) {
      log(`run ${r + 1}/${runs}: ${lookups} barcode lookups among ${productCount} products`);
      const l: number[] = [];
      const rl: number[] = [];
      for (let i = 0; i < lookups; i++) {
        const code = products[rng.int(0, products.length - 1)]!.barcode;
        const t0 = performance.now();
        await core.findProduct({ code });
        l.push(performance.now() - t0);
        const t1 = performance.now();
        byBarcode.get(code);
        rl.push(performance.now() - t1);
      }
      lookupRuns.push(lat(l));
      rawLookupRuns.push(lat(rl));
    }
    raw.close();
    await core.close();

    const out = { sales, lookups, products: productCount, runs, core: coreRuns, raw: rawRuns, lookup: lookupRuns, rawLookup: rawLookupRuns, pragmas: 'WAL, synchronous=FULL' };
    if (values.json) process.stdout.write(`${JSON.stringify(out)}\n`);
    else {
      const med = (xs: Lat[], k: 'p50' | 'p99') => [...xs.map((x) => x[k])].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
      console.log(`core sale   p50 ${med(coreRuns, 'p50').toFixed(3)} ms  p99 ${med(coreRuns, 'p99').toFixed(3)} ms`);
      console.log(`raw sale    p50 ${med(rawRuns, 'p50').toFixed(3)} ms  p99 ${med(rawRuns, 'p99').toFixed(3)} ms`);
      console.log(`core lookup p50 ${med(lookupRuns, 'p50').toFixed(3)} ms  p99 ${med(lookupRuns, 'p99').toFixed(3)} ms`);
      console.log(`raw lookup  p50 ${med(rawLookupRuns, 'p50').toFixed(3)} ms  p99 ${med(rawLookupRuns, 'p99').toFixed(3)} ms`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(`counter-sale bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  process.exit(1);
});
