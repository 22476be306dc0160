import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProtocolHub } from '../core/testing/protocol-hub';
import { runCli, type CliRun } from './cli.testing';
import { EXIT } from './cli.output';

/*
 * Enrolling a counter that had its own prices (issue 16): `enroll` shows what head office's
 * catalog will change (before → after) and enrolls only when told to; a script passes --yes.
 */
const TOKEN = 'device-token-enroll-0123456789abcdef';
let dir: string;
let hub: ProtocolHub;
let url: string;
const cli = (args: string[]): Promise<CliRun> => runCli(dir, args);

beforeAll(async () => {
  hub = new ProtocolHub();
  hub.tokens.add(TOKEN);
  hub.addProduct({ sku: 'BISC-PG', name: 'Parle-G', priceMinor: 1000 });
  hub.addProduct({ sku: 'SUGAR', name: 'Sugar', unit: 'g', priceMinor: 4600 });
  url = await hub.start();
  dir = mkdtempSync(join(tmpdir(), 'bazaar-cli-enroll-'));
  expect((await cli(['init', '--code', 'S1', '--name', 'Sharma Kirana'])).code).toBe(0);
  expect((await cli(['product', 'add', '--sku', 'BISC-PG', '--name', 'Parle-G biscuits', '--price', '25'])).code).toBe(0);
  expect((await cli(['product', 'add', '--sku', 'SUGAR', '--name', 'Sugar (loose)', '--unit', 'g', '--price', '46'])).code).toBe(0);
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await hub.stop();
});

describe('bazaar-store enroll', () => {
  it("shows head office's prices that replace the counter's and enrolls only with --yes", async () => {
    const asked = await cli(['enroll', url, TOKEN]);
    expect(asked.code).toBe(EXIT.NOT_CONFIRMED);
    expect(asked.stderr).toContain('1 product of this counter otherwise');
    expect(asked.stderr).toContain('BISC-PG Parle-G biscuits: ₹25.00 → ₹10.00');
    // Same price: not listed.
    expect(asked.stderr).not.toContain('SUGAR');
    expect(asked.stderr).toContain('Not enrolled; nothing was changed. Pass --yes');
    expect((await cli(['sync', 'status'])).stdout).toMatch(/not enrolled/i);

    const done = await cli(['enroll', url, TOKEN, '--yes']);
    expect(done.code).toBe(0);
    expect(done.stdout).toContain(`Enrolled to ${url}`);
    const stock = JSON.parse((await cli(['stock', '--json'])).stdout) as { items: { sku: string; priceMinor: number }[] };
    expect(stock.items.find((i) => i.sku === 'BISC-PG')?.priceMinor).toBe(1000);
  });
});
