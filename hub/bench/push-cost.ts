/**
 * Cost of one small push, idle: N sequential 3-line pushes (--lines for other sizes) (no new products, no duplicates)
 * through the in-process app on a fresh PostgreSQL database. Per push: wall time, time spent
 * waiting on PostgreSQL (sum over the round trips, measured around each pg client.query), and
 * the rest (JavaScript: validation, the merge-rule bookkeeping, hashing, JSON). Prints medians.
 *
 *   TEST_DATABASE_URL=postgres://root@127.0.0.1:5432/postgres pnpm exec tsx bench/push-cost.ts [--pushes 300] [--lines 3] [--protocol 2]
 *
 * Speed is only ever reported, never asserted; compare before/after in the same run.
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { uuidv7 } from '@bazaar/shared';
import pg from 'pg';
import { createTestApp } from '../src/test/test-db';
import { SimDevice } from '../src/sync/sync.test-kit';

const { values } = parseArgs({ options: { pushes: { type: 'string', default: '300' }, lines: { type: 'string', default: '3' }, protocol: { type: 'string', default: '' } } });
const pushes = Number(values.pushes);
const lines = Number(values.lines);
const headers: Record<string, string> = values.protocol ? { 'Bazaar-Sync-Protocol': values.protocol } : {};

const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => Promise<unknown> | undefined };
const original = proto.query;
let sqlMs = 0;
let trips = 0;
let perTrip: number[] = [];
proto.query = function (this: unknown, ...args: unknown[]) {
  const start = performance.now();
  const at = trips;
  trips += 1;
  const done = () => {
    const ms = performance.now() - start;
    sqlMs += ms;
    perTrip[at] = ms;
  };
  const last = args.length - 1;
  const cb = args[last];
  if (typeof cb === 'function') {
    args[last] = (...r: unknown[]) => {
      done();
      return (cb as (...x: unknown[]) => unknown)(...r);
    };
    return original.apply(this, args);
  }
  const p = original.apply(this, args) as Promise<unknown> | undefined;
  return p?.finally(done);
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

const t = await createTestApp();
try {
  const admin = await t.makeUser('admin');
  const store = await t.makeStore(`PC${uuidv7().slice(-8)}`);
  const products = await Promise.all(Array.from({ length: Math.min(lines, 50) }, () => t.makeProduct()));
  const device = await SimDevice.enroll(t, admin.token, store.id, 'till');
  for (const p of products) device.record('IN', p.id, 1_000_000);
  await device.push(device.slice(1, products.length));
  const wall: number[] = [];
  const sql: number[] = [];
  const rts: number[] = [];
  const trip: number[][] = [];
  const before = loadavg();
  for (let i = 0; i < pushes; i++) {
    for (let j = 0; j < lines; j++) device.record('SALE', products[j % products.length]!.id, -((j % 3) + 1));
    const movements = device.slice(device.acked + 1, device.acked + lines);
    sqlMs = 0;
    trips = 0;
    perTrip = [];
    const start = performance.now();
    const res = await t.call('POST', '/sync/push', device.token, { movements, products: [], deviceHlc: movements.at(-1)!.hlc }, headers);
    const ms = performance.now() - start;
    if (res.status !== 200) throw new Error(`push ${i}: ${res.status} ${res.text}`);
    device.acked = res.body.ackedSeq;
    if (i >= Math.min(20, pushes / 10)) {
      wall.push(ms);
      sql.push(sqlMs);
      rts.push(trips);
      perTrip.forEach((ms, k) => (trip[k] ??= []).push(ms));
    }
  }
  const w = median(wall);
  const s = median(sql);
  console.log(
    JSON.stringify({ lines, pushes: wall.length, roundTrips: median(rts), wallMs: +w.toFixed(2), sqlMs: +s.toFixed(2), jsMs: +(median(wall.map((x, i) => x - sql[i]!))).toFixed(2), perTripMs: trip.map((xs) => +median(xs).toFixed(2)), loadavg: [before, loadavg()].map((l) => l.map((x) => +x.toFixed(2))) }),
  );
} finally {
  await t.close();
}
