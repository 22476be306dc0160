import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../src/core/testing/free-port';
import { browserTestSuite, checkEachTest, openPage, screenshot, type ConsoleErrors } from './support/browser';
import { startCounter, type CounterApp } from './support/counter-app';
import { createHubDatabase, hubClient, startHub, type HubDatabase } from './support/hub-process';
import type { Proc } from './support/processes';
import { catalogue, productBody, seedSignedInStore } from './support/seed';
import { endAfterAll } from './support/teardown';

/*
 * A stand-alone counter with its own prices enrolls from Settings → Hub (issue 16): before
 * anything changes it lists the products head office prices otherwise ("SKU name: before →
 * after", per pc or kg, in the shop's currency); Cancel leaves it as it was, Confirm enrolls
 * and the first sync brings head office's prices. Keyboard only. Screenshot: enroll-preview.
 */
const PIN = '1357';
const [soap, biscuits, rice] = catalogue as unknown as [(typeof catalogue)[0], (typeof catalogue)[1], (typeof catalogue)[2]];

let db: HubDatabase;
let hub: Proc & { url: string };
let counter: CounterApp;
let browser: Browser;
let page: Page;
let errors: ConsoleErrors;
let deviceToken = '';
/** A store head office has set up with no staff yet: a counter joining it waits for staff. */
let emptyStoreToken = '';
const suite = browserTestSuite('counter enroll shows the prices head office replaces');

beforeAll(async () => {
  db = await createHubDatabase();
  const [hubPort, counterPort] = [await freePort(), await freePort()];
  [hub, browser, counter] = await Promise.all([startHub({ port: hubPort, db }), suite.launch(), startCounter({ port: counterPort })]);
  const hubApi = hubClient(hub.url);
  await hubApi.signInAsOwner();
  const store = await hubApi.call<{ id: string }>('POST', '/stores', { code: 'LHR-01', name: 'Lahore General Store', region: 'Lahore' });
  const supplier = await hubApi.call<{ id: string }>('POST', '/suppliers', { name: 'Agarwal Wholesale' });
  // Head office sells soap at the counter's price, biscuits and rice cheaper.
  await hubApi.call('POST', '/products', productBody(soap, supplier.id));
  await hubApi.call('POST', '/products', { ...productBody(biscuits, supplier.id), priceMinor: 1000 });
  await hubApi.call('POST', '/products', { ...productBody(rice, supplier.id), priceMinor: 11000 });
  deviceToken = (await hubApi.call<{ token: string }>('POST', '/devices', { storeId: store.id, name: 'Counter 1' })).token;
  const empty = await hubApi.call<{ id: string }>('POST', '/stores', { code: 'KHI-09', name: 'Wrong Store', region: 'Karachi' });
  emptyStoreToken = (await hubApi.call<{ token: string }>('POST', '/devices', { storeId: empty.id, name: 'Counter 1' })).token;
  await seedSignedInStore(counter.api, PIN);
  ({ page, errors } = await openPage(browser, counter.url));
  await page.getByRole('heading', { level: 1, name: 'Counter', exact: true }).waitFor();
});

checkEachTest(() => ({ page, errors }), 'enroll-preview-');

endAfterAll(() => [browser, counter, hub, db]);

async function askToEnroll(): Promise<void> {
  await page.keyboard.press('F8');
  await page.getByLabel('Hub address').fill(hub.url);
  await page.getByLabel('Device token').fill(deviceToken);
  await page.getByLabel('Device token').focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('enroll-preview').waitFor();
}

const focusedText = () => page.evaluate(() => document.activeElement?.textContent ?? '');

describe.skipIf(suite.skip)(suite.title, () => {
  it('lists the prices head office would replace before anything changes, and Cancel changes nothing', async () => {
    await askToEnroll();
    const lines = await page.getByTestId('enroll-preview').locator('li').allTextContents();
    expect(lines).toEqual([`${biscuits.sku} ${biscuits.name}: ₹30.00 per pc → ₹10.00 per pc`, `${rice.sku} ${rice.name}: ₹120.00 per kg → ₹110.00 per kg`]);
    expect(await page.getByTestId('enroll-preview').textContent()).toContain('2 products');
    expect(await focusedText()).toBe('Enroll and take head office’s prices');
    await screenshot(page, 'enroll-preview');
    expect((await counter.api.info()).enrolled).toBe(false);

    await page.keyboard.press('Tab');
    expect(await focusedText()).toBe('Cancel');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Nothing was changed' }).count()).toBe(1);
    expect(await page.getByTestId('enroll-preview').count()).toBe(0);
    expect((await counter.api.info()).enrolled).toBe(false);
    expect((await counter.api.findProduct({ code: biscuits.sku })).priceMinor).toBe(biscuits.priceMinor);
  });

  it('Confirm enrolls, and the first sync brings head office’s prices', async () => {
    await askToEnroll();
    await page.keyboard.press('Enter');
    await page.getByText('Enrolled. The first sync is running').waitFor();
    expect((await counter.api.info()).enrolled).toBe(true);
    await expect.poll(async () => (await counter.api.findProduct({ code: biscuits.sku })).priceMinor, { timeout: 20_000 }).toBe(1000);
    expect((await counter.api.findProduct({ code: rice.sku })).priceMinor).toBe(11000);
    expect((await counter.api.findProduct({ code: soap.sku })).priceMinor).toBe(soap.priceMinor);
  });

  it('a counter that joined the wrong hub store starts its setup over from "waiting for staff", and sets up on its own', async () => {
    const second = await startCounter({ port: await freePort() });
    const p2 = await openPage(browser, second.url);
    try {
      await p2.page.getByLabel('Hub address').fill(hub.url);
      await p2.page.getByLabel('Device token').fill(emptyStoreToken);
      await p2.page.getByRole('button', { name: 'Connect to the hub' }).click();
      await p2.page.getByRole('heading', { name: 'Waiting for staff from the hub' }).waitFor();
      expect(await second.api.info()).toMatchObject({ enrolled: true, storeName: 'Wrong Store', usersExist: false });
      await screenshot(p2.page, 'setup-wait-for-staff-start-over');
      const startOver = p2.page.getByRole('button', { name: 'Start over' });
      await startOver.focus();
      await p2.page.keyboard.press('Enter');
      // The whole first-run form again, empty: nothing of the wrong store is left.
      await p2.page.getByLabel('Store code').waitFor();
      expect(await p2.page.getByLabel('Shop name').inputValue()).toBe('');
      expect(await second.api.info()).toMatchObject({ initialised: false, enrolled: false, storeCode: null, usersExist: false });
      await screenshot(p2.page, 'setup-after-start-over');
      await p2.page.getByLabel('Store code').fill('LHR-02');
      await p2.page.getByLabel('Shop name').fill('Anarkali Store');
      await p2.page.getByLabel('Your name').fill('Sana Iqbal');
      await p2.page.getByLabel('Username').fill('sana');
      await p2.page.locator('#setup-pin').fill('4321');
      await p2.page.locator('#setup-pin2').fill('4321');
      await p2.page.keyboard.press('Enter');
      await p2.page.getByRole('heading', { level: 1, name: 'Counter', exact: true }).waitFor();
      expect(await second.api.info()).toMatchObject({ storeCode: 'LHR-02', storeName: 'Anarkali Store', enrolled: false });
      expect((await second.api.listStock({ limit: 10 })).total).toBe(0);
      expect(p2.errors.unexpected()).toEqual([]);
    } finally {
      await p2.page.close();
      await second.stop();
    }
  });
});
