import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MAX_PULL_LIMIT, pullResponseSchema } from '@bazaar/shared';
import { StoreCore } from '../../desktop/src/core/store-core';
import { call, routeExists } from './lib/api';
import { atMost, fmtStat, notMeasured, type BenchRow } from './lib/report';
import { stat } from './lib/stats';
import type { StoreInfo } from './lib/world-info';

export interface PullContext {
  hubUrl: string;
  adminToken: string;
  store: StoreInfo;
  products: number;
  runs: number;
  log: (msg: string) => void;
}

async function enroll(ctx: PullContext, name: string): Promise<string> {
  const r = await call<{ token: string }>(ctx.hubUrl, 'POST', '/devices', ctx.adminToken, { storeId: ctx.store.id, name });
  if (r.status !== 201) throw new Error(`POST /devices answered ${r.status}: ${JSON.stringify(r.body).slice(0, 300)}`);
  return r.body.token;
}

/** The protocol alone: pages of GET /sync/pull until hasMore is false, each checked against the shared schema. */
async function httpPull(ctx: PullContext, token: string): Promise<{ secs: number; products: number; stock: number; pages: number }> {
  const t0 = performance.now();
  let cursor: string | null = null;
  let products = 0;
  let stock = 0;
  let pages = 0;
  for (;;) {
    const qs: string = `limit=${MAX_PULL_LIMIT}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const r = await call(ctx.hubUrl, 'GET', `/sync/pull?${qs}`, token);
    if (r.status !== 200) throw new Error(`GET /sync/pull answered ${r.status}: ${JSON.stringify(r.body).slice(0, 300)}`);
    const page = pullResponseSchema.parse(r.body);
    products += page.products.length;
    stock += page.stock.length;
    pages++;
    cursor = page.cursor;
    if (!page.hasMore) break;
  }
  return { secs: (performance.now() - t0) / 1000, products, stock, pages };
}

/** The whole device: the real desktop core enrolls and pulls everything into its SQLite file. */
async function corePull(ctx: PullContext, token: string): Promise<{ secs: number; products: number; stock: number }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'bazaar-bench-pull-'));
  const core = await StoreCore.open(path.join(dir, 'store.db'));
  try {
    await core.initStore({ code: 'BENCH', name: 'Bench Counter' });
    const t0 = performance.now();
    await core.enroll({ hubUrl: ctx.hubUrl, token });
    const r = await core.syncNow();
    const secs = (performance.now() - t0) / 1000;
    return { secs, products: r.pulledProducts, stock: r.pulledStockRows };
  } finally {
    await core.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function runPull(ctx: PullContext): Promise<BenchRow[]> {
  const G = '5. catch-up';
  const name = `new device pulls ${ctx.products.toLocaleString('en-US')} products + its store's stock`;
  if (!(await routeExists(ctx.hubUrl, 'GET', '/sync/pull', 'bzd_invalid'))) return [notMeasured(G, name, 'GET /sync/pull missing', '≤ 3 s')];
  const http: number[] = [];
  const core: number[] = [];
  let last: { products: number; stock: number; pages: number } | null = null;
  let lastCore: { products: number; stock: number } | null = null;
  for (let r = 0; r < ctx.runs; r++) {
    ctx.log(`pull run ${r + 1}/${ctx.runs}: HTTP pages`);
    const h = await httpPull(ctx, await enroll(ctx, `bench pull ${r}`));
    http.push(h.secs);
    last = h;
    ctx.log(`pull run ${r + 1}/${ctx.runs}: desktop core enroll + sync`);
    const c = await corePull(ctx, await enroll(ctx, `bench core pull ${r}`));
    core.push(c.secs);
    lastCore = c;
  }
  const hs = stat(http);
  const cs = stat(core);
  return [
    {
      group: G,
      name: `${name}: desktop core (enroll + pull into SQLite)`,
      result: `${fmtStat(cs, 2)} s (${lastCore?.products ?? 0} products, ${lastCore?.stock ?? 0} stock rows)`,
      target: '≤ 3 s',
      verdict: atMost(cs.median, 3, ' s'),
      data: { seconds: cs, ...lastCore },
    },
    {
      group: G,
      name: `${name}: HTTP pages only (limit ${MAX_PULL_LIMIT})`,
      result: `${fmtStat(hs, 2)} s (${last?.pages ?? 0} pages, ${last?.products ?? 0} products, ${last?.stock ?? 0} stock rows)`,
      target: '≤ 3 s',
      verdict: atMost(hs.median, 3, ' s'),
      data: { seconds: hs, ...last },
    },
  ];
}
