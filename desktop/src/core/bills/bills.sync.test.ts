import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ProtocolHub } from '../testing/protocol-hub';
import { tempStore } from '../testing/temp-store';

const TOKEN = 'device-token-bills-0123456789abcdef';
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

describe('bills on the push', () => {
  it('travel with their movements exactly once; a void or a return goes with its own movements; a replay after a lost answer stores nothing twice', async () => {
    const s = await tempStore();
    cleanups.push(s.cleanup);
    const { core } = s;
    for (const sku of ['A', 'B']) await core.addProduct({ sku, name: `Item ${sku}`, unit: 'pc', pricePaise: 1_000 });
    await core.enroll({ hubUrl: url, token: TOKEN });
    const a = await core.sell({ lines: [{ product: 'A', qty: 2 }, { product: 'B', qty: 1 }] });
    const b = await core.sell({ lines: [{ product: 'B', qty: 3 }], payments: [{ method: 'upi' }] });
    await core.syncNow();
    expect([...hub.bills.keys()].sort()).toEqual([a.batchId, b.batchId].sort());
    expect(hub.bills.get(b.batchId)?.payments).toEqual([{ method: 'upi', amountPaise: 3_000 }]);
    expect(hub.billCopies).toBe(2);

    // Nothing new: nothing is sent again.
    await core.syncNow();
    expect(hub.billCopies).toBe(2);

    const r = await core.returnBill({ bill: a.billNumber, lines: [{ lineNo: 1, qty: 1 }] });
    await core.voidBill({ bill: b.billNumber, reason: 'rang twice' });
    hub.dropNextResponses = 1;
    await core.syncNow().catch(() => undefined);
    await core.syncNow();
    expect(hub.bills.size).toBe(3);
    expect(hub.bills.get(b.batchId)?.status).toBe('voided');
    expect(hub.bills.get(r.id)).toMatchObject({ kind: 'return', originalBillId: a.batchId });
    // Every movement the hub holds for a bill references one it holds.
    const withBills = [...hub.movements.values()].filter((m) => m.batchId && (hub.bills.has(m.batchId) || m.kind === 'SALE'));
    for (const m of withBills) expect(hub.bills.has(m.batchId as string)).toBe(true);
    expect(withBills).toHaveLength(5);
  });
});
