import { mkdirSync, rmSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import path from 'node:path';
import type { BrowserTestSuite } from '../../../test-support/chromium.find';
import { ConsoleErrors } from '../../../test-support/console-errors.watch';
import { buildWeb, screenshotDir } from './harness';
import { startRealHub, type RealHub } from './hub-process';
import { ApiSeeder } from './seed';
import type { HubDb } from '../../src/db/db.factory';

export interface BrowserHub<S> {
  hub: RealHub;
  api: ApiSeeder;
  browser: Browser;
  /** What `prepare` made (the seeded stores, products, people). */
  seed: S;
  /** A page of its own context (1280×900, reduced motion, plus `context`), watched for console errors. */
  page: Page;
  /** A full-page screenshot of `page` (or of `other`) into the screenshot folder. */
  shot(name: string, other?: Page): Promise<Buffer>;
}

interface BrowserHubOptions<S> {
  suite: BrowserTestSuite;
  /** Watches every page the file opens; one of the hub's own when not given. */
  consoleErrors?: ConsoleErrors;
  /** Fills the hub over its API before the browser opens. */
  prepare(api: ApiSeeder): Promise<S>;
  /** Fills the fresh database before the hub starts (PostgreSQL only). */
  prepareDb?: (db: HubDb) => Promise<void>;
  /** A fixed port for the hub (else a free one). */
  port?: number;
  /** Options for the context of the file's page (viewport, time zone, downloads). */
  context?: BrowserContextOptions;
  ready?(hub: BrowserHub<S>): void;
}

/** What a browser test file works with, filled in before its first test. */
export type BrowserHubFixture<S> = BrowserHub<S> & { consoleErrors: ConsoleErrors };

/**
 * The browser tests' setup: the SPA built for this run, served by a real hub, a browser, and no
 * console error after any test unless it said it expects one; all closed after the file.
 */
export function useBrowserHub<S>({ suite, consoleErrors = new ConsoleErrors(), prepare, prepareDb, port, context, ready }: BrowserHubOptions<S>): BrowserHubFixture<S> {
  const fixture = { consoleErrors } as BrowserHubFixture<S>;
  let dist: string | undefined;
  let hub: RealHub | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    dist = await buildWeb();
    hub = await startRealHub({ distDir: dist, ...(prepareDb ? { prepareDb } : {}), ...(port ? { port } : {}) });
    const api = new ApiSeeder(hub.url);
    const seed = await prepare(api);
    browser = await suite.launch();
    mkdirSync(screenshotDir, { recursive: true });
    const page = await openWatchedPage(browser, consoleErrors, context);
    const shot = (name: string, other?: Page) => (other ?? page).screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
    Object.assign(fixture, { hub, api, browser, seed, page, shot });
    ready?.(fixture);
  });
  afterEach(() => {
    expect(consoleErrors.unexpected()).toEqual([]);
  });
  afterAll(async () => {
    await browser?.close();
    await hub?.close();
    if (dist) rmSync(dist, { recursive: true, force: true });
  });
  return fixture;
}

/** A page of its own context (1280×900 and reduced motion unless told), watched for console errors. */
export async function openWatchedPage(browser: Browser, consoleErrors: ConsoleErrors, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce', ...options });
  const page = await context.newPage();
  consoleErrors.watch(page);
  return page;
}
