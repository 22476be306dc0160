import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempStore } from '../core/testing/temp-store';
import { unwrapResult } from './api-result';
import { createBridgeServer } from './bridge-server';

/** The bridge against a real store core on a real SQLite file. */
let store: Awaited<ReturnType<typeof tempStore>>;
let staticDir: string;
let base: string;
let close: () => Promise<void>;
const TOKEN = 'test-bridge-token-0123456789';

beforeAll(async () => {
  store = await tempStore();
  staticDir = mkdtempSync(join(tmpdir(), 'bridge-static-'));
  mkdirSync(join(staticDir, 'assets'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><html><head><title>t</title></head><body></body></html>');
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  const { server } = createBridgeServer({ core: store.core, staticDir, token: TOKEN });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => new Promise((resolve) => server.close(() => resolve()));
});

afterAll(async () => {
  await close?.();
  await store?.cleanup();
  rmSync(staticDir, { recursive: true, force: true });
});

/** fetch cannot set Host, so this goes through node:http. */
function statusWithHost(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}/api/info`, { method: 'POST', headers: { host, 'content-type': 'application/json', 'x-bazaar-token': TOKEN } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end('null');
  });
}

function post(op: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${base}/api/${op}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-bazaar-token': TOKEN, ...headers },
    body: JSON.stringify(body),
  });
}

describe('local HTTP bridge', () => {
  it('answers an operation that returns nothing (sign out) in a shape its client accepts', async () => {
    const res = await post('signOut', null);
    expect(res.status).toBe(200);
    expect(() => unwrapResult(JSON.parse(JSON.stringify(null)) ?? undefined)).toThrow(/unexpected/);
    expect(unwrapResult(await res.json())).toBeUndefined();
  });

  it('serves the page with this run’s token and a strict CSP', async () => {
    const res = await fetch(base);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await res.text()).toContain(`<meta name="bazaar-bridge-token" content="${TOKEN}" />`);
    expect((await fetch(`${base}/assets/app.js`)).headers.get('content-type')).toContain('javascript');
  });

  it('runs an operation and answers the core’s result', async () => {
    const res = await post('info', null);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, value: { initialised: true, storeCode: 'S1' } });
  });

  it('refuses calls without the token, from another Host, of unknown operations, and non-JSON', async () => {
    expect((await post('info', null, { 'x-bazaar-token': 'wrong' })).status).toBe(401);
    // DNS rebinding: a page on evil.example resolved to 127.0.0.1 sends its own Host.
    expect(await statusWithHost('evil.example')).toBe(403);
    expect(await statusWithHost(new URL(base).host)).toBe(200);
    expect((await post('close', null)).status).toBe(404);
    expect((await post('__proto__', null)).status).toBe(404);
    // Issue 13 item 8: a JSON body sent as text/plain is refused with 415 (it is a cross-site "simple" request).
    const notJson = await fetch(`${base}/api/info`, { method: 'POST', headers: { 'content-type': 'text/plain', 'x-bazaar-token': TOKEN }, body: 'null' });
    expect(notJson.status).toBe(415);
    expect(((await notJson.json()) as { error: { code: string } }).error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('answers a malformed URL escape with 400, not 500 (issue 13 item 8)', async () => {
    for (const path of ['/%E0%A4%A', '/%', '/assets/%zz.js']) {
      const res = await fetch(`${base}${path}`);
      expect(res.status, path).toBe(400);
    }
  });

  it('names the field holding a NUL byte (issue 13 item 8)', async () => {
    const res = await post('addSupplier', { name: 'Agro\u0000Traders' });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error).toMatchObject({ code: 'VALIDATION_FAILED', message: 'name: must not contain NUL characters' });
  });

  it('validates input with the core’s schema and writes nothing on bad input', async () => {
    const product = await store.core.addProduct({ sku: 'SOAP', name: 'Soap', unit: 'pc', priceMinor: 4500 });
    const res = await post('stockIn', { product: product.id, qty: -5 });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { ok: false; error: { code: string; message: string } };
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.message).toContain('qty');
    const unknown = await post('sell', { lines: [{ product: '8900000000000', qty: 1 }] });
    expect(unknown.status).toBe(404);
    expect((await store.core.history({})).items).toHaveLength(0);
  });

  it('does not serve files outside the renderer directory', async () => {
    const res = await fetch(`${base}/..%2f..%2fetc%2fpasswd`);
    expect(await res.text()).not.toContain('root:');
  });

  it('carries the bill operations: a sale with change, its receipt, a held cart recalled, a return', async () => {
    await store.core.addProduct({ sku: 'BR-1', name: 'Bridge soap', unit: 'pc', priceMinor: 4_500 });
    const sale = (await (await post('sell', { lines: [{ product: 'BR-1', qty: 2 }], payments: [{ method: 'cash', tenderedMinor: 10_000 }] })).json()) as { ok: true; value: { billNumber: string; changeMinor: number } };
    expect(sale.value.changeMinor).toBe(1_000);
    const shown = (await (await post('showBill', { bill: sale.value.billNumber, width: 32 })).json()) as { ok: true; value: { receiptText: string } };
    expect(shown.value.receiptText).toContain(sale.value.billNumber);
    const held = (await (await post('holdCart', { cart: { lines: [{ product: 'BR-1', qty: 1 }] } })).json()) as { ok: true; value: { id: string } };
    expect(await (await post('recallCart', { id: held.value.id })).json()).toMatchObject({ ok: true, value: { lines: 1 } });
    expect(await (await post('returnBill', { bill: sale.value.billNumber, lines: [{ lineNo: 1, qty: 3 }] })).json()).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await (await post('returnBill', { bill: sale.value.billNumber, lines: [{ lineNo: 1, qty: 1 }] })).json()).toMatchObject({ ok: true, value: { kind: 'return', totalMinor: -4_500 } });
  });

  it('carries the transfer and purchase operations: lists with no input, an order received in part, a refused transfer', async () => {
    const value = async <T>(op: string, body: unknown) => ((await (await post(op, body)).json()) as { ok: true; value: T }).value;
    // Optional inputs may be left out (the client sends null): the core's defaults apply.
    expect(await (await post('listTransfers', null)).json()).toEqual({ ok: true, value: [] });
    expect(await (await post('transferStores', null)).json()).toEqual({ ok: true, value: [] });
    expect(await (await post('listTransfers', { direction: 'sideways' })).json()).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    // No store to send to until a sync lists one.
    await store.core.addProduct({ sku: 'BR-GHEE', name: 'Bridge ghee', unit: 'pc', priceMinor: 90_000 });
    expect(await (await post('createTransfer', { to: 'ISB-02', lines: [{ product: 'BR-GHEE', qty: 2 }] })).json()).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    await post('addSupplier', { name: 'Bridge Traders' });
    const po = await value<{ order: { number: string }; status: string }>('createPurchaseOrder', { supplier: 'Bridge Traders', lines: [{ product: 'BR-GHEE', qty: 10, costMinor: 80_000 }] });
    expect(po.status).toBe('sent');
    const gr = await value<{ receipt: { totalMinor: number }; order: { status: string; lines: { remainingQty: number }[] } }>('receiveGoods', {
      po: po.order.number,
      supplierBillNo: 'BT-1',
      supplierBillDate: '2026-12-01',
      lines: [{ product: 'BR-GHEE', qty: 4 }],
    });
    expect(gr.receipt.totalMinor).toBe(320_000);
    expect(gr.order).toMatchObject({ status: 'partly_received', lines: [{ remainingQty: 6 }] });
    expect(await value<unknown[]>('listPurchaseOrders', null)).toHaveLength(1);
    expect(await (await post('purchaseOrder', { po: po.order.number })).json()).toMatchObject({ ok: true, value: { status: 'partly_received', receipts: [{ supplierBillNo: 'BT-1' }] } });
    expect(await (await post('reorderSuggestions', null)).json()).toMatchObject({ ok: true });
  });

  it('carries the credit operations: a customer added, a sale on credit, a part payment lowers the balance, a refused adjustment', async () => {
    const value = async <T>(op: string, body: unknown) => ((await (await post(op, body)).json()) as { ok: true; value: T }).value;
    await store.core.addProduct({ sku: 'BR-RICE', name: 'Bridge rice', unit: 'pc', priceMinor: 30_000 });
    await value('addCustomer', { name: 'Aslam Khan', phone: '0300 1234567' });
    expect(await value<unknown[]>('findCustomers', null)).toHaveLength(1);
    await value('sell', { lines: [{ product: 'BR-RICE', qty: 2 }], payments: [{ method: 'credit', amountMinor: 60_000 }], credit: { customer: '03001234567' } });
    expect(await value<{ balanceMinor: number }>('receivePayment', { customer: 'Aslam Khan', amountMinor: 20_000 })).toMatchObject({ balanceMinor: 40_000 });
    expect(await value<{ balanceMinor: number; statement: unknown }>('showCustomer', { customer: '0300 1234567' })).toMatchObject({ balanceMinor: 40_000 });
    expect(await value<unknown[]>('receivables', null)).toHaveLength(1);
    expect(await (await post('adjustBalance', { customer: 'Aslam Khan', amountMinor: 100, reason: '' })).json()).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });
});
