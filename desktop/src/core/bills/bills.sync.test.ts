import { describe, expect, it } from 'vitest';
import { protocolHubFixture } from '../testing/protocol-hub.fixture';

const TOKEN = 'device-token-bills-0123456789abcdef';
const f = protocolHubFixture(TOKEN);

describe('bills on the push', () => {
  it('travel with their movements exactly once; a void or a return goes with its own movements; a replay after a lost answer stores nothing twice', async () => {
    const core = await f.store();
    for (const sku of ['A', 'B']) await core.addProduct({ sku, name: `Item ${sku}`, unit: 'pc', priceMinor: 1_000 });
    await core.enroll({ hubUrl: f.url, token: TOKEN });
    const a = await core.sell({ lines: [{ product: 'A', qty: 2 }, { product: 'B', qty: 1 }] });
    const b = await core.sell({ lines: [{ product: 'B', qty: 3 }], payments: [{ method: 'upi' }] });
    await core.syncNow();
    expect([...f.hub.bills.keys()].sort()).toEqual([a.batchId, b.batchId].sort());
    expect(f.hub.bills.get(b.batchId)?.payments).toEqual([{ method: 'upi', amountMinor: 3_000 }]);
    expect(f.hub.billCopies).toBe(2);

    // Nothing new: nothing is sent again.
    await core.syncNow();
    expect(f.hub.billCopies).toBe(2);

    const r = await core.returnBill({ bill: a.billNumber, lines: [{ lineNo: 1, qty: 1 }] });
    await core.voidBill({ bill: b.billNumber, reason: 'rang twice' });
    f.hub.dropNextResponses = 1;
    await core.syncNow().catch(() => undefined);
    await core.syncNow();
    expect(f.hub.bills.size).toBe(3);
    expect(f.hub.bills.get(b.batchId)?.status).toBe('voided');
    expect(f.hub.bills.get(r.id)).toMatchObject({ kind: 'return', originalBillId: a.batchId });
    // Every movement the hub holds for a bill references one it holds.
    const withBills = [...f.hub.movements.values()].filter((m) => m.batchId && (f.hub.bills.has(m.batchId) || m.kind === 'SALE'));
    for (const m of withBills) expect(f.hub.bills.has(m.batchId as string)).toBe(true);
    expect(withBills).toHaveLength(5);
  });
});
