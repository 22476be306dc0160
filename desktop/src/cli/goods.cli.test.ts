import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withGtinCheckDigit } from '@bazaar/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from './cli.testing';

let dir: string;

function cli(args: string[]): Promise<CliRun> {
  return runCli(dir, args, { BAZAAR_LANG: 'en' });
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bazaar-cli-goods-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('bazaar-store packs and scale labels', () => {
  it('receives cartons, sells a packet, a carton by its barcode and a scale-labelled bag in one bill', async () => {
    expect((await cli(['init', '--code', 'LHR-01', '--name', 'Sharma Kirana'])).code).toBe(0);
    const add = await cli(['product', 'add', '--sku', 'PARLE-G', '--name', 'Parle-G 70g', '--price', '25', '--barcode', '8901063000241', '--pack', 'carton=24:18901063000241@550', '--pack', 'dozen=12']);
    expect(add.code, add.stderr).toBe(0);
    expect((await cli(['product', 'add', '--sku', 'ATTA-LOOSE', '--name', 'Chakki Atta', '--unit', 'g', '--price', '60', '--barcode', withGtinCheckDigit('210421700000')])).code).toBe(0);
    const settings = await cli(['bill', 'settings', '--scale', '21:5:weight']);
    expect(settings.code, settings.stderr).toBe(0);

    const cartons = await cli(['stock-in', 'PARLE-G', '3cartons']);
    expect(cartons.stdout).toMatch(/Received 3 carton \(72 pc\) of PARLE-G; stock now 72 pc/);
    const byBarcode = await cli(['stock-in', '18901063000241', '1']);
    expect(byBarcode.stdout).toMatch(/Received 1 carton \(24 pc\) of PARLE-G; stock now 96 pc/);
    const dated = await cli(['stock-in', 'ATTA-LOOSE', '10kg', '--lot', 'A-77', '--expires', '2027-01-31']);
    expect(dated.stdout).toMatch(/Received 10 kg of ATTA-LOOSE \(lot A-77, expires 2027-01-31\); stock now 10 kg/);
    expect((await cli(['stock-in', 'ATTA-LOOSE', '1', '--expires', '31/01/2027'])).stderr).toMatch(/YYYY-MM-DD/);

    const sale = await cli(['sell', 'PARLE-G:1', '18901063000241:1', withGtinCheckDigit('210421701253')]);
    expect(sale.code, sale.stderr).toBe(0);
    expect(sale.stdout).toMatch(/1 carton \(24 pc\) +₹25\.00 +₹550\.00 +71 pc/);
    expect(sale.stdout).toMatch(/ATTA-LOOSE .* 1\.253 kg .* ₹75\.18 +8\.747 kg/);
    expect(sale.stdout).toMatch(/total ₹650\.18/);

    const half = await cli(['sell', 'PARLE-G:1.5cartons']);
    expect(half.code).not.toBe(0);
    expect(half.stderr).toMatch(/counted whole/);
    const badPack = await cli(['product', 'add', '--sku', 'X', '--name', 'X', '--price', '1', '--pack', 'carton']);
    expect(badPack.code).toBe(2);
    expect(badPack.stderr).toMatch(/NAME=QTY/);
    const label = withGtinCheckDigit('210421701253');
    const misread = await cli(['sell', `${label.slice(0, 12)}${(Number(label.at(-1)) + 1) % 10}`]);
    expect(misread.stderr).toMatch(/check digit/);
  });
});
