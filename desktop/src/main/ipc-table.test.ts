import type { IpcMainInvokeEvent } from 'electron';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inputSchemas } from '../bridge/api-dispatch';
import { ipcChannel, remoteOperations, type RemoteOperation } from '../bridge/api-operations';
import type { ApiResult } from '../bridge/api-result';
import { tempStore } from '../core/testing/temp-store';
import type { StoreCore } from '../core/store-core';
import { ipcHandlers, type IpcHandler } from './ipc-table';

/**
 * The Electron main process's operation table as plain functions, on a real store core: what
 * registerIpcHandlers puts on ipcMain, one channel per operation.
 */
const trusted = {} as IpcMainInvokeEvent;
const stranger = {} as IpcMainInvokeEvent;
let store: Awaited<ReturnType<typeof tempStore>>;
let table: Map<string, IpcHandler>;
let syncNudges = 0;

beforeAll(async () => {
  store = await tempStore();
  const core = store.core;
  // The real core; only triggerSync is counted (the sync loop is not running in this test).
  const counted = new Proxy(core, {
    get(target, prop, receiver) {
      if (prop === 'triggerSync') return () => void syncNudges++;
      const v = Reflect.get(target, prop, receiver) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  }) as StoreCore;
  table = new Map(ipcHandlers(counted, (e) => e === trusted));
  await core.addProduct({ sku: 'ATTA', name: 'Atta', unit: 'pc', priceMinor: 100 });
});
afterAll(async () => {
  await store?.cleanup();
});

const call = (op: RemoteOperation, input?: unknown, from = trusted) => table.get(ipcChannel(op))!(from, input) as Promise<ApiResult<unknown>>;

describe('IPC operation table', () => {
  it('has exactly one distinct channel per remote operation', () => {
    expect([...table.keys()].sort()).toEqual(remoteOperations.map(ipcChannel).sort());
    expect(new Set(table.keys()).size).toBe(remoteOperations.length);
    expect(remoteOperations).not.toContain('close');
  });

  it('refuses every channel to a sender that is not our window, before touching the store', async () => {
    const before = (await store.core.history({ limit: 100 })).items.length;
    for (const op of remoteOperations) {
      const r = await call(op, { product: 'ATTA', qty: 1, lines: [{ product: 'ATTA', qty: 1 }] }, stranger);
      expect({ op, r }).toEqual({ op, r: { ok: false, error: { code: 'FORBIDDEN', message: 'this window may not use the store' } } });
    }
    expect((await store.core.history({ limit: 100 })).items.length).toBe(before);
  });

  it('validates each input with its schema: junk, wrong types and unknown fields are refused, nothing written', async () => {
    const before = (await store.core.history({ limit: 100 })).items.length;
    const withInput = remoteOperations.filter((op) => inputSchemas[op] !== null);
    expect(withInput.length).toBeGreaterThan(15);
    for (const op of withInput) {
      for (const junk of ['DROP TABLE movements', 42, [1, 2], { __proto__: { admin: true }, unexpected: 1 }]) {
        const r = await call(op, junk);
        expect({ op, ok: r.ok, code: r.ok ? null : r.error.code }).toEqual({ op, ok: false, code: 'VALIDATION_FAILED' });
      }
    }
    // A real one with one unknown field: strict schemas refuse it too.
    const extra = await call('sell', { lines: [{ product: 'ATTA', qty: 1 }], discount: 100 });
    expect(extra.ok).toBe(false);
    expect((await store.core.history({ limit: 100 })).items.length).toBe(before);
    expect(syncNudges).toBe(0);
  });

  it('runs valid calls on the core, and nudges the sync loop only after a write that adds movements', async () => {
    const stockIn = await call('stockIn', { product: 'ATTA', qty: 10 });
    expect(stockIn.ok).toBe(true);
    expect(syncNudges).toBe(1);
    const sale = await call('sell', { lines: [{ product: 'ATTA', qty: 3 }] });
    expect(sale).toMatchObject({ ok: true, value: { lines: [{ sku: 'ATTA', stockAfter: 7 }] } });
    expect(syncNudges).toBe(2);
    expect(await call('listStock', { limit: 5 })).toMatchObject({ ok: true, value: { items: [{ sku: 'ATTA', qty: 7 }] } });
    expect((await call('info')).ok).toBe(true);
    // An operation that fails in the core comes back as a coded failure, not a thrown error.
    expect(await call('findProduct', { code: 'NOPE' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(syncNudges).toBe(2);
  });
});
