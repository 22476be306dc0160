import { uuidv7, type Bill, type BillDetail, type BillReport, type BillSummary } from '@bazaar/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TestApp, TestUser } from '../test/test-db';
import { useTestApp } from '../test/use-test-app';
import { SimDevice } from '../sync/sync.test-kit';
import { billFor, returnOf } from './bills.test-docs';

let t: TestApp;
let admin: TestUser;
useTestApp((ctx) => ({ t, admin } = ctx));

/** Push one movement of `bill` from `device` with the bill beside it, as a counter does. */
async function pushBill(device: SimDevice, productId: string, bill: Bill, qty: number) {
  const m = device.record(qty < 0 ? 'SALE' : 'ADJUST', productId, qty);
  const res = await t.call('POST', '/sync/push', device.token, { movements: [{ ...device.slice(m.seq, m.seq)[0], batchId: bill.id }], bills: [bill] });
  expect(res.status).toBe(200);
}

const page = (body: unknown) => body as { items: BillSummary[]; nextCursor: string | null };

let manager: TestUser;
let storeA: { id: string; code: string };
let storeB: { id: string; code: string };
let till: SimDevice;
const bills: Record<'late' | 'upi' | 'ret' | 'voided' | 'other', Bill> = {} as never;

beforeAll(async () => {
  storeA = await t.makeStore(`BA${uuidv7().slice(-8)}`);
  storeB = await t.makeStore(`BB${uuidv7().slice(-8)}`);
  await t.db.db.updateTable('stores').set({ time_zone: 'Asia/Karachi' }).where('id', '=', storeA.id).execute();
  manager = await t.makeUser('manager', [storeA.id]);
  const product = await t.makeProduct({ sku: `BL-${uuidv7()}` });
  till = await SimDevice.enroll(t, admin.token, storeA.id, 'Front till');
  const far = await SimDevice.enroll(t, admin.token, storeB.id, 'Other till');
  const at = (iso: string, b: Bill, cashier: string): Bill => ({ ...b, occurredAt: iso, cashier: { id: null, name: cashier } });
  // 20:30 UTC on the 10th is 01:30 on the 11th in Karachi: the store's day is the 11th.
  bills.late = at('2026-01-10T20:30:00.000Z', billFor(storeA.id, product.id, uuidv7(), 1), 'Meena');
  bills.upi = { ...at('2026-01-11T05:00:00.000Z', billFor(storeA.id, product.id, uuidv7(), 2), 'Ravi'), payments: [{ method: 'upi', amountMinor: 3000 }], changeMinor: 0 };
  bills.ret = at('2026-01-11T06:00:00.000Z', returnOf(bills.late, 1, 'C2', 3), 'Ravi');
  bills.voided = at('2026-01-11T07:00:00.000Z', billFor(storeA.id, product.id, uuidv7(), 4), 'Meena');
  bills.other = at('2026-01-11T08:00:00.000Z', billFor(storeB.id, product.id, uuidv7(), 1), 'Zara');
  await pushBill(till, product.id, bills.late, -3);
  await pushBill(till, product.id, bills.upi, -3);
  await pushBill(till, product.id, bills.ret, 1);
  await pushBill(till, product.id, bills.voided, -3);
  await pushBill(till, product.id, { ...bills.voided, status: 'voided', void: { at: '2026-01-11T07:05:00.000Z', by: { id: null, name: 'Boss' }, reason: 'rang twice' } }, 3);
  await pushBill(far, product.id, bills.other, -3);
});

describe('GET /bills', () => {
  it('shows a manager the bills of their stores only, newest first, with the names a person reads', async () => {
    const res = await t.call('GET', '/bills', manager.token);
    expect(res.status).toBe(200);
    const items = page(res.body).items;
    expect(items.map((b) => b.number)).toEqual([bills.voided, bills.ret, bills.upi, bills.late].map((b) => b.number));
    expect(items.every((b) => b.storeId === storeA.id)).toBe(true);
    expect(items[3]).toMatchObject({ status: 'returned', storeName: expect.any(String), counterName: 'Front till', cashierName: 'Meena', totalMinor: 3000, returnedMinor: -1000, timeZone: 'Asia/Karachi' });
    expect(items[0]?.status).toBe('voided');
    expect((await t.call('GET', `/bills?storeId=${storeB.id}`, manager.token)).body).toMatchObject({ items: [] });
    const all = page((await t.call('GET', `/bills?storeId=${storeB.id}`, admin.token)).body).items;
    expect(all.map((b) => b.number)).toEqual([bills.other.number]);
  });

  it('pages by keyset without losing or repeating a bill', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await t.call('GET', `/bills?storeId=${storeA.id}&limit=3${cursor ? `&cursor=${cursor}` : ''}`, admin.token);
      expect(res.status).toBe(200);
      const p = page(res.body);
      expect(p.items.length).toBeLessThanOrEqual(3);
      seen.push(...p.items.map((b) => b.id));
      cursor = p.nextCursor;
    } while (cursor);
    expect(seen).toEqual([bills.voided, bills.ret, bills.upi, bills.late].map((b) => b.id));
    expect((await t.call('GET', '/bills?cursor=bm90LWEtY3Vyc29y', admin.token)).status).toBe(400);
  });

  it('filters by status, method, cashier, number, amount, counter and the store’s own days', async () => {
    const numbers = async (q: string) => page((await t.call('GET', `/bills?storeId=${storeA.id}&${q}`, manager.token)).body).items.map((b) => b.number);
    expect(await numbers('status=returned')).toEqual([bills.late.number]);
    expect(await numbers('status=voided')).toEqual([bills.voided.number]);
    expect(await numbers('status=completed')).toEqual([bills.ret.number, bills.upi.number]);
    expect(await numbers('method=upi')).toEqual([bills.upi.number]);
    expect(await numbers('cashier=ravi')).toEqual([bills.ret.number, bills.upi.number]);
    expect(await numbers('number=000002')).toEqual([bills.upi.number]);
    expect(await numbers('maxMinor=0')).toEqual([bills.ret.number]);
    expect(await numbers(`deviceId=${till.id}&minMinor=1`)).toHaveLength(3);
    expect(await numbers('from=2026-01-11&to=2026-01-11')).toHaveLength(4);
    expect(await numbers('from=2026-01-10&to=2026-01-10')).toEqual([]);
    expect(await numbers('status=')).toHaveLength(4);
    expect((await t.call('GET', '/bills?from=11-01-2026', manager.token)).status).toBe(400);
  });

  it('refuses counters and staff, and exports CSV', async () => {
    expect((await t.call('GET', '/bills', till.token)).status).toBe(403);
    const staff = await t.makeUser('staff', [storeA.id]);
    expect((await t.call('GET', '/bills', staff.token)).status).toBe(403);
    const res = await t.app.request(`/api/v1/bills?storeId=${storeA.id}&format=csv`, { headers: { authorization: `Bearer ${manager.token}` } });
    expect(res.headers.get('content-type')).toContain('text/csv');
    const lines = (await res.text()).trim().split('\r\n');
    expect(lines[0]).toBe('number,localTime,storeCode,storeName,counterName,cashierName,kind,status,total (INR),returned (INR),payments,originalNumber');
    expect(lines).toHaveLength(5);
    expect(lines[4]).toContain(`${bills.late.number},2026-01-11 01:30:00 +05:00,`);
    // Kind, status and payment method as the Bills screen writes them, not the API's codes.
    expect(lines[4]).toContain(',Sale,returned,30.00,-10.00,Cash 30.00,');
    // In the reader's language (the web app sends it as Accept-Language), else the hub's default.
    const ur = await t.app.request(`/api/v1/bills?storeId=${storeA.id}&format=csv`, { headers: { authorization: `Bearer ${manager.token}`, 'accept-language': 'ur-PK, en;q=0.5' } });
    const urLines = (await ur.text()).trim().split('\r\n');
    expect(urLines[0]).toBe(lines[0]);
    expect(urLines[4]).toContain(',فروخت,واپس,30.00,-10.00,نقد 30.00,');
    const report = await t.app.request(`/api/v1/reports/bills?storeId=${storeA.id}&groupBy=method&format=csv`, { headers: { authorization: `Bearer ${manager.token}`, 'accept-language': 'hi' } });
    const methods = (await report.text()).trim().split('\r\n').slice(1).map((l) => l.split(',')[0]);
    expect(methods).toContain('नकद');
    expect(methods).not.toContain('cash');
  });
});

describe('GET /bills/:id', () => {
  it('answers the lines, payments, returns against it and the receipt text; never another store’s bill', async () => {
    const res = await t.call('GET', `/bills/${bills.late.id}`, manager.token);
    expect(res.status).toBe(200);
    const d = res.body as BillDetail;
    // Each line with its gross margin: charged less its cost when sold (these lines are by the piece).
    expect(d.lines).toEqual(bills.late.lines.map((l) => ({ ...l, marginMinor: l.totalMinor - l.qty * l.unitCostMinor })));
    expect(d.paymentDetails).toEqual(bills.late.payments);
    expect(d.returns).toEqual([expect.objectContaining({ number: bills.ret.number, totalMinor: -1000, cashierName: 'Ravi' })]);
    expect(d.receiptText).toContain(bills.late.number);
    // The receipt prints the hub's currency: ₹ on a hub that keeps INR, Rs once it keeps PKR.
    expect(d.receiptText).toMatch(/TOTAL ₹/);
    expect((await t.call('PATCH', '/settings', admin.token, { currency: 'PKR' })).status).toBe(200);
    expect(((await t.call('GET', `/bills/${bills.late.id}`, manager.token)).body as BillDetail).receiptText).toMatch(/TOTAL Rs/);
    expect((await t.call('PATCH', '/settings', admin.token, { currency: 'INR' })).status).toBe(200);
    const voided = (await t.call('GET', `/bills/${bills.voided.id}`, manager.token)).body as BillDetail;
    expect(voided.void).toMatchObject({ byName: 'Boss', reason: 'rang twice' });
    expect((await t.call('GET', `/bills/${bills.other.id}`, manager.token)).status).toBe(404);
    expect((await t.call('GET', `/bills/${bills.other.id}`, admin.token)).status).toBe(200);
    expect((await t.call('GET', '/bills/not-an-id', manager.token)).status).toBe(404);
  });
});

describe('GET /reports/bills', () => {
  const report = async (q: string) => (await t.call('GET', `/reports/bills?storeId=${storeA.id}&${q}`, manager.token)).body as BillReport;
  it('sums sales by method, cashier and store hour, net of returns and without voided bills', async () => {
    const byMethod = await report('groupBy=method');
    expect(byMethod.items).toEqual([
      { key: 'upi', bills: 1, netMinor: 3000 },
      { key: 'cash', bills: 2, netMinor: 2000 },
    ]);
    expect(byMethod.totalMinor).toBe(5000);
    expect((await report('groupBy=cashier')).items).toEqual([
      { key: 'Meena', bills: 1, netMinor: 3000 },
      { key: 'Ravi', bills: 2, netMinor: 2000 },
    ]);
    expect((await report('groupBy=hour')).items).toEqual([
      { key: '01', bills: 1, netMinor: 3000 },
      { key: '10', bills: 1, netMinor: 3000 },
      { key: '11', bills: 1, netMinor: -1000 },
    ]);
    expect((await report('groupBy=hour&from=2026-01-12')).items).toEqual([]);
    expect((await t.call('GET', `/reports/bills?storeId=${storeB.id}`, manager.token)).body).toMatchObject({ items: [] });
  });
});
