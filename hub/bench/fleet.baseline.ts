import { randomUUID } from 'node:crypto';
import type { DeviceMovementInput } from '@bazaar/shared';
import pg from 'pg';
import { Zipf } from '../src/dev/world/random';
import { FleetCounter, type FleetProduct } from './fleet.counter';
import type { CpuMeter } from './fleet.cpu';
import { summarise, type LatencySummary } from './fleet.load';
import { BASELINE_SQL } from './ingest.bench';

export interface BaselineOutcome {
  connections: number;
  seconds: number;
  pushes: number;
  movements: number;
  pushesPerSecond: number;
  latency: LatencySummary;
  pgCores: number;
}

/**
 * The same small pushes as raw SQL: one statement per push (the movements insert from unnest
 * and the stock upsert in key order, one implicit transaction, committed), back to back over
 * `connections` connections: the ceiling of this Postgres for the fleet's write shape, with no
 * validation, idempotency bookkeeping, merge rule, audit or conflicts.
 */
export async function rawBaseline(opts: {
  dbUrl: string;
  storeIds: readonly string[];
  products: readonly FleetProduct[];
  connections: number;
  seconds: number;
  seed: number;
  pgCpu: CpuMeter;
}): Promise<BaselineOutcome> {
  const pool = new pg.Pool({ connectionString: opts.dbUrl, max: opts.connections });
  const zipf = new Zipf(opts.products.length, 1.05);
  const latencies: number[] = [];
  let movements = 0;
  try {
    const clients = await Promise.all(Array.from({ length: opts.connections }, () => pool.connect()));
    await opts.pgCpu.start();
    const t0 = performance.now();
    const until = t0 + opts.seconds * 1000;
    await Promise.all(
      clients.map(async (client, w) => {
        let n = 0;
        while (performance.now() < until) {
          // A fresh pseudo-device per push keeps its seq trivially gap-free; the stores rotate like the fleet's.
          const storeId = opts.storeIds[(w * 7919 + n++ * opts.connections) % opts.storeIds.length]!;
          const deviceId = randomUUID();
          const counter = new FleetCounter(
            { deviceId, storeId, node: `raw${w}`, token: '', startSeq: 0, lastWall: 0, cursor: '' },
            opts.products,
            zipf,
            opts.seed * 1000 + w * 100_000 + n,
          );
          const b = counter.nextPush(Date.now()).movements;
          const col = <T>(f: (m: DeviceMovementInput) => T) => b.map(f);
          const started = performance.now();
          await client.query(BASELINE_SQL, [
            col(() => storeId), col((m) => m.id), col(() => deviceId), col((m) => m.seq), col((m) => m.hlc), col((m) => m.kind),
            col((m) => m.productId), col((m) => m.qty), col((m) => m.unitPriceMinor ?? null), col((m) => m.unitCostMinor ?? null),
            col((m) => m.reason ?? null), col((m) => m.supplierId ?? null), col((m) => m.occurredAt),
          ]);
          latencies.push(performance.now() - started);
          movements += b.length;
        }
      }),
    );
    const secs = (performance.now() - t0) / 1000;
    const pgCores = await opts.pgCpu.stop();
    clients.forEach((c) => c.release());
    return { connections: opts.connections, seconds: secs, pushes: latencies.length, movements, pushesPerSecond: latencies.length / secs, latency: summarise(latencies), pgCores };
  } finally {
    await pool.end();
  }
}
