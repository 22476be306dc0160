import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

export { browserTestSuite } from '../../../test-support/chromium.find';
export { ConsoleErrors } from '../../../test-support/console-errors.watch';

export const webDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Written by every browser test run, ignored by git; `pnpm screenshots` copies the README's few to docs/screenshots/. */
export const screenshotDir = path.join(webDir, 'e2e', 'output', 'screenshots');

/** Build the SPA into a temp dir, so a test run never clobbers the dist `pnpm start` serves. */
export async function buildWeb(): Promise<string> {
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'bazaar-web-e2e-'));
  await build({
    root: webDir,
    configFile: path.join(webDir, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, sourcemap: false },
  });
  return outDir;
}

/** Minimal RFC 4180 reader for checking exported files. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}
