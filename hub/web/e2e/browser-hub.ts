import { mkdirSync, rmSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import type { Browser } from 'playwright-core';
import type { BrowserTestSuite } from '../../../test-support/chromium.find';
import type { ConsoleErrors } from '../../../test-support/console-errors.watch';
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
}

interface BrowserHubOptions<S> {
  suite: BrowserTestSuite;
  consoleErrors: ConsoleErrors;
  /** Fills the hub over its API before the browser opens. */
  prepare(api: ApiSeeder): Promise<S>;
  /** Fills the fresh database before the hub starts (PostgreSQL only). */
  prepareDb?: (db: HubDb) => Promise<void>;
  /** A fixed port for the hub (else a free one). */
  port?: number;
  ready(hub: BrowserHub<S>): void;
}

/**
 * The browser tests' setup: the SPA built for this run, served by a real hub, a browser, and no
 * console error after any test unless it said it expects one; all closed after the file.
 */
export function useBrowserHub<S>({ suite, consoleErrors, prepare, prepareDb, port, ready }: BrowserHubOptions<S>): void {
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
    ready({ hub, api, browser, seed });
  });
  afterEach(() => {
    expect(consoleErrors.unexpected()).toEqual([]);
  });
  afterAll(async () => {
    await browser?.close();
    await hub?.close();
    if (dist) rmSync(dist, { recursive: true, force: true });
  });
}
