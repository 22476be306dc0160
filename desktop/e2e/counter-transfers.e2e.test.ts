import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { textOverflows } from '../../test-support/text-overflow.check';
import { browserTestSuite, checkEachTest, openPage, screenshot, type ConsoleErrors } from './support/browser';
import { startCounter, type CounterApp } from './support/counter-app';
import { createHubDatabase, hubClient, startHub, type HubDatabase } from './support/hub-process';
import type { Proc } from './support/processes';
import { catalogue, productBody } from './support/seed';
import { scan } from './support/ui';
import { endAfterAll } from './support/teardown';

/*
 * A transfer between two stores through a real hub, at two counters: the sending counter makes a
 * draft on its Transfers screen (store by name, lines by scan, "3 cartons"), dispatches it, and
 * syncs; the receiving counter syncs, counts it in line by line with one line short and some
 * damaged, sees the difference before confirming, and the hub raises one discrepancy.
 */
const HUB_PORT = 8910;
const SENDER_PORT = 8911;
const RECEIVER_PORT = 8912;
const [, biscuits, rice, , tea] = catalogue;

let db: HubDatabase;
let hub: Proc & { url: string };
let sender: CounterApp;
let receiver: CounterApp;
let browser: Browser;
let pageA: Page;
let pageB: Page;
let errorsA: ConsoleErrors;
let errorsB: ConsoleErrors;
let hubApi: ReturnType<typeof hubClient>;
let number = '';
const ids = { from: '', to: '' };
const suite = browserTestSuite('a transfer dispatched at one counter and counted in at another');

async function joinCounter(app: CounterApp, storeId: string, username: string, pin: string): Promise<void> {
  const { token } = await hubApi.call<{ token: string }>('POST', '/devices', { storeId, name: `${username} till` });
  // As the setup screen does: a placeholder store until the first pull brings the real one.
  await app.api.initStore({ code: 'COUNTER', name: 'New counter' });
  await app.api.enroll({ hubUrl: hub.url, token });
  await app.api.syncNow();
  await app.api.signIn({ username, pin });
}

const qtyAt = async (app: CounterApp, sku: string) => (await app.api.listStock({ search: sku, limit: 5 })).items.find((i) => i.sku === sku)?.qty;

beforeAll(async () => {
  if (suite.skip) return;
  db = await createHubDatabase();
  [hub, browser] = await Promise.all([startHub({ port: HUB_PORT, db }), suite.launch()]);
  hubApi = hubClient(hub.url);
  await hubApi.signInAsOwner();
  const from = await hubApi.call<{ id: string }>('POST', '/stores', { code: 'DEL-01', name: 'Karol Bagh Store', region: 'Delhi' });
  const to = await hubApi.call<{ id: string }>('POST', '/stores', { code: 'DEL-02', name: 'Lajpat Nagar Store', region: 'Delhi' });
  Object.assign(ids, { from: from.id, to: to.id });
  const supplier = await hubApi.call<{ id: string }>('POST', '/suppliers', { name: 'Agarwal Wholesale' });
  const made: Record<string, string> = {};
  for (const [p, qty] of [[biscuits, 96], [rice, 40_000], [tea, 20]] as const) {
    const body = { ...productBody(p, supplier.id), ...(p === biscuits ? { packs: [{ name: 'carton', qty: 24 }] } : {}) };
    made[p.sku] = (await hubApi.call<{ id: string }>('POST', '/products', body)).id;
    await hubApi.call('POST', '/stock-movements', { storeId: from.id, kind: 'IN', productId: made[p.sku], qty, unitCostMinor: p.costMinor });
  }
  // Head office plans the first transfer between the two stores; from then on each counter lists the other.
  await hubApi.call('POST', '/transfers', { fromStoreId: from.id, toStoreId: to.id, lines: [{ productId: made[tea.sku], qty: 4 }] });
  await hubApi.call('POST', '/users', { username: 'ravi', name: 'Ravi Kumar', password: 'ravi-long-password', role: 'staff', storeIds: [from.id], pin: '1357' });
  await hubApi.call('POST', '/users', { username: 'meena', name: 'Meena Joshi', password: 'meena-long-password', role: 'staff', storeIds: [to.id], pin: '2468' });
  const env = { COUNTER_SYNC_INTERVAL_MS: '1000', COUNTER_SYNC_MAX_BACKOFF_MS: '2000' };
  [sender, receiver] = await Promise.all([startCounter({ port: SENDER_PORT, env }), startCounter({ port: RECEIVER_PORT, env })]);
  await joinCounter(sender, from.id, 'ravi', '1357');
  await joinCounter(receiver, to.id, 'meena', '2468');
  ({ page: pageA, errors: errorsA } = await openPage(browser, sender.url));
  ({ page: pageB, errors: errorsB } = await openPage(browser, receiver.url));
}, 240_000);

checkEachTest(() => ({ page: pageA, errors: errorsA }), 'transfers-sender-');
checkEachTest(() => ({ page: pageB, errors: errorsB }), 'transfers-receiver-');

endAfterAll(() => [browser, sender, receiver, hub, db]);

describe.skipIf(suite.skip)(suite.title, () => {
  it('makes a draft at the sending counter: the store by name, lines by scan, three cartons and 2.5 kg', async () => {
    await pageA.getByRole('heading', { level: 1, name: 'Counter', exact: true }).waitFor();
    await pageA.keyboard.press('Shift+F3');
    await pageA.getByRole('heading', { level: 1, name: 'Transfers' }).waitFor();
    // Head office's draft is already here, to dispatch.
    await expect.poll(() => pageA.getByTestId('transfers-in').or(pageA.getByText(/No transfers are coming/)).first().textContent()).toBeTruthy();
    await pageA.getByRole('tab', { name: 'Outgoing' }).click();
    await expect.poll(() => pageA.getByTestId('transfers-out').textContent()).toContain('Draft, not sent yet');
    expect(await pageA.getByTestId('transfers-out').textContent()).toContain('Lajpat Nagar Store');

    await pageA.getByRole('tab', { name: 'New transfer' }).click();
    await pageA.getByLabel('Send to').selectOption({ label: 'Lajpat Nagar Store (DEL-02)' });
    await pageA.getByLabel('Add a product').focus();
    await scan(pageA, biscuits.barcode);
    await pageA.getByLabel(`Quantity of ${biscuits.name}`).fill('3 cartons');
    await pageA.keyboard.press('Enter');
    await scan(pageA, rice.sku);
    await pageA.getByLabel(`Quantity of ${rice.name}`).fill('2.5');
    expect(await pageA.getByTestId('transfer-new-lines').textContent()).toContain('4 cartons (96 pc) in stock');
    await screenshot(pageA, 'transfers-01-new-draft');
    await pageA.keyboard.press('F9');
    await expect.poll(() => pageA.getByRole('status').first().textContent()).toMatch(/^Draft DEL-01-C[0-9A-Z]{4}-T000001 to Lajpat Nagar Store saved/);
    number = (/DEL-01-C[0-9A-Z]{4}-T000001/.exec((await pageA.getByRole('status').first().textContent()) ?? '') ?? [''])[0];
    // Quantities read in the product's packs once its packs are looked up.
    await expect.poll(() => pageA.getByTestId('dispatch-lines').textContent()).toContain('3 cartons (72 pc)');
    expect(await pageA.getByTestId('dispatch-lines').textContent()).toContain('2.5 kg');
  });

  it('dispatches it: the stock leaves the sender and the transfer is on the way', async () => {
    expect(await qtyAt(sender, biscuits.sku)).toBe(96);
    await pageA.keyboard.press('F9');
    await expect.poll(() => pageA.getByRole('status').first().textContent()).toBe(`${number} dispatched: in transit until Lajpat Nagar Store counts it in.`);
    expect(await qtyAt(sender, biscuits.sku)).toBe(24);
    expect(await qtyAt(sender, rice.sku)).toBe(37_500);
    await expect.poll(() => pageA.getByTestId('transfers-out').textContent()).toContain('On the way');
    expect(await pageA.getByTestId('transfer-detail').textContent()).toContain('In transit until Lajpat Nagar Store counts it in.');
    expect(await textOverflows(pageA)).toEqual([]);
    await screenshot(pageA, 'transfers-02-dispatched');
    await sender.api.syncNow();
    const transit = await hubApi.call<{ items: { sku: string; qty: number }[] }>('GET', `/reports/in-transit?storeId=${ids.to}`);
    expect(transit.items.map((r) => [r.sku, r.qty]).sort()).toEqual([[biscuits.sku, 72], [rice.sku, 2_500]].sort());
  });

  it('counts it in at the receiving counter line by line: one line short and damaged, shown before confirming', async () => {
    await receiver.api.syncNow();
    await pageB.getByRole('heading', { level: 1, name: 'Counter', exact: true }).waitFor();
    await pageB.keyboard.press('Shift+F3');
    await pageB.getByRole('heading', { level: 1, name: 'Transfers' }).waitFor();
    await expect.poll(() => pageB.getByTestId('transfers-in').textContent(), { timeout: 20_000 }).toContain(number);
    expect(await pageB.getByTestId('transfers-in').textContent()).toContain('Karol Bagh Store');
    await pageB.getByRole('button', { name: `Open ${number}` }).click();
    await pageB.getByLabel(`Counted good of ${biscuits.name}`).fill('2 cartons');
    await pageB.getByLabel(`Damaged of ${biscuits.name}`).fill('2');
    await pageB.getByLabel(`Counted good of ${rice.name}`).fill('2.5');
    await expect.poll(() => pageB.getByTestId(`difference-${biscuits.sku}`).textContent()).toBe('22 pc short · 2 pc damaged');
    expect(await pageB.getByTestId(`difference-${rice.sku}`).textContent()).toBe('matches');
    await pageB.keyboard.press('F9');
    const confirm = pageB.getByTestId('receive-confirm');
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain(`${biscuits.name}: 22 pc short · 2 pc damaged`);
    expect(await confirm.textContent()).not.toContain(rice.name);
    // Nothing is saved until it is confirmed.
    expect(await qtyAt(receiver, biscuits.sku)).toBe(0);
    expect(await textOverflows(pageB)).toEqual([]);
    await confirm.scrollIntoViewIfNeeded();
    await screenshot(pageB, 'transfers-03-receive-difference');
    await pageB.keyboard.press('F9');
    await expect.poll(() => pageB.getByRole('status').first().textContent()).toBe(`${number}: Counted in. The differences are recorded for both stores’ managers.`);
    expect(await qtyAt(receiver, biscuits.sku)).toBe(48);
    expect(await qtyAt(receiver, rice.sku)).toBe(2_500);
    await expect.poll(() => pageB.getByTestId('transfer-lines').textContent()).toContain('22 pc short · 2 pc damaged');
    await screenshot(pageB, 'transfers-04-counted-in');
  });

  it('syncs the count: nothing left in transit, one discrepancy for the managers of both stores', async () => {
    await receiver.api.syncNow();
    await sender.api.syncNow();
    const transit = await hubApi.call<{ items: { sku: string; qty: number }[] }>('GET', `/reports/in-transit?storeId=${ids.to}`);
    expect(transit.items.filter((r) => r.sku !== tea.sku)).toEqual([]);
    const conflicts = await hubApi.call<{ items: { details: { number: string; lines: { sku: string; short: number; damaged: number }[] } }[] }>('GET', '/conflicts?kind=TRANSFER_DISCREPANCY');
    expect(conflicts.items).toHaveLength(1);
    expect(conflicts.items[0]!.details).toMatchObject({ number, lines: [{ sku: biscuits.sku, short: 22, damaged: 2 }] });
    // The sender sees what the receiver counted after its next pull.
    await pageA.getByRole('tab', { name: 'Incoming' }).click();
    await pageA.getByRole('tab', { name: 'Outgoing' }).click();
    await expect.poll(() => pageA.getByTestId('transfers-out').textContent(), { timeout: 20_000 }).toContain('Counted in');
  });
});
