import { auditHashInput } from '@bazaar/shared';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoreCore } from '../store-core';
import { tempStore } from '../testing/temp-store';
import { buildAuditRow } from './audit.log';
import { createHash } from 'node:crypto';
import { hashStored, storedHashInput, verifyAuditChain } from './audit.verify';

describe('the stored-text hash input', () => {
  it('is exactly the shared auditHashInput of the row as written', () => {
    const json = fc.jsonValue({ maxDepth: 3 });
    const text = fc.option(fc.string({ unit: 'grapheme', maxLength: 20 }), { nil: null });
    fc.assert(
      fc.property(json, json, text, text, fc.string({ minLength: 1, maxLength: 12 }), (before, after, actorId, storeId, action) => {
        const row = buildAuditRow('ab'.repeat(32), { actor: { id: actorId, name: null }, action, entity: 'sale', entityId: storeId, storeId, before, after, at: new Date(1_790_000_000_000) });
        const expected = auditHashInput(row.prev_hash, {
          id: row.id,
          at: row.at,
          actorId: row.actor_id,
          action: row.action,
          entity: row.entity,
          entityId: row.entity_id,
          storeId: row.store_id,
          before: JSON.parse(row.before_json),
          after: JSON.parse(row.after_json),
          ip: null,
        });
        expect(storedHashInput(row)).toBe(expected);
        expect(hashStored(row)).toBe(createHash('sha256').update(expected, 'utf8').digest('hex'));
      }),
      { numRuns: 500 },
    );
  });
});

describe('verifying the counter chain', () => {
  let core: StoreCore;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ core, cleanup } = await tempStore());
    await core.addProduct({ sku: 'SALT-1', name: 'Tata Salt 1kg', unit: 'pc', priceMinor: 2800 });
    await core.stockIn({ product: 'SALT-1', qty: 5_000 });
    for (let i = 0; i < 300; i++) await core.sell({ lines: [{ product: 'SALT-1', qty: 1 }] });
  });
  afterEach(async () => cleanup());

  it('yields between slices, so a scan answers while the chain is being checked', async () => {
    const order: string[] = [];
    let slices = 0;
    const verifying = verifyAuditChain(core.connection, { full: true, sliceMs: 0, onProgress: () => (slices += 1) }).then((v) => {
      order.push('verified');
      return v;
    });
    const scanned = core.findProduct({ code: 'SALT-1' }).then(() => order.push('scanned'));
    const [v] = await Promise.all([verifying, scanned]);
    expect(v).toMatchObject({ ok: true, mode: 'full', checked: 303 });
    expect(slices).toBeGreaterThan(1);
    // Before slicing, the walk held the loop to the end and the scan came after it.
    expect(order).toEqual(['scanned', 'verified']);
  });

  it('resumes from the last verified head, and starts over when that head was tampered with', async () => {
    const first = await core.verifyAudit();
    expect(first).toMatchObject({ ok: true, mode: 'full', coveredBefore: 0, checked: 303 });
    await core.sell({ lines: [{ product: 'SALT-1', qty: 2 }] });
    const next = await core.verifyAudit();
    expect(next).toMatchObject({ ok: true, mode: 'incremental', coveredBefore: 303, checked: 304 });
    // Re-chaining from an earlier row changes the head row's hash: the routine check notices and walks it all.
    core.connection.prepare('UPDATE audit SET hash = ? WHERE pos = (SELECT max(pos) FROM audit)').run('f'.repeat(64));
    const broken = await core.verifyAudit();
    expect(broken.mode).toBe('full');
    expect(broken.ok).toBe(false);
    expect(broken.firstBroken?.reason).toMatch(/edited/);
  });

  it('reports a removed row and never moves the head past a break', async () => {
    await core.verifyAudit();
    await core.sell({ lines: [{ product: 'SALT-1', qty: 1 }] });
    await core.sell({ lines: [{ product: 'SALT-1', qty: 1 }] });
    core.connection.prepare('DELETE FROM audit WHERE pos = (SELECT max(pos) - 1 FROM audit)').run();
    const v = await core.verifyAudit();
    expect(v).toMatchObject({ ok: false, mode: 'incremental' });
    expect(v.firstBroken?.reason).toMatch(/removed or reordered/);
    expect((await core.verifyAudit()).ok).toBe(false);
  });
});
