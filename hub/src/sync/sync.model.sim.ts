import { HybridLogicalClock, mergeStock, type MovementKind } from '@bazaar/shared';
import { createApp } from '../app';
import { lockScopes } from '../db/change-version';
import type { AppDeps } from '../http/app-env';
import { todaysProtocol, type TestApp } from '../test/test-db';
import type { SimDevice } from './sync.test-kit';

/** Test-only: simulated time, moved by the test alone (nothing passes during a request). */
export interface SimTime {
  now: () => number;
  advance: (ms: number) => void;
}

/**
 * Test-only: the same hub (one database) as another node whose clock is simulated time: runs
 * that go at once each have their own time and their own hub HLC, as separate hub nodes would.
 */
export function simulatedHub(base: TestApp, startMs: number): { t: TestApp; sim: SimTime } {
  let now = startMs;
  const sim: SimTime = { now: () => now, advance: (ms) => (now += ms) };
  const deps: AppDeps = { ...base.deps, principals: undefined, clock: { now: sim.now }, hlc: new HybridLogicalClock({ node: 'hub', now: sim.now }) };
  const app = createApp(deps);
  async function call(method: string, path: string, token?: string | null, body?: unknown) {
    const res = await app.request(path.startsWith('/api') ? path : `/api/v1${path}`, {
      method,
      headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...todaysProtocol(path) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    let json: unknown = undefined;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- test responses are asserted field by field
    return { status: res.status, headers: res.headers, text, body: json as any };
  }
  return { t: { ...base, app, deps, call }, sim };
}

/**
 * Test-only: what a restore from an older backup looks like to one device: the hub holds its
 * movements only up to `keepSeq`, its acknowledged seq is back there, and the store's stock is
 * what the merge rule gives over what is left (written at a new change version, as the restored
 * rows would be read again by every device).
 */
export async function restoreDeviceTail(t: TestApp, d: SimDevice, keepSeq: number): Promise<void> {
  await t.db.db.transaction().execute(async (trx) => {
    const versions = await lockScopes(trx, [d.storeId]);
    const lost = await trx.deleteFrom('movements').where('device_id', '=', d.id).where('seq', '>', keepSeq).returning('product_id').execute();
    await trx.updateTable('devices').set({ last_seq: keepSeq }).where('id', '=', d.id).execute();
    for (const productId of new Set(lost.map((l) => l.product_id))) {
      const left = await trx
        .selectFrom('movements')
        .select(['id', 'kind', 'qty', 'hlc'])
        .where('store_id', '=', d.storeId)
        .where('product_id', '=', productId)
        .where('status', '=', 'applied')
        .execute();
      const m = mergeStock(left.map((x) => ({ id: x.id, kind: x.kind as MovementKind, qty: Number(x.qty), hlc: x.hlc })));
      await trx
        .updateTable('stock')
        .set({
          qty: m.qty,
          last_count_hlc: m.lastCount?.hlc ?? null,
          last_count_movement_id: m.lastCount?.id ?? null,
          last_count_qty: m.lastCount?.qty ?? null,
          last_count_variance: m.variance,
          version: versions.get(d.storeId)!,
        })
        .where('store_id', '=', d.storeId)
        .where('product_id', '=', productId)
        .execute();
    }
  });
}
