import { formatHlc, mergeStock, parseHlc, timeResponseSchema, uuidv7 } from '@bazaar/shared';
import { describe, expect, it } from 'vitest';
import type { TestApp, TestUser } from '../test/test-db';
import { useTestApp } from '../test/use-test-app';
import { SimDevice } from './sync.test-kit';

let t: TestApp;
let admin: TestUser;
useTestApp((ctx) => ({ t, admin } = ctx));

const DAY = 86_400_000;

async function setup() {
  const store = await t.makeStore(`C${uuidv7().slice(-10)}`);
  const product = await t.makeProduct({ sku: `CK-${uuidv7()}` });
  const a = await SimDevice.enroll(t, admin.token, store.id, 'till a');
  const b = await SimDevice.enroll(t, admin.token, store.id, 'till b');
  return { store, product, a, b };
}
const conflictsOf = (storeId: string) => t.db.db.selectFrom('conflicts').selectAll().where('store_id', '=', storeId).where('kind', '=', 'CLOCK_DRIFT').execute();
const stored = (id: string) => t.db.db.selectFrom('movements').select(['hlc', 'device_hlc', 'device_time', 'occurred_at']).where('id', '=', id).executeTakeFirstOrThrow();

describe('device clocks at the hub', () => {
  it('re-stamps a movement 60 s in its future at receipt: the hub clock and the other counter are not dragged ahead', async () => {
    const { store, product, a, b } = await setup();
    const ahead = formatHlc({ wall: Date.now() + 60_000, counter: 0, node: a.node });
    const m = { ...a.record('COUNT', product.id, 10), hlc: ahead };
    const before = Date.now();
    const res = await t.call('POST', '/sync/push', a.token, { movements: [m], deviceHlc: ahead });
    expect(res.status).toBe(200);
    expect(parseHlc(res.body.hubHlc).wall).toBeLessThan(before + 30_000);
    const row = await stored(m.id);
    expect(parseHlc(row.hlc).wall).toBeLessThan(before + 30_000);
    expect(row.device_hlc).toBe(ahead);
    expect(new Date(row.occurred_at).getTime()).toBeLessThan(before + 30_000);
    expect(new Date(row.device_time!).toISOString()).toBe(m.occurredAt);
    expect((await conflictsOf(store.id)).map((c) => c.details)).toEqual([expect.objectContaining({ direction: 'fast', restamped: 1 })]);

    // The other counter learns the hub's clock and sells after the count: its sale orders after the count.
    await b.pullAll();
    const sale = b.record('SALE', product.id, -2);
    expect((await b.push([sale])).status).toBe(200);
    expect(parseHlc(sale.hlc).wall).toBeLessThan(before + 30_000);
    const stock = await t.db.db.selectFrom('stock').select('qty').where('store_id', '=', store.id).where('product_id', '=', product.id).executeTakeFirstOrThrow();
    expect(stock.qty).toBe(8);

    // A retry of the re-stamped movement is a duplicate, not a content mismatch.
    const again = await t.call('POST', '/sync/push', a.token, { movements: [m] });
    expect(again.status).toBe(200);
    expect(again.body.results[0].status).toBe('duplicate');
  });

  it('flags a slow clock as well as a fast one, once while it stays off', async () => {
    const { store, product, a, b } = await setup();
    a.skewMs = -3 * DAY;
    b.skewMs = 2 * DAY;
    for (const d of [a, b]) {
      d.record('IN', product.id, 1);
      await d.pushAll();
      d.record('IN', product.id, 1);
      await d.pushAll();
    }
    const flags = (await conflictsOf(store.id)).map((c) => ({ device: c.device_id, ...(c.details as object) }));
    expect(flags).toHaveLength(2);
    expect(flags).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ device: a.id, direction: 'slow' }),
        expect.objectContaining({ device: b.id, direction: 'fast' }),
      ]),
    );
    // Corrected: each device's stamps follow hub time, so the flags say the stamps are fine.
    for (const f of flags) expect(Math.abs((f as unknown as { correctedErrorMs: number }).correctedErrorMs)).toBeLessThan(5_000);
  });

  it('orders movements made days off before the first contact by their corrected time', async () => {
    const { store, product, a, b } = await setup();
    a.skewMs = 3 * DAY;
    b.skewMs = -3 * DAY;
    const early = a.record('COUNT', product.id, 20);
    await new Promise((r) => setTimeout(r, 20));
    const later = b.record('SALE', product.id, -3);
    await b.pushAll();
    await a.pushAll();
    const rows = await t.db.db.selectFrom('movements').select(['id', 'hlc', 'device_hlc', 'kind', 'qty']).where('store_id', '=', store.id).execute();
    const hub = rows.map((r) => ({ id: r.id, kind: r.kind, qty: Number(r.qty), hlc: r.hlc }));
    expect(mergeStock(hub).qty).toBe(17);
    const stock = await t.db.db.selectFrom('stock').select('qty').where('store_id', '=', store.id).where('product_id', '=', product.id).executeTakeFirstOrThrow();
    expect(stock.qty).toBe(17);
    // The device's first stamps are kept for audit.
    expect(rows.find((r) => r.id === early.id)?.device_hlc).toBe(a.log[0]!.stampedHlc);
    expect(rows.find((r) => r.id === later.id)?.device_hlc).toBe(b.log[0]!.stampedHlc);
    expect(parseHlc(a.log[0]!.stampedHlc!).wall - parseHlc(a.log[0]!.hlc).wall).toBeGreaterThan(2.9 * DAY);
  });

  it('GET /sync/time answers hub time and this device\'s acknowledged seq', async () => {
    const { product, a } = await setup();
    a.record('IN', product.id, 1);
    await a.pushAll();
    const res = await t.call('GET', '/sync/time', a.token);
    expect(res.status).toBe(200);
    expect(timeResponseSchema.parse(res.body)).toMatchObject({ ackedSeq: 1 });
    expect((await t.call('GET', '/sync/time', admin.token)).status).toBe(403);
  });
});
