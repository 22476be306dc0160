import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { StoreCore } from '../src/core/store-core';
import { buildTradingStore, workingCopy, type BuiltStore, type TradingShape } from './counter-year.build';

/**
 * The counter after a year of trading, against a month-old store in the same run: open, sale,
 * barcode lookup, name search, the stock list, every history filter, the header's sync status,
 * verifying the audit chain (and how long a scan waits meanwhile), and, with `--hub URL --token
 * ADMIN_TOKEN`, the first sync of a stand-alone store that enrols only now (push, then pull).
 * `--json` prints one JSON object for `pnpm bench`; measures, never asserts.
 */

interface Lat {
  p50: number;
  p95: number;
  p99: number;
  max: number;
  n: number;
}

function lat(samples: number[]): Lat {
  const s = [...samples].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * (s.length - 1)))] ?? 0;
  return { p50: q(0.5), p95: q(0.95), p99: q(0.99), max: s.at(-1) ?? 0, n: s.length };
}

async function timed(n: number, fn: (i: number) => Promise<unknown>): Promise<Lat> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn(i);
    out.push(performance.now() - t);
  }
  return lat(out);
}

export interface StoreFigures {
  name: string;
  days: number;
  bills: number;
  movements: number;
  fileMb: number;
  buildS: number;
  open: Lat;
  sale: Lat;
  lookup: Lat;
  search: Lat;
  stock: Lat;
  history: Record<string, Lat>;
  syncStatus: Lat;
  verify: { ms: number; rows: number; scanDuring: Lat };
  firstSync?: { ms: number; pushed: number; pushMs: number; pullMs: number; batches: number } | { error: string };
}

async function measure(built: BuiltStore, name: string, work: string, hub: { url: string; token: string } | null, log: (m: string) => void): Promise<StoreFigures> {
  const file = workingCopy(built.file, work);
  const open = await timed(5, async () => {
    const c = await StoreCore.open(file);
    await c.info();
    await c.close();
  });
  const core = await StoreCore.open(file);
  try {
    const products = (await core.listStock({ limit: 200 })).items;
    const bestseller = products[0]!;
    const barcodes = products.map((p) => p.barcode ?? p.sku);
    const lookup = await timed(500, (i) => core.findProduct({ code: barcodes[i % barcodes.length]! }));
    const search = await timed(100, (i) => core.searchProducts({ query: ['ri', 'atta', 'oil', 'dal', 'so'][i % 5]!, limit: 20 }));
    const stock = await timed(50, () => core.listStock({ limit: 50 }));
    const now = Date.now();
    const iso = (daysAgo: number) => new Date(now - daysAgo * 86_400_000).toISOString();
    const shapes: Record<string, Parameters<StoreCore['history']>[0]> = {
      'no filter': { limit: 50 },
      'one bestseller': { product: bestseller.sku, limit: 50 },
      'bestseller, 30 days': { product: bestseller.sku, from: iso(60), to: iso(30), limit: 50 },
      '30 days': { from: iso(60), to: iso(30), limit: 50 },
      '"to" date only': { to: iso(90), limit: 50 },
      'counts': { kind: 'COUNT', limit: 50 },
      'sales': { kind: 'SALE', limit: 50 },
    };
    const history: Record<string, Lat> = {};
    for (const [k, q] of Object.entries(shapes)) history[k] = await timed(30, () => core.history(q));
    const syncStatus = await timed(50, () => core.syncStatus());
    const sale = await timed(200, (i) => core.sell({ lines: [{ product: barcodes[i % barcodes.length]!, qty: 1 }] }));

    // A scan every 5 ms while the whole chain is verified: how long does the counter make it wait?
    const scans: number[] = [];
    let verifying = true;
    const scanner = (async () => {
      let i = 0;
      while (verifying) {
        const t = performance.now();
        await core.findProduct({ code: barcodes[i++ % barcodes.length]! });
        scans.push(performance.now() - t);
        await new Promise((r) => setTimeout(r, 5));
      }
    })();
    const v0 = performance.now();
    const v = await core.verifyAudit({ full: true });
    const verifyMs = performance.now() - v0;
    verifying = false;
    await scanner;

    let firstSync: StoreFigures['firstSync'];
    if (hub) {
      try {
        firstSync = await enrolAndSync(core, hub, name, log);
      } catch (err) {
        firstSync = { error: (err as Error).message.slice(0, 200) };
      }
    }
    return {
      name,
      days: built.shape.days,
      bills: built.bills,
      movements: built.movements,
      fileMb: statSync(built.file).size / 2 ** 20,
      buildS: built.buildMs / 1000,
      open,
      sale,
      lookup,
      search,
      stock,
      history,
      syncStatus,
      verify: { ms: verifyMs, rows: v.checked, scanDuring: lat(scans) },
      firstSync,
    };
  } finally {
    await core.close();
  }
}

async function enrolAndSync(core: StoreCore, hub: { url: string; token: string }, name: string, log: (m: string) => void) {
  const api = async <T>(method: string, p: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${hub.url}/api/v1${p}`, { method, headers: { authorization: `Bearer ${hub.token}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    if (!res.ok) throw new Error(`${method} ${p}: ${res.status} ${(await res.text()).slice(0, 200)}`);
    return (await res.json()) as T;
  };
  const code = `YR-${name.slice(0, 3).toUpperCase()}-${Date.now().toString(36).slice(-5).toUpperCase()}`;
  const store = await api<{ id: string }>('POST', '/stores', { code, name: `Counter bench ${name}`, region: 'Bench' });
  const device = await api<{ token: string }>('POST', '/devices', { storeId: store.id, name: 'Till 1' });
  await core.enroll({ hubUrl: hub.url, token: device.token });
  const t0 = performance.now();
  let pushedAt = 0;
  let batches = 0;
  const r = await core.syncNow({
    onProgress: (p) => {
      if (p.phase === 'push') batches += 1;
      if (p.phase === 'pull' && pushedAt === 0) pushedAt = performance.now();
      if (batches % 50 === 0 && p.phase === 'push') log(`${name}: first sync, ${p.done.toLocaleString('en')} of ${(p.total ?? 0).toLocaleString('en')} pushed`);
    },
  });
  const ms = performance.now() - t0;
  return { ms, pushed: r.status.ackedSeq, pushMs: (pushedAt || performance.now()) - t0, pullMs: pushedAt ? performance.now() - pushedAt : 0, batches };
}

async function main() {
  const { values } = parseArgs({
    options: { quick: { type: 'boolean', default: false }, json: { type: 'boolean', default: false }, regenerate: { type: 'boolean', default: false }, hub: { type: 'string' }, token: { type: 'string' } },
    strict: true,
  });
  const log = (m: string) => (values.json ? process.stderr.write(`${m}\n`) : console.log(m));
  const keep = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'output', 'stores');
  const year: TradingShape = values.quick ? { days: 20, products: 300, billsPerDay: 40, seed: 5 } : { days: 365, products: 2_000, billsPerDay: 600, seed: 5 };
  const month: TradingShape = values.quick ? { days: 5, products: 300, billsPerDay: 40, seed: 6 } : { days: 30, products: 2_000, billsPerDay: 600, seed: 6 };
  const hub = values.hub && values.token ? { url: values.hub, token: values.token } : null;
  const work = mkdtempSync(path.join(tmpdir(), 'bazaar-bench-year-'));
  try {
    const builtMonth = await buildTradingStore(keep, values.quick ? 'quick-month' : 'month', month, values.regenerate, log);
    const builtYear = await buildTradingStore(keep, values.quick ? 'quick-year' : 'year', year, values.regenerate, log);
    const results = [await measure(builtMonth, 'month', work, hub, log), await measure(builtYear, 'year', work, hub, log)];
    if (values.json) process.stdout.write(`${JSON.stringify({ results })}\n`);
    else console.log(JSON.stringify(results, null, 2));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
