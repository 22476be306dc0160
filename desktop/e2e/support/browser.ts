import type { Browser, Page } from 'playwright-core';
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { afterEach, expect } from 'vitest';
import { ConsoleErrors } from '../../../test-support/console-errors.watch';
import { screenshotDir } from './paths';

export { browserTestSuite } from '../../../test-support/chromium.find';
export type { ConsoleErrors };

/** A page of 1280×800 (a common shop-PC screen) unless told otherwise, whose console errors each test checks. */
export async function openPage(browser: Browser, url: string, viewport = { width: 1280, height: 800 }): Promise<{ page: Page; errors: ConsoleErrors }> {
  const page = await browser.newPage({ viewport });
  const errors = new ConsoleErrors().watch(page);
  await page.goto(url);
  return { page, errors };
}

/** openPage on a counter whose store is set up and signed in: once its Counter screen is up. */
export async function openCounter(browser: Browser, url: string, viewport?: { width: number; height: number }): Promise<{ page: Page; errors: ConsoleErrors }> {
  const opened = await openPage(browser, url, viewport);
  await opened.page.getByRole('heading', { level: 1, name: 'Counter', exact: true }).waitFor();
  return opened;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  // Let the caret blink and transitions settle out of the picture.
  await page.mouse.move(0, 0);
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), caret: 'hide', animations: 'disabled' });
}

export function failureShot(testName: string): string {
  const dir = join(screenshotDir, 'failures');
  mkdirSync(dir, { recursive: true });
  return join(dir, `${testName.replace(/[^a-z0-9]+/gi, '-').slice(0, 80)}.png`);
}

/**
 * After each test: a failed one leaves a picture of the page behind (e2e/output/ is ignored),
 * and no console error is allowed unless the test said it expects one.
 */
export function checkEachTest(current: () => { page: Page | undefined; errors: ConsoleErrors | undefined }, shotPrefix = ''): void {
  afterEach(async (ctx) => {
    const { page, errors } = current();
    if (ctx.task.result?.state === 'fail') await page?.screenshot({ path: failureShot(`${shotPrefix}${ctx.task.name}`) }).catch(() => undefined);
    expect(errors?.unexpected() ?? []).toEqual([]);
  });
}
