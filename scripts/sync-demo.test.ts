import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { freePort } from '../hub/src/test/free-port';

/*
 * README ("Sync in one paragraph"): the sync demo shows three counters in two stores selling
 * offline, pushing in shuffled order with duplicates, and all ending equal to the merge rule.
 * The demo checks that itself and exits 1 on any disagreement; run it as the README says.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const url = process.env.TEST_DATABASE_URL;

describe.skipIf(!url)('the sync demo (needs TEST_DATABASE_URL)', () => {
  it('three offline counters, shuffled pushes with duplicates: devices, hub and merge rule agree', async () => {
    const run = spawnSync(path.join(root, 'node_modules/.bin/tsx'), ['scripts/sync-demo.ts'], {
      cwd: path.join(root, 'hub'),
      encoding: 'utf8',
      env: { PATH: process.env.PATH, HOME: process.env.HOME, DEMO_PG_URL: url, DEMO_PORT: String(await freePort()) },
      timeout: 180_000,
    });
    expect(run.stdout).toContain('All devices, the hub and the merge rule agree.');
    expect(run.stdout).not.toContain('MISMATCH');
    expect(run.stdout).toMatch(/NEGATIVE_STOCK conflicts:\n {2}\S+: stock went from/);
    expect(run.status).toBe(0);
  });
});
