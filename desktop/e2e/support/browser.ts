import { chromium, type Browser, type Page } from 'playwright-core';
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { screenshotDir } from './paths';

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** A 1280×800 page (a common shop-PC screen) that fails the test on any page error. */
export async function openPage(browser: Browser, url: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(url);
  return { page, errors };
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
