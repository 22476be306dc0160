import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ProtocolHub } from '../testing/protocol-hub';
import { tempStore } from '../testing/temp-store';
import type { StoreCore } from '../store-core';
import { withEveryResult } from './sync.push';

const TOKEN = 'device-token-p-0123456789abcdef';
let hub: ProtocolHub;
let url: string;
const cleanups: (() => Promise<void>)[] = [];

beforeEach(async () => {
  hub = new ProtocolHub();
  hub.tokens.add(TOKEN);
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

/**
 * The push answer in both protocols: a hub of protocol 2 lists only what was not applied, an
 * older hub (protocol 1) every movement. The counter asks for 2 and reads either.
 */
describe('sync push protocol (against the protocol stand-in)', () => {
  for (const speaks of [1, 2]) {
    it(`against a hub of protocol ${speaks}: applied, rejected and replayed movements end with the hub's answer`, async () => {
      hub.speaks = speaks;
      hub.addProduct({ sku: 'SALT', name: 'Salt' });
      const d = await device();
      const gone = await d.addProduct({ sku: 'GONE', name: 'Archived at the hub', unit: 'pc', pricePaise: 100 });
      await d.enroll({ hubUrl: url, token: TOKEN });
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
      expect(hub.pushProtocols.every((p) => p === '2')).toBe(true);
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
