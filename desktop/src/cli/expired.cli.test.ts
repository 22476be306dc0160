import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_STORE_TIME_ZONE, localDay } from '@bazaar/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from './cli.testing';

let dir: string;
const cli = (args: string[]): Promise<CliRun> => runCli(dir, args, { BAZAAR_LANG: 'en' });
const day = (n: number) => localDay(Date.now() + n * 86_400_000, DEFAULT_STORE_TIME_ZONE);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bazaar-cli-expired-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('bazaar-store remove-expired', () => {
  it('removes every expired batch in one step and says what it took and what it cost', async () => {
    expect((await cli(['init', '--code', 'KHI-02', '--name', 'Saddar Dairy'])).code).toBe(0);
    expect((await cli(['product', 'add', '--sku', 'CURD', '--name', 'Curd 500g', '--price', '90', '--cost', '70'])).code).toBe(0);
    expect((await cli(['stock-in', 'CURD', '8', '--lot', 'C-1', '--expires', day(-1)])).code).toBe(0);
    expect((await cli(['stock-in', 'CURD', '6', '--lot', 'C-2', '--expires', day(4)])).code).toBe(0);

    const run = await cli(['remove-expired']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/CURD Curd 500g +C-1 +\S+ +8 pc +₹560\.00 +6 pc/);
    expect(run.stdout).toMatch(/Removed 1 expired batches, worth ₹560\.00 at cost\./);
    const again = await cli(['remove-expired', '--json']);
    expect(JSON.parse(again.stdout)).toEqual({ today: day(0), removed: [] });
    expect((await cli(['remove-expired'])).stdout).toMatch(/Nothing has expired/);
  });
});
