import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { DeviceEnrollment, LoginResult, Store } from '@bazaar/shared';
import { PASSWORD, type ApiSeeder } from './seed';
import { useBrowserHub } from './browser-hub';
import { browserTestSuite, ConsoleErrors, screenshotDir } from './harness';
import type { RealHub } from './hub-process';

/**
 * A new hub as its first people meet it (issue 16): an empty hub opens Register (its first
 * account becomes admin), someone registered without a store is told to ask for one, people
 * change their own password with the current one, empty lists do not blame filters nobody set,
 * and the devices page says which counters are really in touch and what address to enroll with.
 */
const suite = browserTestSuite('head-office first run, account and devices in a real browser');

describe.skipIf(suite.skip)(suite.title, () => {
  let hub: RealHub;
  let browser: Browser;
  let page: Page;
  let api: ApiSeeder;
  const consoleErrors = new ConsoleErrors();
  useBrowserHub({ suite, consoleErrors, prepare: async () => null, ready: (c) => ({ hub, api, browser } = c) });
  const shot = (name: string) => page.screenshot({ path: path.join(screenshotDir, `${name}.png`) });

  beforeAll(async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
    page = await context.newPage();
    consoleErrors.watch(page);
  });

  async function signIn(username: string, password: string) {
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }
  async function signOut() {
    await page.getByRole('button', { name: /sign out/i }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  }

  it('an empty hub opens Register, says the first account becomes admin, and that account is the admin', async () => {
    await page.goto(`${hub.url}/sign-in`);
    await page.getByTestId('first-account').waitFor();
    expect(new URL(page.url()).pathname).toBe('/register');
    await shot('account-01-first-run-register');
    await page.getByLabel('Full name').fill('Asha Rao');
    await page.getByLabel('Username').fill('owner');
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByLabel('Confirm password').fill(PASSWORD);
    await page.getByRole('button', { name: /create account/i }).click();
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
    await expect(page.getByTestId('user-chip').textContent()).resolves.toMatch(/admin/i);
    expect(await page.getByTestId('no-store').count()).toBe(0);
    // Once someone exists, signing out lands on Sign in again.
    await signOut();
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    api.token = (await api.call<LoginResult>('POST', '/auth/login', { username: 'owner', password: PASSWORD }, '')).token;
  });

  it('someone registered without a store is told to ask for one; an empty list does not blame filters', async () => {
    await api.call('POST', '/auth/register', { username: 'ravi', name: 'Ravi Kumar', password: 'ravi-password-1' }, '');
    await signIn('ravi', 'ravi-password-1');
    await page.getByTestId('no-store').waitFor();
    await expect(page.getByTestId('no-store').textContent()).resolves.toMatch(/ask your admin/i);
    await shot('account-02-no-store');
    await signOut();

    await signIn('owner', PASSWORD);
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
    await page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Devices', exact: true }).click();
    const empty = page.locator('[data-testid="devices-table"] td.empty, table td.empty').first();
    await empty.waitFor();
    await expect(empty.textContent()).resolves.toMatch(/no counters enrolled yet/i);
    await page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Suppliers', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Suppliers' }).waitFor();
    const none = page.locator('table td.empty').first();
    await none.waitFor();
    await expect(none.textContent()).resolves.toBe('Nothing here yet.');
  });

  it('changing your own password asks for the current one, refuses a wrong one, and keeps you signed in', async () => {
    consoleErrors.allow(/status of 422.*\/api\/v1\/auth\/password/);
    await page.getByRole('button', { name: 'Change password' }).click();
    const dialog = page.getByRole('dialog', { name: 'Change password' });
    await dialog.getByLabel('Current password').fill('not-my-password');
    await dialog.getByLabel('New password').fill('owners-new-password-1');
    await dialog.getByLabel('Confirm password').fill('owners-new-password-1');
    await dialog.getByRole('button', { name: 'Change password' }).click();
    await dialog.getByText(/not your current password/i).first().waitFor();
    await shot('account-03-password-wrong-current');
    await dialog.getByLabel('Current password').fill(PASSWORD);
    await dialog.getByRole('button', { name: 'Change password' }).click();
    await dialog.getByTestId('password-changed').waitFor();
    await dialog.getByRole('button', { name: 'Close', exact: true }).filter({ hasText: 'Close' }).click();
    await page.reload();
    await page.getByTestId('user-chip').waitFor();
    await expect(api.call('POST', '/auth/login', { username: 'owner', password: 'owners-new-password-1' }, '')).resolves.toBeTruthy();
    // The seeder's session was another session of the owner's: it ended with the change.
    api.token = (await api.call<LoginResult>('POST', '/auth/login', { username: 'owner', password: 'owners-new-password-1' }, '')).token;
  });

  it('devices: a counter that just synced is "in sync", a new one awaits its first sync; enrolling warns about a this-PC-only address', async () => {
    const store = await api.call<Store>('POST', '/stores', { code: 'DEV-01', name: 'Anarkali', region: 'Punjab', location: 'Anarkali Bazaar' });
    const till = await api.call<DeviceEnrollment>('POST', '/devices', { storeId: store.id, name: 'Till 1' });
    await api.call<DeviceEnrollment>('POST', '/devices', { storeId: store.id, name: 'Back office PC' });
    await api.call('POST', '/sync/push', { movements: [] }, till.token);

    await page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Devices', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Devices' }).waitFor();
    const row = (name: string) => page.getByTestId('devices-table').locator('tr', { hasText: name });
    await expect(row('Till 1').getByTestId('device-state').getAttribute('data-state')).resolves.toBe('inSync');
    await expect(row('Till 1').getByTestId('device-state').textContent()).resolves.toBe('in sync');
    await expect(row('Back office PC').getByTestId('device-state').textContent()).resolves.toBe('awaiting first sync');

    await page.getByRole('button', { name: 'Enroll counter' }).click();
    const dialog = page.getByRole('dialog', { name: 'Enroll a counter' });
    await dialog.getByLabel('Store', { exact: true }).click();
    await dialog.getByLabel('Store', { exact: true }).fill('Anar');
    await page.getByRole('option', { name: /Anarkali/ }).click();
    await dialog.getByLabel('Counter name').fill('Till 2');
    await dialog.getByRole('button', { name: 'Enroll counter' }).click();
    await dialog.getByTestId('device-token').waitFor();
    await expect(dialog.getByTestId('enroll-hub-address').textContent()).resolves.toContain(hub.url);
    await dialog.getByTestId('enroll-local-only').waitFor();
    await shot('account-04-enroll-address');
    await dialog.getByRole('button', { name: /done/i }).click();
    await expect(row('Till 2').getByTestId('device-state').textContent()).resolves.toBe('awaiting first sync');
    await shot('account-05-devices');
  });

  it('devices: a counter last seen four hours ago is "offline since" that time, not in sync', async () => {
    // The same hub, read by a browser whose clock is four hours on: Till 1 synced "four hours ago".
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
    const later = await context.newPage();
    consoleErrors.watch(later);
    await later.clock.setFixedTime(Date.now() + 4 * 3600_000);
    await later.goto(`${hub.url}/sign-in`);
    await later.getByLabel('Username').fill('owner');
    await later.getByLabel('Password', { exact: true }).fill('owners-new-password-1');
    await later.getByRole('button', { name: 'Sign in' }).click();
    await later.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Devices', exact: true }).click();
    const state = later.getByTestId('devices-table').locator('tr', { hasText: 'Till 1' }).getByTestId('device-state');
    await expect.poll(() => state.getAttribute('data-state')).toBe('idle');
    const words = (await state.textContent()) ?? '';
    expect(words).toMatch(/^offline since /);
    expect(words).not.toMatch(/sync/i);
    // Since when, in the reader's local time: the hour and minute it last synced.
    const devices = await api.call<{ items: { name: string; lastPushAt: string | null }[] }>('GET', '/devices');
    const seen = new Date(devices.items.find((d) => d.name === 'Till 1')!.lastPushAt!);
    expect(words).toContain(seen.toLocaleTimeString('en-IN', { hour: 'numeric', minute: '2-digit' }).replace(/\s/g, ' ').split(' ')[0]);
    await later.screenshot({ path: path.join(screenshotDir, 'devices-offline-since.png') });
    await context.close();
  });

  it('activity log: a product found by SKU, its movement in words (kind, display units, stock after), the stored JSON only behind a toggle', async () => {
    const stores = await api.call<{ items: Store[] }>('GET', '/stores?limit=10');
    const store = stores.items.find((s) => s.code === 'DEV-01')!;
    const rice = await api.call<{ id: string }>('POST', '/products', { sku: 'RICE-BAS', name: 'Basmati Rice', unit: 'g', priceMinor: 32000, barcode: '8901234567895' });
    await api.call('POST', '/stock-movements', { storeId: store.id, productId: rice.id, kind: 'IN', qty: 25000 });

    await page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Activity logs', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Activity logs' }).waitFor();
    await page.getByLabel('Search', { exact: true }).fill('RICE-BAS');
    const row = page.getByTestId('audit-table').locator('tbody tr', { hasText: 'Stock movement recorded' });
    await row.first().waitFor();
    await expect(row.first().textContent()).resolves.toMatch(/Basmati Rice.*25 kg.*stock now 25 kg/);
    // The search keeps to the product: the counters' enrolments drop out of the list.
    await page.getByTestId('audit-table').locator('tbody tr', { hasText: 'Counter enrolled' }).first().waitFor({ state: 'detached' });
    await page.getByLabel('Action', { exact: true }).selectOption({ label: 'Product added' });
    await page.getByTestId('audit-table').locator('tbody tr', { hasText: 'Product added' }).first().waitFor();
    await page.getByTestId('audit-table').locator('tbody tr', { hasText: 'Stock movement recorded' }).waitFor({ state: 'detached' });
    await page.getByLabel('Action', { exact: true }).selectOption({ label: 'Stock movement recorded' });
    await row.first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('audit-raw').waitFor();
    expect(await dialog.locator('pre.json').first().isVisible()).toBe(false);
    await shot('account-06-activity-in-words');
    await dialog.getByText('Show the stored entry').click();
    expect(await dialog.locator('pre.json').first().isVisible()).toBe(true);
  });

  it('settings: the hub status reads as words, not JSON', async () => {
    await page.keyboard.press('Escape');
    await page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Settings', exact: true }).click();
    const status = page.getByTestId('hub-status');
    await status.getByText('Database').waitFor();
    await status.getByText('working').first().waitFor();
    const text = (await status.textContent()) ?? '';
    expect(text).not.toMatch(/[{}"]/);
    expect(text).toMatch(/Hub time/);
    await shot('account-07-settings-status');
  });
});
