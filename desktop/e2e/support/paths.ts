import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const desktopDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const repoRoot = join(desktopDir, '..');
export const screenshotDir = join(desktopDir, 'e2e', 'screenshots');
export const tsxBin = join(repoRoot, 'node_modules', '.bin', 'tsx');
