import { pushResponseSchema, type DeviceMovementInput } from '@bazaar/shared';
import pg from 'pg';
import { call, routeExists } from './lib/api';
import { SyntheticDevice } from './lib/movements';
import { atLeast, atMost, fmtStat, notMeasured, ratioOf, type BenchRow } from './lib/report';
import { fmt, stat, type Stat } from './lib/stats';
import type { StoreInfo } from './lib/world-info';
import { uuidv7At } from '../src/dev/world/random';

export interface IngestContext {
  hubUrl: string;
  dbUrl: string;
  adminToken: string;
  stores: StoreInfo[];
  runs: number;
  /** Batches of 1,000 each device pushes per run. */
  batchesPerDevice: number;
  perRequestCount: number;
  backlogRuns: number;
  log: (msg: string) => void;
}

const BATCH = 1000;
let enrolled = 0;

async function enroll(ctx: IngestContext, store: StoreInfo): Promise<{ token: string; node: string }> {
  const r = await call<{ token: string; device: { node: string } }>(ctx.hubUrl, 'POST', '/devices', ctx.adminToken, { storeId: store.id, name: `bench counter ${++enrolled}` });
  if (r.status !== 201) throw new Error(`POST /devices answered ${r.status}: ${JSON.stringify(r.body).slice(0, 300)}`);
  return { token: r.body.token, node: r.body.device.node };
}

async function push(ctx: IngestContext, token: string, movements: DeviceMovementInput[]): Promise<void> {
  const r = await call(ctx.hubUrl, 'POST', '/sync/push', token, { movements });
  if (r.status !== 200) throw new Error(`POST /sync/push answered ${r.status}: ${JSON.stringify(r.body).slice(0, 300)}`);
  const parsed = pushResponseSchema.parse(r.body);
  const last = movements.at(-1)!.seq;
  if (parsed.ackedSeq !== last) throw new Error(`push acked seq ${parsed.ackedSeq}, expected ${last}`);
  const bad = parsed.results.filter((x) => x.status !== 'applied');
  if (bad.length) throw new Error(`push: ${bad.length} movements not applied (${bad[0]?.reason ?? bad[0]?.status})`);
}

/** One run: `devices` counters of different stores each push their batches back to back, all at once. */
async function syncRun(ctx: IngestContext, devices: number, seed: number): Promise<number> {
  const sims = await Promise.all(
    Array.from({ length: devices }, async (_, i) => {
      const store = ctx.stores[i % ctx.stores.length]!;
      const { token, node } = await enroll(ctx, store);
      const dev = new SyntheticDevice(node, store, seed * 100 + i);
      const start = Date.now() - ctx.batchesPerDevice * BATCH * 20;
      const batches = Array.from({ length: ctx.batchesPerDevice }, (_, b) => dev.batch(BATCH, start + b * BATCH * 20, 20));
      return { token, batches };
    }),
  );
  const t0 = performance.now();
  await Promise.all(sims.map(async (s) => {
    for (const b of s.batches) await push(ctx, s.token, b);
  }));
  const secs = (performance.now() - t0) / 1000;
  return (devices * ctx.batchesPerDevice * BATCH) / secs;
}

/** Exported for bench/tools/push-profile.ts, which times it beside the push in the same run. */
export const BASELINE_SQL = `
  WITH ins AS (
    INSERT INTO movements (store_id, id, device_id, seq, hlc, kind, product_id, qty, unit_price_minor, unit_cost_minor, reason, supplier_id, occurred_at)
    SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::bigint[], $5::text[], $6::text[], $7::uuid[], $8::bigint[],
                         $9::bigint[], $10::bigint[], $11::text[], $12::uuid[], $13::timestamptz[])
    ON CONFLICT (store_id, id) DO NOTHING
    RETURNING store_id, product_id, qty
  )
  INSERT INTO stock (store_id, product_id, qty)
  SELECT store_id, product_id, sum(qty) FROM ins GROUP BY store_id, product_id ORDER BY store_id, product_id
  ON CONFLICT (store_id, product_id) DO UPDATE SET qty = stock.qty + excluded.qty, updated_at = now()`;

/**
 * The raw ceiling: the same kind of rows, one INSERT … SELECT FROM unnest per 1,000-row batch
 * plus a set-based stock upsert in key order, committed per batch, over 2 connections.
 * No validation, idempotency bookkeeping, merge rule, audit or conflicts: what the hub adds.
 */
async function baselineRun(ctx: IngestContext, totalBatches: number, seed: number): Promise<number> {
  const pool = new pg.Pool({ connectionString: ctx.dbUrl, max: 2 });
  try {
    const workers = [0, 1].map((w) => {
      const store = ctx.stores[w % ctx.stores.length]!;
      const deviceId = uuidv7At(Date.now());
      const dev = new SyntheticDevice(`base${w}${seed}`, store, seed * 100 + 50 + w);
      const n = Math.ceil(totalBatches / 2) - (w === 1 && totalBatches % 2 ? 1 : 0);
      const start = Date.now() - n * BATCH * 20;
      return { store, deviceId, batches: Array.from({ length: n }, (_, b) => dev.batch(BATCH, start + b * BATCH * 20, 20)) };
    });
    const clients = await Promise.all([pool.connect(), pool.connect()]);
    const t0 = performance.now();
    let rows = 0;
    await Promise.all(
      workers.map(async (w, i) => {
        const c = clients[i]!;
        for (const b of w.batches) {
          const col = <T>(f: (m: DeviceMovementInput) => T) => b.map(f);
          await c.query(BASELINE_SQL, [
            col(() => w.store.id), col((m) => m.id), col(() => w.deviceId), col((m) => m.seq), col((m) => m.hlc), col((m) => m.kind),
            col((m) => m.productId), col((m) => m.qty), col((m) => m.unitPriceMinor ?? null), col((m) => m.unitCostMinor ?? null),
            col((m) => m.reason ?? null), col((m) => m.supplierId ?? null), col((m) => m.occurredAt),
          ]);
          rows += b.length;
        }
      }),
    );
    const secs = (performance.now() - t0) / 1000;
    clients.forEach((c) => c.release());
    return rows / secs;
  } finally {
    await pool.end();
  }
}

/** Seed-style: one POST /stock-movements per movement, from one client, back to back. */
async function perRequestRun(ctx: IngestContext, seed: number): Promise<number> {
  const store = ctx.stores[seed % ctx.stores.length]!;
  const dev = new SyntheticDevice('webseed', store, seed);
  const ms = dev.batch(ctx.perRequestCount, Date.now() - ctx.perRequestCount * 1000, 1000);
  const t0 = performance.now();
  for (const m of ms) {
    const r = await call(ctx.hubUrl, 'POST', '/stock-movements', ctx.adminToken, {
      storeId: store.id,
      kind: m.kind,
      productId: m.productId,
      qty: m.qty,
      unitPriceMinor: m.unitPriceMinor,
      unitCostMinor: m.unitCostMinor,
      reason: m.reason,
      supplierId: m.supplierId,
      occurredAt: m.occurredAt,
    });
    if (r.status !== 201) throw new Error(`POST /stock-movements answered ${r.status}: ${JSON.stringify(r.body).slice(0, 300)}`);
  }
  return ms.length / ((performance.now() - t0) / 1000);
}

/** A counter offline for 7 days with 2,000 sales a day: 14,000 movements pushed in 14 batches, as the sync client does. */
async function backlogRun(ctx: IngestContext, seed: number): Promise<number> {
  const store = ctx.stores[(seed + 1) % ctx.stores.length]!;
  const { token, node } = await enroll(ctx, store);
  const dev = new SyntheticDevice(node, store, seed + 999);
  const total = 14_000;
  const start = Date.now() - 7 * 86_400_000;
  const step = (7 * 86_400_000 - 3600_000) / total;
  const batches = Array.from({ length: total / BATCH }, (_, b) => dev.batch(BATCH, start + b * BATCH * step, step));
  const t0 = performance.now();
  for (const b of batches) await push(ctx, token, b);
  return (performance.now() - t0) / 1000;
}

export async function runIngest(ctx: IngestContext): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const G1 = '1. sync ingest';
  const syncMissing = !(await routeExists(ctx.hubUrl, 'POST', '/sync/push', 'bzd_invalid', { movements: [] })) || !(await routeExists(ctx.hubUrl, 'POST', '/devices', ctx.adminToken, {}));

  // Baseline first and interleaved with the HTTP runs, so drift of a noisy machine hits both.
  const levels = [1, 2, 4];
  const http = new Map<number, number[]>(levels.map((l) => [l, []]));
  const base: number[] = [];
  const totalBatches = 4 * ctx.batchesPerDevice;
  for (let r = 0; r < ctx.runs; r++) {
    ctx.log(`ingest run ${r + 1}/${ctx.runs}: baseline`);
    base.push(await baselineRun(ctx, totalBatches, r));
    if (syncMissing) continue;
    for (const l of levels) {
      ctx.log(`ingest run ${r + 1}/${ctx.runs}: sync push, ${l} device(s)`);
      http.get(l)!.push(await syncRun(ctx, l, r * 10 + l));
    }
  }
  const baseStat = stat(base);
  const baseText = `${fmtStat(baseStat, 0)} mv/s (unnest + stock upsert, 2 conns)`;
  let best: Stat | null = null;
  if (syncMissing) {
    rows.push({ ...notMeasured(G1, 'POST /sync/push, 1/2/4 devices', 'POST /sync/push or POST /devices missing', '≥ 50% of baseline'), baseline: baseText, data: { baseline: baseStat } });
  } else {
    for (const l of levels) {
      const s = stat(http.get(l)!);
      if (!best || s.median > best.median) best = s;
      const ratio = ratioOf(s, baseStat);
      rows.push({
        group: G1,
        name: `POST /sync/push, ${l} device${l > 1 ? 's' : ''} × ${ctx.batchesPerDevice} batches of 1,000`,
        result: `${fmtStat(s, 0)} mv/s`,
        baseline: baseText,
        ratio: `${fmt(ratio.median * 100, 0)}% (${fmt(ratio.min * 100, 0)}–${fmt(ratio.max * 100, 0)}%)`,
        target: '≥ 50% of baseline',
        verdict: atLeast(ratio.median * 100, 50, '%'),
        data: { movementsPerSecond: s, baseline: baseStat, ratio },
      });
    }
  }

  const G2 = '2. per-request ingest';
  const perMissing = !(await routeExists(ctx.hubUrl, 'POST', '/stock-movements', ctx.adminToken, {}));
  if (perMissing) rows.push(notMeasured(G2, 'POST /stock-movements one at a time', 'POST /stock-movements missing', 'batch ≥ 20× per-request'));
  else {
    const per: number[] = [];
    for (let r = 0; r < ctx.runs; r++) {
      ctx.log(`per-request run ${r + 1}/${ctx.runs}: ${ctx.perRequestCount} × POST /stock-movements`);
      per.push(await perRequestRun(ctx, r));
    }
    const perStat = stat(per);
    const ratio = best ? ratioOf(best, perStat) : null;
    rows.push({
      group: G2,
      name: `POST /stock-movements × ${ctx.perRequestCount}, sequential`,
      result: `${fmtStat(perStat, 0)} mv/s`,
      baseline: best ? `best sync push ${fmt(best.median, 0)} mv/s` : 'sync push not measured',
      ratio: ratio ? `batch/per-request ${fmt(ratio.median, 1)}× (${fmt(ratio.min, 1)}–${fmt(ratio.max, 1)}×)` : undefined,
      target: 'batch ≥ 20× per-request',
      verdict: ratio ? atLeast(ratio.median, 20, '×') : 'not measured (sync push missing)',
      data: { movementsPerSecond: perStat, ratio },
    });
  }

  const G5 = '5. catch-up';
  if (syncMissing) rows.push(notMeasured(G5, '7-day offline backlog, 14,000 movements', 'POST /sync/push missing', '≤ 2 s'));
  else {
    const secs: number[] = [];
    for (let r = 0; r < ctx.backlogRuns; r++) {
      ctx.log(`backlog run ${r + 1}/${ctx.backlogRuns}: 14 × 1,000 movements from one device`);
      secs.push(await backlogRun(ctx, r));
    }
    const s = stat(secs);
    rows.push({ group: G5, name: '7-day offline backlog: 14,000 movements pushed (14 × 1,000)', result: `${fmtStat(s, 2)} s`, target: '≤ 2 s', verdict: atMost(s.median, 2, ' s'), data: { seconds: s } });
  }
  return rows;
}
