import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium, HOW_TO_RUN } from '../test-support/chromium.find';

/*
 * `pnpm screenshots [--no-run]`: refresh the few images the README shows.
 *
 * Every browser test run writes all its screenshots to ignored folders
 * (desktop/e2e/output/screenshots, hub/web/e2e/output/screenshots), so a test run never
 * changes the tree. This script runs the browser tests (unless --no-run), copies the chosen
 * pictures into docs/screenshots/ (tracked) and lists which changed: commit those on purpose.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const counterShots = path.join(root, 'desktop/e2e/output/screenshots');
const webShots = path.join(root, 'hub/web/e2e/output/screenshots');
const target = path.join(root, 'docs/screenshots');

/** docs/screenshots/<name> ← the browser test's picture. The README links these names. */
const CHOSEN: Record<string, string> = {
  'counter-cart.png': path.join(counterShots, '03-counter-cart.png'),
  'counter-offline.png': path.join(counterShots, '16-counter-offline.png'),
  'counter-count-variance.png': path.join(counterShots, '07-count-variance.png'),
  'web-overview.png': path.join(webShots, '01-overview.png'),
  'web-stock-filtered.png': path.join(webShots, '02-stock-filtered.png'),
  'web-low-stock-dialog.png': path.join(webShots, '03-low-stock-dialog.png'),
  'web-phone-stock.png': path.join(webShots, '16-phone-stock.png'),
  'web-trends.png': path.join(webShots, 'trends-month.png'),
  'web-product-regions.png': path.join(webShots, 'trends-product-regions.png'),
  'web-conflict-groups.png': path.join(webShots, 'conflicts-groups.png'),
  'web-transfer.png': path.join(webShots, 'transfers-drilldown.png'),
  'web-reorder.png': path.join(webShots, 'purchases-reorder.png'),
  'web-expiry.png': path.join(webShots, 'expiry.png'),
  'web-rankings.png': path.join(webShots, '24-rankings-weakest.png'),
  'web-stock-region-drill.png': path.join(webShots, '24-stock-region-drill.png'),
  'web-saved-views.png': path.join(webShots, 'views-03-schedule.png'),
  'web-exports.png': path.join(webShots, 'views-04-exports.png'),
  'counter-transfer-receive.png': path.join(counterShots, 'transfers-03-receive-difference.png'),
  'counter-reorder.png': path.join(counterShots, 'purchases-01-to-order.png'),
  'counter-purchase-bill.png': path.join(counterShots, 'purchases-02-bill-against-order.png'),
  'counter-big-text-urdu.png': path.join(counterShots, 'big-text-04-ur-cart-1024x600.png'),
  'counter-lahore-urdu.png': path.join(counterShots, 'done-when-02-lahore-urdu-receipt.png'),
  'counter-delhi-hindi.png': path.join(counterShots, 'done-when-03-delhi-hindi-cart.png'),
  'web-karachi-english.png': path.join(webShots, 'done-when-05-karachi-head-office-english.png'),
};

function main(): number {
  if (!process.argv.includes('--no-run')) {
    const browser = findChromium();
    if (!browser.path) {
      console.error(`pnpm screenshots needs the browser tests, and ${browser.skipReason}.`);
      return 1;
    }
    const run = spawnSync('pnpm', ['vitest', 'run', 'desktop/e2e', 'hub/web/e2e'], {
      cwd: root,
      stdio: 'inherit',
      // The tests must not skip here: require the browser that was found.
      env: { ...process.env, CHROMIUM_PATH: browser.path },
    });
    if (run.status !== 0) {
      console.error('The browser tests failed: docs/screenshots/ left as it was.');
      return run.status ?? 1;
    }
  }
  const missing = Object.values(CHOSEN).filter((p) => !existsSync(p));
  if (missing.length) {
    console.error(`Missing test screenshots (run the browser tests first; ${HOW_TO_RUN}):\n  ${missing.map((p) => path.relative(root, p)).join('\n  ')}`);
    return 1;
  }
  mkdirSync(target, { recursive: true });
  const changed: string[] = [];
  for (const [name, from] of Object.entries(CHOSEN)) {
    const to = path.join(target, name);
    const same = existsSync(to) && readFileSync(to).equals(readFileSync(from));
    if (!same) {
      copyFileSync(from, to);
      changed.push(name);
    }
  }
  if (!changed.length) console.log('docs/screenshots/ is up to date.');
  else console.log(`Updated in docs/screenshots/: ${changed.join(', ')}\nReview them, then: git add docs/screenshots && git commit`);
  return 0;
}

process.exit(main());
