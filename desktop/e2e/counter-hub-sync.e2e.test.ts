import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserTestSuite, checkEachTest, openPage, screenshot, type ConsoleErrors } from './support/browser';
import { startCounter, type CounterApp } from './support/counter-app';
import { createHubDatabase, hubClient, startHub, type HubDatabase } from './support/hub-process';
import type { Proc } from './support/processes';
import { catalogue, productBody } from './support/seed';
import { goTo, scan } from './support/ui';
import { endAfterAll } from './support/teardown';

/*
 * The whole promise of the product, end to end: a counter in browser mode and a real hub
 * process on PostgreSQL. Enroll, sign in with a PIN from the hub, sell, receive, count;
 * the hub goes down and selling goes on (offline, pending grows); the hub comes back, the
 * queue drains to zero and the hub's stock equals the counter's.
 */
const HUB_PORT = 8824;
const COUNTER_PORT = 8823;
const STAFF_PIN = '2468';
const products = catalogue.slice(0, 5);
const [soap, biscuits, rice, oil, tea] = products as unknown as [
  (typeof catalogue)[0],
  (typeof catalogue)[1],
  (typeof catalogue)[2],
  (typeof catalogue)[3],
  (typeof catalogue)[4],
];

interface HubStockItem {
  productId: string;
  sku: string;
  qty: number;
}

let db: HubDatabase;
let hub: Proc & { url: string };
let counter: CounterApp;
let browser: Browser;
let page: Page;
let errors: ConsoleErrors;
const suite = browserTestSuite('counter and hub, online and offline');

/** F9, then Enter in the payment step (exactly the amount in cash) and Enter to close the receipt. */
async function paySale(): Promise<void> {
  await page.keyboard.press('F9');
  await page.getByTestId('payment').getByRole('textbox').first().waitFor();
  await page.keyboard.press('Enter');
  await page.getByTestId('bill-number').waitFor();
  await page.keyboard.press('Enter');
}
let hubApi: ReturnType<typeof hubClient>;
let storeId = '';
let deviceToken = '';

const indicator = () => page.getByTestId('sync-indicator');
/** The header's "N pending" badge colour; the accent (orange) is for changes waiting. */
const pendingColour = () => indicator().locator('.pending').evaluate((el) => getComputedStyle(el).backgroundColor);
const ACCENT = 'rgb(217, 130, 43)';
const pending = async () => Number(await indicator().getAttribute('data-pending'));
const syncState = async () => indicator().getAttribute('data-state');

beforeAll(async () => {
  db = await createHubDatabase();
  [hub, browser] = await Promise.all([startHub({ port: HUB_PORT, db }), suite.launch()]);
  hubApi = hubClient(hub.url);
  await hubApi.signInAsOwner();
  const store = await hubApi.call<{ id: string }>('POST', '/stores', { code: 'DEL-KAROL-01', name: 'Sharma General Store', region: 'Delhi' });
  storeId = store.id;
  const supplier = await hubApi.call<{ id: string }>('POST', '/suppliers', { name: 'Agarwal Wholesale' });
  for (const p of products) {
    const created = await hubApi.call<{ id: string }>('POST', '/products', productBody(p, supplier.id));
    if (p.stock > 0) await hubApi.call('POST', '/stock-movements', { storeId, kind: 'IN', productId: created.id, qty: p.stock, unitCostMinor: p.costMinor });
  }
  await hubApi.call('POST', '/users', { username: 'priya', name: 'Priya Verma', password: 'priya-long-password', role: 'staff', storeIds: [storeId], pin: STAFF_PIN });
  deviceToken = (await hubApi.call<{ token: string }>('POST', '/devices', { storeId, name: 'Counter 1' })).token;
  counter = await startCounter({ port: COUNTER_PORT, env: { COUNTER_SYNC_INTERVAL_MS: '1000', COUNTER_SYNC_MAX_BACKOFF_MS: '2000' } });
  ({ page, errors } = await openPage(browser, counter.url));
});

checkEachTest(() => ({ page, errors }), 'sync-');

endAfterAll(() => [browser, counter, hub, db]);

describe.skipIf(suite.skip)(suite.title, () => {
  it('a refused device token creates no store: the setup still asks for everything, after a reload too', async () => {
    // The bridge answers the refused token with 401, which the browser logs.
    errors.allow(/status of 401 .*\/api\/enroll\)$/);
    await page.getByLabel('Hub address').fill(hub.url);
    await page.getByLabel('Device token').fill('not-the-token-0123456789abcdef');
    await page.getByRole('button', { name: 'Connect to the hub' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('refused this device token');
    expect(await counter.api.info()).toMatchObject({ initialised: false, enrolled: false, storeCode: null });
    await page.reload();
    await page.getByLabel('Store code').waitFor();
    expect(await page.getByLabel('Shop name').inputValue()).toBe('');
    await screenshot(page, 'sync-00-setup-after-refused-token');
  });

  it('joins the hub with a device token and signs in with a PIN that came from the hub', async () => {
    await page.getByLabel('Hub address').fill(hub.url);
    await page.getByLabel('Device token').fill(deviceToken);
    await page.getByRole('button', { name: 'Connect to the hub' }).click();
    // The store and its staff arrive with the first pull.
    await page.getByRole('heading', { name: 'Sharma General Store' }).waitFor();
    await page.getByRole('button', { name: /Priya Verma/ }).click();
    await page.getByLabel('PIN').fill(STAFF_PIN);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Counter', exact: true }).waitFor();
    const stock = await counter.api.listStock({ limit: 100 });
    expect(stock.items.map((s) => [s.sku, s.qty]).sort()).toEqual(products.map((p) => [p.sku, p.stock]).sort());
  });

  it('sells three scanned products and the sale reaches the hub', async () => {
    await scan(page, soap.barcode);
    await scan(page, biscuits.barcode);
    await scan(page, rice.barcode);
    await page.getByLabel(/Weight of Basmati rice/).waitFor();
    await page.keyboard.type('2');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('cart').locator('tbody tr').count()).toBe(3);
    await paySale();
    await page.getByTestId('last-sale').waitFor();
    await expect.poll(syncState, { timeout: 30_000 }).toBe('online');
    await expect.poll(pending, { timeout: 30_000 }).toBe(0);
  });

  it('receives stock and counts a shelf with a variance', async () => {
    await goTo(page, 'F2', /Receive stock/);
    await scan(page, tea.barcode);
    await page.getByLabel('Quantity received').fill('12');
    await page.getByLabel(/Cost per piece/).fill('242');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Received 12 pc');
    await goTo(page, 'F4', /Count the shelf/);
    await scan(page, oil.barcode);
    await page.getByLabel(`Counted ${oil.name}`).fill('11.5');
    await expect.poll(() => page.getByTestId('count-sheet').locator('tbody tr td').nth(3).textContent()).toBe('-500 ml');
    await page.keyboard.press('F9');
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('1 with a difference');
    await expect.poll(pending, { timeout: 30_000 }).toBe(0);
    expect(await page.getByTestId('hub-line').textContent()).toBe(' · connected to hub');
    // Nothing waiting is said plainly, not in the warning colour.
    expect(await pendingColour()).not.toBe(ACCENT);
    await goTo(page, 'F7', /Sync with the hub/);
    await screenshot(page, '15-sync-online');
  });

  it('keeps selling while the hub is down: offline, pending grows', async () => {
    await hub.stop();
    await goTo(page, 'F1', /^Counter$/);
    await scan(page, `2*${soap.barcode}`);
    await paySale();
    await page.getByTestId('last-sale').waitFor();
    await scan(page, biscuits.barcode);
    await scan(page, tea.barcode);
    await paySale();
    await expect.poll(() => page.getByTestId('last-sale').textContent()).toContain(tea.name);
    await expect.poll(syncState, { timeout: 30_000 }).toBe('offline');
    await expect.poll(pending, { timeout: 30_000 }).toBe(3);
    // The header says offline and when it last synced (a local date and time), never "connected".
    await expect.poll(() => page.getByTestId('hub-line').textContent()).toMatch(/^ · offline, last synced .*\d{1,2}:\d{2}/);
    expect(await pendingColour()).toBe(ACCENT);
    await screenshot(page, '16-counter-offline');
    await goTo(page, 'F7', /Sync with the hub/);
    expect(await page.getByTestId('pending-count').textContent()).toBe('3');
    await screenshot(page, '17-sync-offline');
  });

  it('drains the queue when the hub returns, and the hub stock equals the counter stock', async () => {
    hub = await startHub({ port: HUB_PORT, db });
    await expect.poll(syncState, { timeout: 60_000 }).toBe('online');
    await expect.poll(pending, { timeout: 60_000 }).toBe(0);
    const hubStock = await hubApi.call<{ items: HubStockItem[] }>('GET', `/stocks?storeId=${storeId}&limit=100`);
    const local = await counter.api.listStock({ limit: 100 });
    const bySku = (items: { sku: string; qty: number }[]) => Object.fromEntries(items.map((i) => [i.sku, i.qty]));
    expect(bySku(hubStock.items)).toEqual(bySku(local.items));
    // And the numbers are the ones the story above implies.
    expect(bySku(local.items)).toEqual({
      [soap.sku]: soap.stock - 1 - 2,
      [biscuits.sku]: biscuits.stock - 1 - 1,
      [rice.sku]: rice.stock - 2000,
      [oil.sku]: 11_500,
      [tea.sku]: tea.stock + 12 - 1,
    });
  });
});
