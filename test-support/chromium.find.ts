import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

/*
 * Which Chromium the browser tests drive, shared by desktop/e2e and hub/web/e2e.
 *
 * - CHROMIUM_PATH set (CI sets it): that browser is required. A path that is not an
 *   executable file throws when the test file loads, so the file fails; it never skips.
 * - Not set: the first Chromium or Chrome found on PATH (or at the usual macOS place, or
 *   Playwright's own download). None found: the browser tests skip, saying how to run them.
 */
export type ChromiumLookup = { path: string; skipReason: null } | { path: null; skipReason: string };

const NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'];
const MAC_APPS = ['/Applications/Chromium.app/Contents/MacOS/Chromium', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'];

export const HOW_TO_RUN = 'install Chromium (e.g. `apt-get install chromium`) or set CHROMIUM_PATH=/path/to/chromium to run them';

function isExecutableFile(p: string): boolean {
  try {
    accessSync(p, constants.X_OK);
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

function playwrightDownload(): string | null {
  try {
    const p = chromium.executablePath();
    return p && isExecutableFile(p) ? p : null;
  } catch {
    return null;
  }
}

export function findChromium(env: NodeJS.ProcessEnv = process.env): ChromiumLookup {
  // Test infrastructure, not the app: allowed to read the environment.
  const required = env.CHROMIUM_PATH;
  if (required) {
    if (!isExecutableFile(required)) throw new Error(`CHROMIUM_PATH=${required} is set but is not an executable file: the browser tests cannot run`);
    return { path: required, skipReason: null };
  }
  const onPath = (env.PATH ?? '')
    .split(delimiter)
    .filter(Boolean)
    .flatMap((dir) => NAMES.map((name) => join(dir, name)));
  const found = [...onPath, ...MAC_APPS].find(isExecutableFile) ?? playwrightDownload();
  if (found) return { path: found, skipReason: null };
  return { path: null, skipReason: `no Chromium found (looked on PATH for ${NAMES.join(', ')}); ${HOW_TO_RUN}` };
}

export interface BrowserTestSuite {
  /** Skip the file's tests: no browser was found and none is required. */
  skip: boolean;
  /** The title of the file's top describe; when skipped, it says why. */
  title: string;
  launch(): Promise<Browser>;
}

/** The browser of a test file: when there is none, one line on stderr says how to run the file. */
export function browserTestSuite(title: string): BrowserTestSuite {
  const found = findChromium();
  if (found.path === null) {
    console.warn(`Skipped the browser tests "${title}": ${found.skipReason}.`);
    const reason = found.skipReason;
    return { skip: true, title: `${title} (skipped: ${reason})`, launch: () => Promise.reject(new Error(reason)) };
  }
  const path = found.path;
  return { skip: false, title, launch: () => launchChromium(path) };
}

export function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}
