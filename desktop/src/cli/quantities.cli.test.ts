import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from './cli.testing';
import { EXIT } from './cli.output';

/*
 * What a CLI shopkeeper types (issue 16): a bare number is in the unit the price is quoted in
 * (kg, L, pc) and g/kg/ml/L always work; a count or removal that changes stock a lot shows
 * before → after and writes nothing until confirmed (--yes for scripts); a local day for
 * --from, --kind in any case, and input errors counting lines from 1.
 */
let dir: string;
const cli = (args: string[]): Promise<CliRun> => runCli(dir, args);
/** Stock in base units (g, ml, pc) by SKU, as `stock --json` reports it. */
const stock = async (): Promise<Record<string, number>> => {
  const r = await cli(['stock', '--json']);
  return Object.fromEntries((JSON.parse(r.stdout) as { items: { sku: string; qty: number }[] }).items.map((i) => [i.sku, i.qty]));
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bazaar-cli-qty-'));
  expect((await cli(['init', '--code', 'S1', '--name', 'Sharma Kirana'])).code).toBe(0);
  for (const args of [
    ['--sku', 'SUGAR', '--name', 'Sugar (loose)', '--unit', 'kg', '--price', '46'],
    ['--sku', 'OIL', '--name', 'Sunflower oil', '--unit', 'L', '--price', '165'],
    ['--sku', 'SOAP', '--name', 'Lux soap', '--price', '45'],
  ]) {
    expect((await cli(['product', 'add', ...args])).code).toBe(0);
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('bazaar-store quantities and wording', () => {
  it('reads a bare number in kg, L or pc and takes g, kg, ml and L suffixes', async () => {
    const sugar = await cli(['stock-in', 'SUGAR', '30']);
    expect(sugar.stdout).toContain('Received 30 kg of SUGAR');
    await cli(['stock-in', 'SUGAR', '500g']);
    await cli(['stock-in', 'OIL', '12']);
    await cli(['stock-in', 'OIL', '750ml']);
    await cli(['stock-in', 'SOAP', '48']);
    expect(await stock()).toEqual({ SUGAR: 30_500, OIL: 12_750, SOAP: 48 });
    // A count of 29 on the sugar shelf is 29 kg (it was 29 g, a −29.471 kg variance).
    const count = await cli(['count', 'SUGAR:29', 'OIL:12.75L']);
    expect(count.code).toBe(0);
    expect(count.stdout).toMatch(/SUGAR .*30\.5 kg .*29 kg .*-1\.5 kg/);
    const sale = await cli(['sell', 'SUGAR:1.25']);
    expect(sale.code).toBe(0);
    expect(await stock()).toEqual({ SUGAR: 27_750, OIL: 12_750, SOAP: 48 });
    const fraction = await cli(['sell', 'SOAP:1.5']);
    expect(fraction.code).not.toBe(0);
    expect(fraction.stderr).toMatch(/pieces are whole numbers/);
  });

  it('asks before a count or removal that changes stock a lot, showing before → after; --yes records it', async () => {
    const count = await cli(['count', 'SUGAR:3']);
    expect(count.code).toBe(EXIT.NOT_CONFIRMED);
    expect(count.stderr).toContain('SUGAR: 27.75 kg → 3 kg');
    expect(count.stderr).toContain('Nothing was written');
    const removal = await cli(['remove', 'SOAP', '40', '--reason', 'damage']);
    expect(removal.code).toBe(EXIT.NOT_CONFIRMED);
    expect(removal.stderr).toContain('SOAP: 48 pc → 8 pc');
    // A small difference is recorded without a question.
    expect((await cli(['remove', 'SOAP', '1', '--reason', 'damage'])).code).toBe(0);
    expect((await cli(['count', 'SUGAR:3', '--yes'])).code).toBe(0);
    // Only the confirmed and the small changes were written.
    expect(await stock()).toEqual({ SUGAR: 3_000, OIL: 12_750, SOAP: 47 });
  });

  it('takes a local day for --from, --kind in any case, and counts input lines from 1', async () => {
    const today = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
    const history = await cli(['history', '--from', today, '--kind', 'sale']);
    expect(history.code).toBe(0);
    expect(history.stdout).toMatch(/Sale +SUGAR +-1\.25 kg/);
    const zero = await cli(['sell', 'SOAP:1', 'SUGAR:0']);
    expect(zero.code).not.toBe(0);
    expect(zero.stderr).toMatch(/line 2 qty/);
    expect(zero.stderr).not.toMatch(/lines\.\d/);
  });

  it('takes the unit a product is sold in as people say it (kg, L, pc, or g/ml) and refuses others', async () => {
    const added = await cli(['product', 'add', '--sku', 'DAL', '--name', 'Dal', '--unit', 'g', '--price', '200']);
    expect(added.stdout).toContain('/kg');
    const box = await cli(['product', 'add', '--sku', 'BOX', '--name', 'Box', '--unit', 'box', '--price', '2']);
    expect(box.code).toBe(EXIT.USAGE);
    expect(box.stderr).toMatch(/"box" is not one of pc, kg/);
  });
});
