import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { shiftReportText } from '@bazaar/shared';
import { StoreCore } from '../store-core';
import { billStore, expectError, manager } from './bills.testing';

let core: StoreCore;
let path: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ core, cleanup, path } = await billStore()));
afterEach(async () => cleanup());

describe('held carts', () => {
  it('holds several carts, keeps them across a restart, and recalls each once', async () => {
    const a = await core.holdCart({ label: 'lady in blue', cart: { lines: [{ product: 'SOAP', qty: 2 }] } });
    await core.holdCart({ cart: { lines: [{ product: 'ATTA-5', qty: 1 }, { product: 'RICE', qty: 500 }], billDiscount: { kind: 'amount', minor: 100 } } });
    await core.close();
    core = await StoreCore.open(path);
    await core.signIn({ username: 'sami', pin: '5678' });
    const held = await core.heldCarts();
    expect(held.map((h) => [h.label, h.lines])).toEqual([
      ['lady in blue', 1],
      [expect.stringMatching(/^Held \d\d:\d\d$/), 2],
    ]);
    const back = await core.recallCart({ id: a.id });
    expect(back.cart.lines).toEqual([{ product: 'SOAP', qty: 2 }]);
    await expectError(core.recallCart({ id: a.id }), 'NOT_FOUND');
    expect((await core.sell(back.cart)).bill.lines).toHaveLength(1);
    expect(await core.heldCarts()).toHaveLength(1);
  });
});

describe('shifts', () => {
  it('open with a float, close with cash by denomination: expected vs counted, by method, returns, voids, discounts', async () => {
    const open = await core.openShift({ floatMinor: 100_000 });
    expect(open.status).toBe('open');
    await expectError(core.openShift({ floatMinor: 0 }), 'CONFLICT');
    const a = await core.sell({ lines: [{ product: 'ATTA-5', qty: 1 }], payments: [{ method: 'cash', tenderedMinor: 30_000 }] });
    await core.sell({ lines: [{ product: 'SOAP', qty: 2 }], payments: [{ method: 'upi' }] });
    const c = await core.sell({ lines: [{ product: 'SOAP', qty: 1 }], billDiscount: { kind: 'amount', minor: 400 } });
    await core.returnBill({ bill: a.billNumber, lines: [{ lineNo: 1, qty: 1 }] });
    await core.voidBill({ bill: c.billNumber, reason: 'rang up twice', approval: manager });
    const x = await core.currentShift();
    expect(x?.saleBills).toBe(2);

    const z = await core.closeShift({ counted: [{ denominationMinor: 50_000, count: 2 }, { denominationMinor: 10_000, count: 0 }, { denominationMinor: 100, count: 5 }] });
    expect(z).toMatchObject({
      status: 'closed',
      floatMinor: 100_000,
      saleBills: 2,
      returnBills: 1,
      salesMinor: 26_500 + 9_000,
      returnsMinor: 26_500,
      discountsMinor: 0,
      voids: { count: 1, totalMinor: 4_100 },
      byMethod: [
        { method: 'cash', amountMinor: 0 },
        { method: 'upi', amountMinor: 9_000 },
      ],
      cashExpectedMinor: 100_000,
      countedMinor: 100_500,
      varianceMinor: 500,
    });
    expect(z.counted).toEqual([
      { denominationMinor: 50_000, count: 2 },
      { denominationMinor: 100, count: 5 },
    ]);
    const text = shiftReportText(z, { width: 32, storeName: 'Sharma Kirana', currencyLabel: 'Rs', timeZone: 'Asia/Karachi' });
    expect(text).toMatch(/Z REPORT/);
    expect(text).toMatch(/OVER\s+5\.00/);
    for (const l of text.split('\n')) expect(l.length).toBeLessThanOrEqual(32);
    expect(await core.currentShift()).toBeNull();
    await expectError(core.closeShift({ counted: [] }), 'UNPROCESSABLE');
    // Bills after the close belong to no shift until the next opens.
    expect((await core.sell({ lines: [{ product: 'SOAP', qty: 1 }] })).bill.shiftId).toBeNull();
  });
});
