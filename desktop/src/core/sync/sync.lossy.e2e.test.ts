import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Product, Store } from '@bazaar/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncRunResult } from '../core.api';
import { StoreCore } from '../store-core';
import { FaultProxy } from '../testing/fault-proxy';
import { startHub, type HubProcess } from '../testing/hub-process';
import { freePort } from '../testing/free-port';

let hub: HubProcess;
let admin: string;

beforeAll(async () => {
  hub = await startHub(await freePort(), process.env.TEST_DATABASE_URL);
  admin = (await hub.api<{ token: string }>('POST', '/auth/register', { username: 'owner', name: 'Owner', password: 'a-long-password-1' })).token;
}, 300_000);
afterAll(async () => {
  await hub?.stop();
});

/**
 * A source that faults exactly the requests the test names, counted per sync path once armed
 * (1-based): 0.05 = a 502, 0.15 = an answer cut mid-body. Counting by path keeps the plan true
 * when a cycle gains other requests (the purchase and transfer pulls).
 */
function faultOn(faults: Partial<Record<'push' | 'pull', Record<number, number>>>) {
  const seen = { push: 0, pull: 0 };
  const source = (req: { path: string }): number => {
    if (!source.armed) return 0.999;
    const kind = req.path.endsWith('/sync/push') ? 'push' : req.path.endsWith('/sync/pull') ? 'pull' : null;
    if (!kind) return 0.999;
    return faults[kind]?.[++seen[kind]] ?? 0.999;
  };
  source.armed = false;
  return source;
}

describe('a backlog over a lossy link (real hub, real sync loop, fault proxy)', () => {
  it('progress resets the back-off: every movement arrives exactly once and no cycle that moved something backs off', async () => {
    const store = await hub.api<Store>('POST', '/stores', { code: 'LOSSY-T', name: 'Lossy' }, admin);
    const product = await hub.api<Product>('POST', '/products', { sku: 'LOSSY-T-P', name: 'Item', unit: 'pc', priceMinor: 100 }, admin);
    const dev = await hub.api<{ token: string }>('POST', '/devices', { storeId: store.id, name: 'till' }, admin);
    // Of the backlog's pushes and the pull after them: the 2nd push's answer is cut after the hub
    // committed, the 4th push gets a 502 and the pull's answer is cut. Each cycle got something
    // acknowledged first.
    const faults = faultOn({ push: { 2: 0.15, 4: 0.05 }, pull: { 1: 0.15 } });
    const proxy = new FaultProxy(hub.url, faults);
    const url = await proxy.start();
    const dir = mkdtempSync(join(tmpdir(), 'bazaar-lossy-t-'));
    const core = await StoreCore.open(join(dir, 'store.db'));
    try {
      await core.initStore({ code: 'S1', name: 'Lossy' });
      await core.enroll({ hubUrl: url, token: dev.token });
      await core.syncNow();
      for (let i = 0; i < 100; i++) await core.sell({ lines: Array.from({ length: 50 }, () => ({ product: product.sku, qty: 1 })) });
      proxy.plan = { dropRequest: 0, badGateway: 0.1, loseAnswer: 0, resetMidBody: 0.1, duplicate: 0 };
      faults.armed = true;
      const results: (SyncRunResult | Error)[] = [];
      const delays: number[] = [];
      const done = new Promise<void>((resolve) => {
        core.startSyncLoop({
          intervalMs: 600_000,
          baseBackoffMs: 60_000,
          setTimer: (fn, ms) => {
            delays.push(ms);
            const t = setTimeout(fn, ms === 600_000 ? 600_000 : Math.min(ms, 10));
            return () => clearTimeout(t);
          },
          onResult: (r) => {
            results.push(r);
            if (!(r instanceof Error) && r.status.pendingMovements === 0) resolve();
          },
        });
      });
      await done;
      expect(results.filter((r) => r instanceof Error)).toHaveLength(3);
      expect(proxy.counts).toMatchObject({ badGateway: 1, resetMidBody: 2 });
      // Every failed cycle had moved something before it failed, so none backed off (30-60 s here):
      // the loop started at once, retried at 50 ms three times, then waited its interval.
      expect(delays).toEqual([0, 50, 50, 50, 600_000]);
      const status = await core.syncStatus();
      expect(status).toMatchObject({ ackedSeq: 5000, pendingMovements: 0 });
      const stock = await hub.api<{ items: { productId: string; qty: number }[] }>('GET', `/stocks?storeId=${store.id}`, undefined, admin);
      expect(stock.items.find((r) => r.productId === product.id)?.qty).toBe(-5000);
      expect((await core.findProduct({ code: product.sku })).qty).toBe(-5000);
    } finally {
      await core.close();
      await proxy.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
