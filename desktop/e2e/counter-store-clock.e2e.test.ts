import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTranslator } from '@bazaar/shared';
import { ConsoleErrors as Watch } from '../../test-support/console-errors.watch';
import { browserTestSuite, checkEachTest, screenshot, type ConsoleErrors } from './support/browser';
import { startCounter, type CounterApp } from './support/counter-app';
import { createHubDatabase, hubClient, startHub, type HubDatabase } from './support/hub-process';
import type { Proc } from './support/processes';
import { catalogue, productBody } from './support/seed';
import { goTo } from './support/ui';
import { endAfterAll } from './support/teardown';

/*
 * The counter's clock is its store's (issue 15): a Lahore store's counter on a computer set to
 * Los Angeles shows every time on History, Sync and Shift in Lahore's time, as its receipts do
 * (13 hours from the computer's). Screenshots: e2e/output/screenshots/store-clock-*.
 */
const HUB_PORT = 8834;
const COUNTER_PORT = 8833;
const STORE_ZONE = 'Asia/Karachi';
const COMPUTER_ZONE = 'America/Los_Angeles';
const [tea] = catalogue;

let db: HubDatabase;
let hub: Proc & { url: string };
let counter: CounterApp;
let browser: Browser;
let page: Page;
let errors: ConsoleErrors;
const suite = browserTestSuite("counter times on the store's clock, not the computer's");

/** What the screens write, in the store's zone and (to tell them apart) in the computer's. */
const inZone = (zone: string) => createTranslator({ locale: 'en', timeZone: zone });
const seconds = { day: '2-digit', month: 'short', hour: '2-digit', minute: '2-digit', second: '2-digit' } as const;

beforeAll(async () => {
  if (suite.skip) return;
  db = await createHubDatabase();
  [hub, browser] = await Promise.all([startHub({ port: HUB_PORT, db }), suite.launch()]);
  const hubApi = hubClient(hub.url);
  await hubApi.signInAsOwner();
  const store = await hubApi.call<{ id: string }>('POST', '/stores', { code: 'LHE-01', name: 'Gulberg Kiryana', region: 'Punjab', timeZone: STORE_ZONE });
  const supplier = await hubApi.call<{ id: string }>('POST', '/suppliers', { name: 'Lahore Wholesale' });
  await hubApi.call('POST', '/products', productBody(tea, supplier.id));
  await hubApi.call('POST', '/users', { username: 'asif', name: 'Asif Khan', password: 'asif-long-password', role: 'staff', storeIds: [store.id], pin: '1357' });
  const { token } = await hubApi.call<{ token: string }>('POST', '/devices', { storeId: store.id, name: 'Till 1' });
  counter = await startCounter({ port: COUNTER_PORT });
  // As the setup screen does: a placeholder store until the first pull brings the real one.
  await counter.api.initStore({ code: 'COUNTER', name: 'New counter' });
  await counter.api.enroll({ hubUrl: hub.url, token });
  await counter.api.syncNow();
  await counter.api.signIn({ username: 'asif', pin: '1357' });
  await counter.api.stockIn({ product: tea.sku, qty: 12 });
  await counter.api.openShift({ floatMinor: 0 });
  await counter.api.syncNow();
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, timezoneId: COMPUTER_ZONE });
  page = await context.newPage();
  errors = new Watch().watch(page);
  await page.goto(counter.url);
  // A key pressed before the app is up goes nowhere (CI's loaded machine pressed F6 into a loading page).
  await page.getByRole('heading', { level: 1, name: 'Counter', exact: true }).waitFor();
}, 240_000);

checkEachTest(() => ({ page, errors }), 'store-clock-');

endAfterAll(() => [browser, counter, hub, db]);

describe.skipIf(suite.skip)(suite.title, () => {
  it("runs in a browser on another clock than the store's", async () => {
    expect((await counter.api.billSettings()).timeZone).toBe(STORE_ZONE);
    expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe(COMPUTER_ZONE);
  });

  it("History lists the stock-in at the store's time", async () => {
    const [moved] = (await counter.api.history({ limit: 1 })).items;
    expect(moved).toBeDefined();
    await goTo(page, 'F6', /History/);
    const when = page.getByTestId('movements-table').locator('tbody tr').first().locator('td').first();
    await expect.poll(() => when.innerText()).toBe(inZone(STORE_ZONE).dateTime(moved!.occurredAt, seconds));
    expect(await when.innerText()).not.toBe(inZone(COMPUTER_ZONE).dateTime(moved!.occurredAt, seconds));
    await screenshot(page, 'store-clock-00-history-on-lahore-time');
  });

  it("Sync says when it last synced on the store's clock", async () => {
    const status = await counter.api.syncStatus();
    expect(status.lastSuccessAt).not.toBeNull();
    await goTo(page, 'F7', /Sync/);
    const foot = page.locator('.tile').filter({ hasText: 'Last successful sync' }).locator('.tile-foot');
    // The counter syncs on its own as well: compare with the latest success it reports.
    await expect.poll(async () => (await foot.innerText()) === inZone(STORE_ZONE).dateTime((await counter.api.syncStatus()).lastSuccessAt!)).toBe(true);
    const last = (await counter.api.syncStatus()).lastSuccessAt!;
    expect(inZone(STORE_ZONE).dateTime(last)).not.toBe(inZone(COMPUTER_ZONE).dateTime(last));
    await screenshot(page, 'store-clock-01-sync-on-lahore-time');
  });

  it("Shift says since when it is open on the store's clock", async () => {
    const shift = await counter.api.currentShift();
    expect(shift).not.toBeNull();
    await page.keyboard.press('F12');
    await page.getByRole('heading', { level: 1, name: /Shift/ }).waitFor();
    const since = inZone(STORE_ZONE).dateTime(shift!.openedAt, seconds);
    await expect.poll(() => page.getByText(/Shift open since/).innerText()).toContain(since);
    expect(await page.getByText(/Shift open since/).innerText()).not.toContain(inZone(COMPUTER_ZONE).dateTime(shift!.openedAt, seconds));
    await screenshot(page, 'store-clock-02-shift-on-lahore-time');
  });
});
