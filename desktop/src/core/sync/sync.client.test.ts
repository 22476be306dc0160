import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DomainError, SYNC_PROTOCOL_VERSION } from '@bazaar/shared';
import { hashPin } from '../users/pin-hash';
import { ProtocolHub } from '../testing/protocol-hub';
import { tempStore } from '../testing/temp-store';
import type { StoreCore } from '../store-core';
import { backoffDelay } from './sync.client';
import { withEveryResult } from './sync.push';

const TOKEN_A = 'device-token-a-0123456789abcdef';
const TOKEN_B = 'device-token-b-0123456789abcdef';
let hub: ProtocolHub;
let url: string;
const cleanups: (() => Promise<void>)[] = [];

beforeEach(async () => {
  hub = new ProtocolHub();
  hub.tokens.add(TOKEN_A).add(TOKEN_B);
  url = await hub.start();
});
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
  await hub.stop();
});

async function device(): Promise<StoreCore> {
  const s = await tempStore();
  cleanups.push(s.cleanup);
  return s.core;
}

async function allMovements(core: StoreCore) {
  return (await core.history({ limit: 1000 })).items;
}

describe('sync client (against the protocol stand-in)', () => {
  it('enrolls, pushes an offline day in seq order, pulls the catalog, staff and stock', async () => {
    const atta = hub.addProduct({ sku: 'ATTA', name: 'Atta 5kg', barcode: '8901000000001', reorderLevel: 2 });
    hub.staff.push({ id: '01a20a7b-0000-7000-8000-000000000001', username: 'ravi', name: 'Ravi', role: 'staff', pinHash: await hashPin('2468'), active: true });
    const d = await device();
    await d.addProduct({ sku: 'LOCAL-1', name: 'Local pickle', unit: 'pc', priceMinor: 5000 });
    await d.stockIn({ product: 'LOCAL-1', qty: 10 });
    await d.sell({ lines: [{ product: 'LOCAL-1', qty: 3 }] });

    await expectCode(d.enroll({ hubUrl: url, token: 'wrong-token-0123456789' }), 'UNAUTHENTICATED');
    await d.enroll({ hubUrl: url, token: TOKEN_A });
    const r = await d.syncNow();
    expect(r.pushedMovements).toBe(2);
    expect(r.status).toMatchObject({ state: 'online', pendingMovements: 0, ackedSeq: 2, lastSeq: 2 });
    expect((await d.info()).storeCode).toBe('HUB-1');

    // The hub's catalog and staff arrived: sell the hub's product, sign in offline with the pulled PIN hash.
    expect((await d.findProduct({ code: '8901000000001' })).id).toBe(atta.id);
    await d.signIn({ username: 'ravi', pin: '2468' });
    await expectCode(d.createUser({ username: 'x12', name: 'X', role: 'staff', pin: '1234' }), 'FORBIDDEN');
    const local = await d.findProduct({ code: 'LOCAL-1' });
    expect(hub.stockOf(local.id)).toBe(7);
    expect(local.qty).toBe(7);
    await expectCode(d.enroll({ hubUrl: url, token: TOKEN_A }), 'FORBIDDEN');
  });

  it('two counters of one store sell offline and converge with the hub (merge rule)', async () => {
    const atta = hub.addProduct({ sku: 'ATTA', name: 'Atta' });
    const a = await device();
    const b = await device();
    await a.enroll({ hubUrl: url, token: TOKEN_A });
    await b.enroll({ hubUrl: url, token: TOKEN_B });
    await a.syncNow();
    await b.syncNow();
    // Offline: A receives and sells, B counts and sells.
    await a.stockIn({ product: 'ATTA', qty: 50 });
    await a.sell({ lines: [{ product: 'ATTA', qty: 5 }] });
    await b.count({ lines: [{ product: 'ATTA', counted: 30 }] });
    await b.sell({ lines: [{ product: 'ATTA', qty: 2 }] });
    await a.sell({ lines: [{ product: 'ATTA', qty: 1 }] });
    // Online in any order, twice.
    await b.syncNow();
    await a.syncNow();
    await b.syncNow();
    const hubQty = hub.stockOf(atta.id);
    expect((await a.findProduct({ code: 'ATTA' })).qty).toBe(hubQty);
    expect((await b.findProduct({ code: 'ATTA' })).qty).toBe(hubQty);
    // The count happened after A's stock-in and first sale: 30 − 2 (B) − 1 (A, after the count).
    expect(hubQty).toBe(27);
  });

  it('pushes in batches of at most 1,000 and resumes after lost responses without duplicates', async () => {
    hub.addProduct({ sku: 'SALT', name: 'Salt' });
    const d = await device();
    await d.enroll({ hubUrl: url, token: TOKEN_A });
    await d.syncNow();
    for (let i = 0; i < 2300; i += 100) {
      await d.count({ lines: [{ product: 'SALT', counted: i }] });
      for (let j = 0; j < 99; j++) await d.sell({ lines: [{ product: 'SALT', qty: 1 }] });
    }
    hub.dropNextResponses = 1;
    await expect(d.syncNow()).rejects.toThrow(/response lost/);
    const offline = await d.syncStatus();
    expect(offline.state).toBe('offline');
    expect(offline.lastError).toMatch(/response lost/);
    expect(offline.pendingMovements).toBe(2300);
    hub.failNext = 1;
    await expect(d.syncNow()).rejects.toThrow();
    const r = await d.syncNow();
    expect(Math.max(...hub.pushBatchSizes)).toBeLessThanOrEqual(1000);
    expect(hub.movements.size).toBe(2300);
    expect(r.status).toMatchObject({ state: 'online', pendingMovements: 0, ackedSeq: 2300, consecutiveFailures: 0 });
    expect(r.status.lastError).toBeNull(); // the earlier failure is overcome, not shown as current
    const all = await allMovements(d);
    expect(all.every((m) => m.syncStatus !== 'pending')).toBe(true);
  });

  it('remaps a product created offline onto the hub product with the same SKU, and records rejections without blocking', async () => {
    const hubOil = hub.addProduct({ sku: 'OIL-1L', name: 'Oil 1L', unit: 'ml' });
    const d = await device();
    const localOil = await d.addProduct({ sku: 'OIL-1L', name: 'Oil (typed offline)', unit: 'ml', priceMinor: 15000 });
    await d.stockIn({ product: 'OIL-1L', qty: 5000 });
    const gone = await d.addProduct({ sku: 'GONE', name: 'Later archived at hub', unit: 'pc', priceMinor: 100 });
    await d.enroll({ hubUrl: url, token: TOKEN_A });
    // The push carries the offline product; the hub answers with a remap onto its own.
    const first = await d.syncNow();
    expect(first.remaps).toBe(1);
    expect((await d.findProduct({ code: 'OIL-1L' })).id).toBe(hubOil.id);
    await expectCode(d.findProduct({ code: localOil.id }), 'NOT_FOUND');
    expect(hub.stockOf(hubOil.id)).toBe(5000);

    hub.products.set(gone.id, { ...hub.products.get(gone.id)!, archived: true });
    await d.stockIn({ product: 'OIL-1L', qty: 1000 });
    // The device still believes GONE is active until its next pull: the hub rejects the movement.
    const sql = d.connection;
    sql.prepare('update products set archived = 0 where id = ?').run(gone.id);
    await d.stockIn({ product: 'GONE', qty: 4 });
    await d.stockIn({ product: 'OIL-1L', qty: 500 });
    const r = await d.syncNow();
    expect(r.rejected).toBe(1);
    expect(r.status.pendingMovements).toBe(0);
    expect(r.status.rejectedMovements).toBe(1);
    const rejected = (await allMovements(d)).find((m) => m.syncStatus === 'rejected');
    expect(rejected?.syncReason).toMatch(/archived/);
    expect(hub.stockOf(hubOil.id)).toBe(6500);
    expect((await d.findProduct({ code: 'OIL-1L' })).qty).toBe(6500);
  });

  it('reports offline when the hub is unreachable and keeps everything queued', async () => {
    hub.addProduct({ sku: 'SOAP', name: 'Soap' });
    const d = await device();
    await d.enroll({ hubUrl: url, token: TOKEN_A });
    await d.syncNow();
    await hub.stop();
    await d.stockIn({ product: 'SOAP', qty: 3 });
    await expect(d.syncNow()).rejects.toThrow(/cannot reach the hub/);
    const s = await d.syncStatus();
    expect(s).toMatchObject({ state: 'offline', pendingMovements: 1, consecutiveFailures: 1 });
    url = await hub.start();
    // Same port is not guaranteed; point the device at the new address as an operator would.
    await d.enroll({ hubUrl: url, token: TOKEN_A, force: true });
    const r = await d.syncNow();
    expect(r.status).toMatchObject({ state: 'online', pendingMovements: 0 });
  });

  it('pulls a large catalog page by page until the hub says there is no more', async () => {
    for (let i = 0; i < 2500; i++) hub.addProduct({ sku: `BIG-${i}`, name: `Big catalog item ${i}` });
    hub.pullPageSize = 1000;
    const d = await device();
    await d.enroll({ hubUrl: url, token: TOKEN_A });
    const r = await d.syncNow();
    expect(r.pulledPages).toBe(3);
    expect(r.pulledProducts).toBe(2500);
    expect((await d.listStock({ limit: 5000 })).total).toBe(2500);
    expect((await d.findProduct({ code: 'BIG-2499' })).name).toBe('Big catalog item 2499');
  });

  it('backs off exponentially with jitter, capped', () => {
    const opts = { baseBackoffMs: 1000, maxBackoffMs: 60_000 };
    expect(backoffDelay(1, { ...opts, random: () => 0 })).toBe(500);
    expect(backoffDelay(1, { ...opts, random: () => 1 })).toBe(1000);
    expect(backoffDelay(4, { ...opts, random: () => 1 })).toBe(8000);
    expect(backoffDelay(40, { ...opts, random: () => 0.5 })).toBe(45_000);
  });
});

async function expectCode(p: Promise<unknown>, code: string) {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DomainError);
  expect((err as DomainError).code).toBe(code);
}

/**
 * The push answer in both protocols: a hub of protocol 2 lists only what was not applied, an
 * older hub (protocol 1) every movement. The counter says the protocol it speaks (3) and reads either.
 */
describe('sync push protocol (against the protocol stand-in)', () => {
  for (const speaks of [1, 2]) {
    it(`against a hub of protocol ${speaks}: applied, rejected and replayed movements end with the hub's answer`, async () => {
      hub.speaks = speaks;
      hub.addProduct({ sku: 'SALT', name: 'Salt' });
      const d = await device();
      const gone = await d.addProduct({ sku: 'GONE', name: 'Archived at the hub', unit: 'pc', priceMinor: 100 });
      await d.enroll({ hubUrl: url, token: TOKEN_A });
      await d.syncNow();
      hub.products.set(gone.id, { ...hub.products.get(gone.id)!, archived: true });
      d.connection.prepare('update products set archived = 0 where id = ?').run(gone.id);
      await d.stockIn({ product: 'SALT', qty: 10 });
      await d.stockIn({ product: 'GONE', qty: 4 });
      expect((await d.syncNow()).rejected).toBe(1);
      // An answer lost on the way: the retry gets the applied sale back as a duplicate.
      await d.sell({ lines: [{ product: 'SALT', qty: 3 }] });
      hub.dropNextResponses = 1;
      await expect(d.syncNow()).rejects.toThrow(/response lost/);
      const r = await d.syncNow();
      expect(r.status).toMatchObject({ pendingMovements: 0, ackedSeq: 3 });
      expect(hub.pushProtocols.length).toBeGreaterThanOrEqual(3);
      expect(hub.pushProtocols.every((p) => p === String(SYNC_PROTOCOL_VERSION))).toBe(true);
      const status = new Map((await d.history({ limit: 100 })).items.map((m) => [`${m.kind}:${m.productId}`, m.syncStatus]));
      expect(status.get(`IN:${gone.id}`)).toBe('rejected');
      expect([...status.entries()].filter(([k]) => !k.endsWith(gone.id)).map(([k, v]) => `${k.split(':')[0]}:${v}`).sort()).toEqual(['IN:applied', 'SALE:duplicate']);
      expect((await d.findProduct({ code: 'SALT' })).qty).toBe(7);
    });
  }

  it('fills in the applied results a protocol 2 answer leaves out, and only for seqs it acknowledged', () => {
    const sent = [1, 2, 3, 4].map((seq) => ({ id: `m${seq}`, seq }));
    const answer = { ackedSeq: 3, remaps: [], serverTime: 0, hubHlc: '0', protocol: 2, applied: 2, results: [{ id: 'm2', seq: 2, status: 'rejected' as const, reason: 'x' }] };
    expect(withEveryResult(answer, sent).results.map((r) => `${r.id}:${r.status}`).sort()).toEqual(['m1:applied', 'm2:rejected', 'm3:applied']);
    const v1 = { ...answer, protocol: undefined, results: [{ id: 'm1', seq: 1, status: 'applied' as const, reason: null }] };
    expect(withEveryResult(v1, sent)).toBe(v1);
  });
});
