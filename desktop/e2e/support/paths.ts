import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const desktopDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const repoRoot = join(desktopDir, '..');
/** Written by every browser test run, ignored by git; `pnpm screenshots` copies the README's few to docs/screenshots/. */
export const screenshotDir = join(desktopDir, 'e2e', 'output', 'screenshots');
export const tsxBin = join(repoRoot, 'node_modules', '.bin', 'tsx');
