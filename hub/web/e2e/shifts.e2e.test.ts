import { describe, expect, it } from 'vitest';
import { formatMoney, type Page as ApiPage, type ShiftSummary } from '@bazaar/shared';
import { openTab, signInAs } from './sign-in';
import { seedShifts } from './shifts.seed';
import { useBrowserHub } from './browser-hub';
import { browserTestSuite } from './harness';

const suite = browserTestSuite('head office sees every shift the counters close');

describe.skipIf(suite.skip)(suite.title, () => {
  const t = useBrowserHub({ suite, prepare: seedShifts });

  const rows = () => t.page.getByTestId('shifts-table').locator('tbody tr:not(.skeleton-row)');
  const loaded = () => t.page.getByTestId('shifts-table').getByTestId('row-count').filter({ hasNotText: 'Loading' }).waitFor();
  async function openShifts(username: string) {
    await signInAs(t.page, t.hub.url, username);
    await openTab(t.page, 'Shifts');
    await loaded();
  }

  it('lists the shifts the API answers with the cash expected, counted and the shortfall in words', async () => {
    await openShifts('owner');
    const fromApi = await t.api.call<ApiPage<ShiftSummary>>('GET', '/shifts?limit=50');
    expect(fromApi.items.map((s) => s.id).sort()).toEqual([t.seed.closed.shiftId, t.seed.open.shiftId].sort());
    await expect.poll(() => rows().count()).toBe(2);
    const closed = await rows().filter({ hasText: 'Saddar' }).innerText();
    expect(closed).toContain('Front till');
    expect(closed).toContain(formatMoney(750_000));
    expect(closed).toContain(formatMoney(748_000));
    expect(closed).toContain(`short by ${formatMoney(2_000)}`);
    expect(await rows().filter({ hasText: 'Clifton' }).innerText()).toMatch(/open/);
    await t.page.getByLabel('Status', { exact: true }).selectOption('open');
    await expect.poll(() => rows().count()).toBe(1);
    await t.page.getByLabel('Status', { exact: true }).selectOption('');
    await expect.poll(() => rows().count()).toBe(2);
    await t.shot('shifts-00-list');
  });

  it('opens a closed shift: its Z report by payment method and the cash counted note by note', async () => {
    await rows().filter({ hasText: 'Saddar' }).click();
    const dialog = t.page.getByRole('dialog', { name: 'Shift at Front till, Saddar' });
    const figures = await dialog.getByTestId('shift-figures').innerText();
    expect(figures).toContain('Z report');
    expect(figures).toMatch(new RegExp(`JazzCash\\s+${formatMoney(66_000).replace(/[.]/g, '\\.')}`));
    expect(figures).toContain(formatMoney(t.seed.closed.salesMinor));
    const notes = await dialog.getByTestId('shift-notes').innerText();
    expect(notes).toContain(`× 48 = ${formatMoney(48_000)}`);
    expect(await dialog.innerText()).toContain('Imran Qureshi');
    await t.shot('shifts-01-z-report');
    await t.page.keyboard.press('Escape');
  });

  it('shows a manager only their store’s shifts', async () => {
    await openShifts('imran');
    await expect.poll(() => rows().count()).toBe(1);
    expect(await t.page.getByTestId('shifts-table').innerText()).not.toContain('Clifton');
  });
});
