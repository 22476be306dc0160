import { beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { PASSWORD, type ApiSeeder } from './seed';
import { useBrowserHub } from './browser-hub';
import { browserTestSuite, ConsoleErrors } from './harness';
import type { RealHub } from './hub-process';

/**
 * The head-office app when things are not fine, against the hub as it really starts: an empty
 * hub (nothing but its first admin), a wrong password, a session revoked behind the page's back
 * (sign in again and land on the same page), a hub answering 5xx, and a hub that is gone.
 */
const suite = browserTestSuite('head-office dashboard error and empty states in a real browser');

describe.skipIf(suite.skip)(suite.title, () => {
  let hub: RealHub;
  let browser: Browser;
  let page: Page;
  let api: ApiSeeder;
  const consoleErrors = new ConsoleErrors();
  useBrowserHub({ suite, consoleErrors, prepare: (seeder) => seeder.register('owner', 'Asha Rao', PASSWORD), ready: (c) => ({ hub, api, browser } = c) });

  beforeAll(async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
    page = await context.newPage();
    consoleErrors.watch(page);
  });

  async function signIn(username: string, password: string) {
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }
  const nav = async (label: string) => {
    await page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: label, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: label }).waitFor();
  };

  it('a wrong password says so and stays on the sign-in page, the password field kept for another try', async () => {
    consoleErrors.allow(/status of 401.*\/api\/v1\/auth\/login/);
    await page.goto(`${hub.url}/`);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await signIn('owner', 'not-the-password-1');
    await page.getByRole('alert').filter({ hasText: /wrong username or password/i }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await expect(page.getByLabel('Username').inputValue()).resolves.toBe('owner');
    await signIn('owner', PASSWORD);
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
  });

  it('an empty hub shows empty states, not errors: no sales, no stock, no movements', async () => {
    await page.getByText('No sales in this range.').first().waitFor();
    await nav('Stock');
    const stock = page.locator('table tbody td.empty');
    await stock.first().waitFor();
    expect((await stock.first().textContent())?.trim()).not.toBe('');
    await nav('Movements');
    await page.locator('table tbody td.empty').first().waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
  });

  it('a session revoked behind the page: the next request sends the user to sign in, and back to the same page after', async () => {
    consoleErrors.allow(/status of 401/);
    const store = await api.store('ERR-01', 'Error Street', 'South');
    await api.call('POST', '/users', { username: 'meena', name: 'Meena', password: 'meena-password-1', role: 'manager', storeIds: [store.id] });
    const users = await api.call<{ items: { id: string; username: string }[] }>('GET', '/users?limit=100');
    const meena = users.items.find((u) => u.username === 'meena')!;
    await page.getByTestId('user-chip').click();
    await page.getByRole('button', { name: /sign out/i }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await signIn('meena', 'meena-password-1');
    await page.getByTestId('user-chip').filter({ hasText: 'Meena' }).waitFor();
    await page.goto(`${hub.url}/movements?kind=SALE`);
    await page.getByRole('heading', { level: 1, name: 'Movements' }).waitFor();

    // An admin resets Meena's password: every token of hers is revoked on the hub.
    await api.call('PATCH', `/users/${meena.id}`, { password: 'meena-password-2' });
    await page.reload();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    const kept = new URL(page.url());
    expect(kept.pathname).toBe('/sign-in');
    expect(kept.searchParams.get('next')).toBe('/movements?kind=SALE');
    await signIn('meena', 'meena-password-2');
    await page.getByRole('heading', { level: 1, name: 'Movements' }).waitFor();
    const back = new URL(page.url());
    expect(`${back.pathname}${back.search}`).toBe('/movements?kind=SALE');
  });

  it('a hub answering 503 shows its message where the data would be, and the page recovers when it answers again', async () => {
    consoleErrors.allow(/status of 503/);
    let failing = true;
    // The hub's own 503 body (what it answers while its database is down), for the stock list only.
    await page.route('**/api/v1/stocks?**', (route) =>
      failing
        ? route.fulfill({ status: 503, contentType: 'application/json', headers: { 'Retry-After': '1' }, body: JSON.stringify({ error: { code: 'SERVICE_UNAVAILABLE', message: 'the database is unavailable; try again shortly' } }) })
        : route.continue(),
    );
    await nav('Stock');
    await page.getByRole('alert').filter({ hasText: /database is unavailable/i }).waitFor();
    failing = false;
    await page.unroute('**/api/v1/stocks?**');
    await nav('Overview');
    await nav('Stock');
    await page.locator('table tbody td.empty').first().waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
  });

  it('a hub that is gone: the page says it cannot reach the hub instead of going blank', async () => {
    consoleErrors.allow(/Failed to load resource|ERR_CONNECTION_REFUSED|net::ERR/);
    await nav('Movements');
    await page.locator('table tbody td.empty').first().waitFor();
    await hub.close();
    // The list asks again (its refresh button), the hub is not there: after the retries, the message.
    await page.getByRole('button', { name: /^refresh/i }).first().click();
    await page.getByRole('alert').filter({ hasText: /cannot reach the hub/i }).waitFor();
    await expect(page.getByRole('heading', { level: 1, name: 'Movements' }).isVisible()).resolves.toBe(true);
  });
});
