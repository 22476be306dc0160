import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { textOverflows } from '../../../test-support/text-overflow.check';
import { PASSWORD, seedHub } from './seed';
import { useBrowserHub } from './browser-hub';
import { browserTestSuite, ConsoleErrors, screenshotDir } from './harness';
import type { RealHub } from './hub-process';

/*
 * The head-office app in Urdu and Hindi at desktop and phone size: sign-in, overview, stock;
 * right to left for Urdu; screenshots to e2e/output/screenshots/i18n-*; no text wider than its box.
 */
const suite = browserTestSuite('head-office dashboard in Urdu and Hindi');
const sizes = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } } as const;
const pages = [
  { path: '/overview', heading: { ur: 'جائزہ', hi: 'सारांश' } },
  { path: '/stock', heading: { ur: 'اسٹاک', hi: 'स्टॉक' } },
  { path: '/movements', heading: { ur: 'اندراجات', hi: 'प्रविष्टियाँ' } },
] as const;

describe.skipIf(suite.skip)(suite.title, () => {
  let hub: RealHub;
  let browser: Browser;
  const consoleErrors = new ConsoleErrors();
  let page: Page;
  useBrowserHub({ suite, consoleErrors, prepare: (api) => seedHub(api), ready: (c) => ({ hub, browser } = c) });

  for (const lang of ['ur', 'hi'] as const) {
    for (const [size, viewport] of Object.entries(sizes)) {
      it(`reads in ${lang} at ${size} size`, async () => {
        const context = await browser.newContext({ viewport, reducedMotion: 'reduce' });
        await context.addInitScript((l) => window.localStorage.setItem('bazaar.web.locale', l), lang);
        page = await context.newPage();
        consoleErrors.watch(page);
        await page.goto(`${hub.url}/`);
        await page.locator('form input[name="username"]').waitFor();
        expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([lang, lang === 'ur' ? 'rtl' : 'ltr']);
        await page.screenshot({ path: path.join(screenshotDir, `i18n-${lang}-${size}-00-sign-in.png`) });
        await page.locator('input[name="username"]').fill('owner');
        await page.locator('input[name="password"]').fill(PASSWORD);
        await page.locator('form button[type="submit"]').click();
        for (const [i, p] of pages.entries()) {
          if (i > 0) await page.goto(`${hub.url}${p.path}`);
          await page.getByRole('heading', { level: 1, name: p.heading[lang] }).waitFor();
          await page.waitForLoadState('networkidle');
          // Cards show … until their counts arrive: photograph the numbers, not the wait.
          await page.waitForFunction(() => !(document.querySelector('.kpis')?.textContent ?? '').includes('…'));
          await page.screenshot({ path: path.join(screenshotDir, `i18n-${lang}-${size}-${String(i + 1).padStart(2, '0')}${p.path.replace('/', '-')}.png`), fullPage: size === 'desktop' });
          expect(await textOverflows(page), `${lang} ${size} ${p.path}`).toEqual([]);
        }
        await context.close();
      });
    }
  }
});
