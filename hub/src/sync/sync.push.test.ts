import { formatHlc, mergeStock, pushResponseSchema, uuidv7 } from '@bazaar/shared';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { TestApp, TestUser } from '../test/test-db';
import { useTestApp } from '../test/use-test-app';
import { SimDevice } from './sync.test-kit';

let t: TestApp;
let admin: TestUser;
useTestApp((ctx) => ({ t, admin } = ctx));

async function setup(varianceThreshold = 10) {
  const store = await t.makeStore(`P${uuidv7().slice(-10)}`);
  await t.db.db.updateTable('stores').set({ variance_threshold: varianceThreshold }).where('id', '=', store.id).execute();
  const product = await t.makeProduct({ sku: `SP-${uuidv7()}` });
  const device = await SimDevice.enroll(t, admin.token, store.id, 'till');
  return { store, product, device };
}

const stockOf = (storeId: string, productId: string) =>
  t.db.db.selectFrom('stock').selectAll().where('store_id', '=', storeId).where('product_id', '=', productId).executeTakeFirst();
const conflictsOf = (storeId: string) => t.db.db.selectFrom('conflicts').selectAll().where('store_id', '=', storeId).orderBy('created_at').execute();

describe('POST /sync/push', () => {
  it('applies a batch, answers per movement, and treats a replay as duplicates that change nothing', async () => {
    const { store, product, device } = await setup();
    device.record('IN', product.id, 10);
    device.record('SALE', product.id, -3);
    const first = await device.push(device.slice(1, 2));
    expect(first.status).toBe(200);
    expect(pushResponseSchema.parse(first.body)).toMatchObject({ ackedSeq: 2, remaps: [] });
    expect(first.body.results.map((r: { status: string }) => r.status)).toEqual(['applied', 'applied']);
    expect((await stockOf(store.id, product.id))?.qty).toBe(7);

    const again = await device.push(device.slice(1, 2));
    expect(again.body.results.map((r: { status: string }) => r.status)).toEqual(['duplicate', 'duplicate']);
    expect(again.body.ackedSeq).toBe(2);
    expect((await stockOf(store.id, product.id))?.qty).toBe(7);
    const audit = await t.db.db.selectFrom('audit_log').select(['action', 'after']).where('store_id', '=', store.id).where('action', '=', 'sync.push').execute();
    expect(audit).toHaveLength(2);
    expect(audit[0]!.after).toMatchObject({ ackedSeq: 2, applied: 2, duplicates: 0 });
    const dev = await t.db.db.selectFrom('devices').selectAll().where('id', '=', device.id).executeTakeFirstOrThrow();
    expect(dev.last_seq).toBe(2);
    expect(dev.last_push_at).not.toBeNull();
  });

  it('answers a gap with 409 SEQ_GAP and the expected seq, applying nothing', async () => {
    const { store, product, device } = await setup();
    for (let i = 0; i < 4; i++) device.record('IN', product.id, 1);
    const res = await device.push(device.slice(3, 4), [], { dropResponse: true });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'SEQ_GAP', details: { expectedSeq: 1 } });
    expect(await stockOf(store.id, product.id)).toBeUndefined();
    const inner = await t.call('POST', '/sync/push', device.token, { movements: [device.log[0], device.log[2]] });
    expect(inner.status).toBe(409);
    expect(inner.body.error.code).toBe('SEQ_GAP');
  });

  it('refuses a replayed seq whose content changed (re-enroll), applying nothing of the batch', async () => {
    const { store, product, device } = await setup();
    device.record('IN', product.id, 5);
    await device.push(device.slice(1, 1));
    device.record('SALE', product.id, -1);
    const forged = { ...device.log[0]!, qty: 50 };
    const res = await t.call('POST', '/sync/push', device.token, { movements: [forged, device.log[1]] });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('SEQ_CONTENT_MISMATCH');
    expect(res.body.error.message).toContain('Re-enroll');
    expect((await stockOf(store.id, product.id))?.qty).toBe(5);
    const otherId = { ...device.log[0]!, id: uuidv7() };
    const res2 = await t.call('POST', '/sync/push', device.token, { movements: [otherId] });
    expect(res2.body.error.code).toBe('SEQ_CONTENT_MISMATCH');
  });

  it('stores and rejects unknown, archived and absurd movements as conflicts, still answering 200', async () => {
    const { store, product, device } = await setup();
    const archived = await t.makeProduct({ sku: `ARC-${uuidv7()}` });
    await t.db.db.updateTable('products').set({ archived: true }).where('id', '=', archived.id).execute();
    const unknown = uuidv7();
    device.record('SALE', unknown, -1);
    device.record('SALE', archived.id, -1);
    device.record('IN', product.id, 5_000_000);
    device.record('IN', product.id, 4);
    const res = await device.push(device.slice(1, 4));
    expect(res.status).toBe(200);
    expect(res.body.ackedSeq).toBe(4);
    expect(res.body.results.map((r: { status: string }) => r.status)).toEqual(['rejected', 'rejected', 'rejected', 'applied']);
    expect(res.body.results[0].reason).toContain('unknown product');
    expect(res.body.results[1].reason).toContain('archived');
    expect(res.body.results[2].reason).toContain('sane bound');
    expect((await stockOf(store.id, product.id))?.qty).toBe(4);
    const rows = await t.db.db.selectFrom('movements').select(['status', 'reject_reason']).where('device_id', '=', device.id).orderBy('seq').execute();
    expect(rows.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected', 'applied']);
    const conflicts = await conflictsOf(store.id);
    expect(conflicts.filter((c) => c.kind === 'REJECTED_MOVEMENT')).toHaveLength(3);
    // A replay repeats the rejection (the first answer may have been lost), without a second conflict.
    const again = await device.push(device.slice(1, 4));
    expect(again.body.results.map((r: { status: string }) => r.status)).toEqual(['rejected', 'rejected', 'rejected', 'duplicate']);
    expect((await conflictsOf(store.id)).filter((c) => c.kind === 'REJECTED_MOVEMENT')).toHaveLength(3);
  });

  it('flags negative stock, count variance and late movements absorbed by a count', async () => {
    const { store, product, device } = await setup(3);
    const other = await SimDevice.enroll(t, admin.token, store.id, 'till 2');
    const late = device.record('SALE', product.id, -2); // happened first, arrives last
    other.record('IN', product.id, 5);
    other.record('COUNT', product.id, 20); // expected 5, counted 20: variance 15 > 3
    other.record('SALE', product.id, -25);
    await other.push(other.slice(1, 3));
    expect((await stockOf(store.id, product.id))?.qty).toBe(-5);
    await device.push(device.slice(1, 1));
    const s = await stockOf(store.id, product.id);
    const expected = mergeStock([late, ...other.log]);
    expect(s).toMatchObject({ qty: expected.qty, last_count_variance: expected.variance });
    expect(expected.variance).toBe(17);
    const kinds = (await conflictsOf(store.id)).map((c) => c.kind);
    expect(kinds).toEqual(expect.arrayContaining(['NEGATIVE_STOCK', 'COUNT_VARIANCE', 'LATE_MOVEMENT_ABSORBED']));
    const absorbed = (await conflictsOf(store.id)).find((c) => c.kind === 'LATE_MOVEMENT_ABSORBED')!;
    expect(absorbed).toMatchObject({ movement_id: late.id, device_id: device.id });
    expect(absorbed.details).toMatchObject({ absorbedQty: -2, varianceNow: 17 });
  });

  it('flags a clock far ahead once per push and does not let it drag the hub clock', async () => {
    const { store, product, device } = await setup();
    const ahead = formatHlc({ wall: Date.now() + 3 * 86_400_000, counter: 0, node: 'skewed' });
    const m1 = { ...device.record('IN', product.id, 1), hlc: ahead };
    const m2 = { ...device.record('IN', product.id, 1), hlc: formatHlc({ wall: Date.now() + 3 * 86_400_000, counter: 1, node: 'skewed' }) };
    const res = await t.call('POST', '/sync/push', device.token, { movements: [m1, m2] });
    expect(res.status).toBe(200);
    expect(res.body.results.map((r: { status: string }) => r.status)).toEqual(['applied', 'applied']);
    expect(res.body.hubHlc < ahead).toBe(true);
    const drift = (await conflictsOf(store.id)).filter((c) => c.kind === 'CLOCK_DRIFT');
    expect(drift).toHaveLength(1);
    expect((drift[0]!.details as { driftMs: number }).driftMs).toBeGreaterThan(2 * 86_400_000);
  });

  it('creates offline products, merges a known SKU into the hub product and remaps the device', async () => {
    const { store, product, device } = await setup();
    const hubSku = (await t.db.db.selectFrom('products').select('sku').where('id', '=', product.id).executeTakeFirstOrThrow()).sku;
    const newId = uuidv7();
    const dupId = uuidv7();
    const products = [
      { id: newId, sku: `NEW-${uuidv7()}`, name: 'Offline soap', unit: 'pc', priceMinor: 2500 },
      { id: dupId, sku: hubSku, name: 'Same SKU typed offline', unit: 'pc', priceMinor: 1000 },
    ];
    device.record('IN', newId, 6);
    device.record('IN', dupId, 4);
    device.record('SALE', dupId, -1);
    const res = await t.call('POST', '/sync/push', device.token, { movements: device.slice(1, 3), products });
    expect(res.status).toBe(200);
    expect(res.body.results.map((r: { status: string }) => r.status)).toEqual(['applied', 'applied', 'applied']);
    expect(res.body.remaps).toEqual([{ fromProductId: dupId, toProductId: product.id, sku: hubSku }]);
    expect((await stockOf(store.id, newId))?.qty).toBe(6);
    expect((await stockOf(store.id, product.id))?.qty).toBe(3);
    const stored = await t.db.db.selectFrom('movements').select('product_id').where('device_id', '=', device.id).orderBy('seq').execute();
    expect(stored.map((m) => m.product_id)).toEqual([newId, product.id, product.id]);
    expect((await conflictsOf(store.id)).filter((c) => c.kind === 'SKU_MERGED')).toHaveLength(1);

    // Replayed, and a later movement still under the device's old id: same answer, no second merge.
    device.record('SALE', dupId, -1);
    const again = await t.call('POST', '/sync/push', device.token, { movements: device.slice(1, 4), products });
    expect(again.status).toBe(200);
    expect(again.body.results.map((r: { status: string }) => r.status)).toEqual(['duplicate', 'duplicate', 'duplicate', 'applied']);
    expect(again.body.remaps).toEqual([{ fromProductId: dupId, toProductId: product.id, sku: hubSku }]);
    expect((await stockOf(store.id, product.id))?.qty).toBe(2);
    expect((await conflictsOf(store.id)).filter((c) => c.kind === 'SKU_MERGED')).toHaveLength(1);

    // Pull tells every device of the catalog about the new product and the merge.
    const pages = await device.pullAll();
    expect(pages.flatMap((p) => p.products).map((p) => p.id)).toContain(newId);
    expect(pages.flatMap((p) => p.remaps)).toContainEqual({ fromProductId: dupId, toProductId: product.id, sku: hubSku });
  });

  it('rejects malformed input with 400 and bodies over the limit with 413 naming the limit', async () => {
    const { device } = await setup();
    const bad = await t.call('POST', '/sync/push', device.token, { movements: [{ id: 'x' }] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
    for (let i = 0; i < 1001; i++) device.record('IN', uuidv7(), 1);
    const tooMany = await t.call('POST', '/sync/push', device.token, { movements: device.slice(1, 1001) });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.message).toContain('at most 1000 movements');
    const limit = t.deps.config.bodyLimitBytes;
    const huge = await t.call('POST', '/sync/push', device.token, JSON.stringify({ movements: [], pad: 'x'.repeat(limit) }));
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(huge.body.error.message).toContain(String(limit));
  });

  it('applies a 1,000-movement push in one transaction: a failure midway leaves nothing, the retry applies it once', async () => {
    const { store, product, device } = await setup();
    for (let i = 0; i < 1000; i++) {
      const kind = i % 97 === 50 ? 'COUNT' : i % 3 === 0 ? 'IN' : 'SALE';
      device.record(kind, product.id, kind === 'COUNT' ? 40 : kind === 'IN' ? 3 : -1);
    }
    const body = JSON.stringify({ movements: device.slice(1, 1000), products: [] });
    expect(Buffer.byteLength(body)).toBeLessThan(t.deps.config.bodyLimitBytes);

    // Fail at the last write of the push (after movements, stock and conflicts were written).
    await sql`CREATE TABLE IF NOT EXISTS test_fail_switch (on_device uuid PRIMARY KEY)`.execute(t.db.db);
    await sql`CREATE OR REPLACE FUNCTION test_fail_push() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM test_fail_switch WHERE on_device = NEW.id) THEN
          RAISE EXCEPTION 'injected failure midway through a push';
        END IF;
        RETURN NEW;
      END $$`.execute(t.db.db);
    await sql`DROP TRIGGER IF EXISTS test_fail_push ON devices`.execute(t.db.db);
    await sql`CREATE TRIGGER test_fail_push BEFORE UPDATE ON devices FOR EACH ROW EXECUTE FUNCTION test_fail_push()`.execute(t.db.db);
    await sql`INSERT INTO test_fail_switch VALUES (${device.id})`.execute(t.db.db);

    const failed = await t.call('POST', '/sync/push', device.token, body);
    expect(failed.status).toBe(500);
    expect(await t.db.db.selectFrom('movements').select('id').where('device_id', '=', device.id).execute()).toHaveLength(0);
    expect(await stockOf(store.id, product.id)).toBeUndefined();
    expect(await conflictsOf(store.id)).toHaveLength(0);
    expect(await t.db.db.selectFrom('audit_log').select('id').where('store_id', '=', store.id).where('action', '=', 'sync.push').execute()).toHaveLength(0);

    await sql`DELETE FROM test_fail_switch`.execute(t.db.db);
    const ok = await t.call('POST', '/sync/push', device.token, body);
    expect(ok.status).toBe(200);
    expect(ok.body.ackedSeq).toBe(1000);
    expect(ok.body.results.filter((r: { status: string }) => r.status === 'applied')).toHaveLength(1000);
    const replay = await t.call('POST', '/sync/push', device.token, body);
    expect(replay.body.results.filter((r: { status: string }) => r.status === 'duplicate')).toHaveLength(1000);
    expect(await t.db.db.selectFrom('movements').select('id').where('device_id', '=', device.id).execute()).toHaveLength(1000);
    expect((await stockOf(store.id, product.id))?.qty).toBe(mergeStock(device.log).qty);
    await sql`DROP TRIGGER test_fail_push ON devices`.execute(t.db.db);
  });

  it('serves concurrent pushes of many devices in one store and many stores without deadlock or loss', async () => {
    const product = await t.makeProduct({ sku: `CC-${uuidv7()}` });
    const stores = [await t.makeStore(`CA${uuidv7().slice(-8)}`), await t.makeStore(`CB${uuidv7().slice(-8)}`), await t.makeStore(`CC${uuidv7().slice(-8)}`)];
    const devices: SimDevice[] = [];
    for (const s of stores) for (let i = 0; i < 4; i++) devices.push(await SimDevice.enroll(t, admin.token, s.id, `till ${i}`));
    // Every counter also created the same new SKU offline: they race to create it, all but one get merged.
    const sharedSku = `CC-SHARED-${uuidv7()}`;
    for (const d of devices) {
      const own = d.createProduct(sharedSku);
      for (let i = 0; i < 60; i++) {
        const p = i % 7 === 3 ? own : product.id;
        d.record(i % 5 === 0 ? 'IN' : 'SALE', p, i % 5 === 0 ? 7 : -1);
      }
    }
    // Every device pushes in batches of 20, all devices at once, each batch twice (a retry racing itself).
    await Promise.all(
      devices.map(async (d) => {
        for (let from = 1; from <= 60; from += 20) {
          const batch = d.slice(from, from + 19);
          // A busy lock may be shed with 503 + Retry-After (never a 500): the counter retries, as here.
          const pushUntilAnswered = async () => {
            for (;;) {
              const r = await d.push(batch);
              if (r.status !== 503) return r;
              expect(r.headers.get('retry-after')).toMatch(/^\d+$/);
            }
          };
          const [a, b] = await Promise.all([pushUntilAnswered(), pushUntilAnswered()]);
          expect([a.status, b.status]).toEqual([200, 200]);
        }
      }),
    );
    const winners = await t.db.db.selectFrom('products').select('id').where('sku', '=', sharedSku).execute();
    expect(winners).toHaveLength(1);
    const shared = winners[0]!.id;
    const remaps = await t.db.db.selectFrom('product_remaps').select(['to_product_id']).where('sku', '=', sharedSku).execute();
    expect(remaps).toHaveLength(devices.length - 1);
    expect(remaps.every((r) => r.to_product_id === shared)).toBe(true);
    for (const s of stores) {
      const mine = devices.filter((d) => d.storeId === s.id);
      const log = mine.flatMap((d) => d.log);
      const isShared = (id: string) => mine.some((d) => d.offline.some((p) => p.id === id));
      expect((await stockOf(s.id, product.id))?.qty).toBe(mergeStock(log.filter((m) => m.productId === product.id)).qty);
      expect((await stockOf(s.id, shared))?.qty).toBe(mergeStock(log.filter((m) => isShared(m.productId))).qty);
      const stored = await t.db.db.selectFrom('movements').select('id').where('store_id', '=', s.id).execute();
      expect(stored).toHaveLength(4 * 60);
    }
  });
});
