import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from './cli.testing';

let dir: string;

/** Run the CLI as a user would: a separate process, in the user's directory, on a real file. */
function cli(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  return runCli(dir, args, env);
}

function catalogCsv(rows: number, bad: Map<number, string>): string {
  const lines = ['sku,name,unit,price,barcode,category,cost,reorder_level'];
  for (let i = 1; i <= rows; i++) {
    const line = i + 1;
    const override = bad.get(line);
    if (override !== undefined) {
      lines.push(override);
      continue;
    }
    const unit = i % 10 === 0 ? 'kg' : 'pc';
    lines.push(`SKU-${String(i).padStart(5, '0')},"Item ${i}, staple",${unit},${(i % 500) + 10}.50,89${String(i).padStart(11, '0')},Cat ${i % 12},${(i % 500) + 8},${unit === 'kg' ? '2kg' : '5'}`);
  }
  return lines.join('\n') + '\n';
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bazaar-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('bazaar-store CLI', () => {
  it('runs a store day: init, import 5,000 rows with bad ones, sell, count, low stock, JSON, exit codes', async () => {
    const missing = await cli(['stock']);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toMatch(/bazaar-store init/);

    const init = await cli(['init', '--code', 'BLR-042', '--name', 'Sharma Kirana']);
    expect(init.code).toBe(0);
    expect(statSync(join(dir, 'shop.db')).mode & 0o777).toBe(0o600);

    const bad = new Map([
      [101, 'BAD SKU,Nope,pc,10'],
      [1002, 'SKU-X1,No price,pc,'],
      [2503, 'SKU-X2,Weird unit,dozen,10'],
      [4999, 'SKU-00010,Duplicate of line 11,pc,10'],
    ]);
    writeFileSync(join(dir, 'catalog.csv'), catalogCsv(5000, bad));
    const imp = await cli(['product', 'import', 'catalog.csv', '--json']);
    expect(imp.code).toBe(9);
    const report = JSON.parse(imp.stdout) as { rows: number; created: number; bad: { line: number; message: string }[] };
    expect(report.rows).toBe(5000);
    expect(report.created).toBe(4996);
    expect(report.bad.map((b) => b.line)).toEqual([101, 1002, 2503, 4999]);
    expect(report.bad[3]?.message).toMatch(/line 11/);

    const human = await cli(['product', 'import', 'catalog.csv']);
    expect(human.code).toBe(9);
    expect(human.stdout).toMatch(/5000 rows: 0 created, 4996 updated, 4 bad/);
    expect(human.stdout).toMatch(/2503\s+SKU-X2\s+unit "dozen"/);

    expect((await cli(['stock-in', 'SKU-00001', '12', '--cost', '9.50'])).code).toBe(0);
    expect((await cli(['stock-in', 'SKU-00010', '25'])).code).toBe(0); // a bare number of a weighed good is kg (the price unit), never g
    const sale = await cli(['sell', 'SKU-00001:3', '8900000000010:1.25kg', '--json']);
    expect(sale.code).toBe(0);
    const saleJson = JSON.parse(sale.stdout) as { totalMinor: number; lines: { stockAfter: number }[] };
    // 3 × ₹11.50 + 1.25 kg × ₹20.50/kg
    expect(saleJson.totalMinor).toBe(3 * 1150 + Math.round(1.25 * 2050));
    expect(saleJson.lines.map((l) => l.stockAfter)).toEqual([9, 23_750]);

    const badCart = await cli(['sell', 'SKU-00001:1', 'NOPE:1']);
    expect(badCart.code).toBe(3);
    const badQty = await cli(['sell', 'SKU-00001:-1']);
    expect(badQty.code).toBe(2);
    const badUnit = await cli(['sell', 'SKU-00001:1kg']);
    expect(badUnit.code).toBe(2);
    expect(badUnit.stderr).toMatch(/does not measure pc/);

    const count = await cli(['count', 'SKU-00001:4', 'SKU-00010:23.5']);
    expect(count.code).toBe(0);
    expect(count.stdout).toMatch(/SKU-00001.*9 pc\s+4 pc\s+-5 pc/);
    expect(count.stdout).toMatch(/SKU-00010.*23.75 kg\s+23.5 kg\s+-250 g/);

    // A count or removal that changes stock a lot asks first; a script gets exit 10 and nothing is written.
    const typo = await cli(['count', 'SKU-00010:235g']);
    expect(typo.code).toBe(10);
    expect(typo.stderr).toMatch(/SKU-00010: 23.5 kg → 235 g/);
    const tooMany = await cli(['remove', 'SKU-00001', '10', '--reason', 'damage']);
    expect(tooMany.code).toBe(10);
    expect(tooMany.stderr).toMatch(/SKU-00001: 4 pc → -6 pc \(less than nothing/);

    const low = await cli(['stock', '--low', '--json']);
    expect(low.code).toBe(0);
    const lowJson = JSON.parse(low.stdout) as { items: { sku: string; qty: number; status: string }[] };
    expect(lowJson.items).toEqual([expect.objectContaining({ sku: 'SKU-00001', qty: 4, status: 'low' })]);
    const lowText = await cli(['stock', '--low']);
    expect(lowText.stdout).toMatch(/SKU-00001\s+Item 1, staple\s+Cat 1\s+4 pc\s+5 pc\s+Low/);

    const hist = await cli(['history', '--json']);
    expect((JSON.parse(hist.stdout) as { items: { seq: number }[] }).items.map((m) => m.seq)).toEqual([6, 5, 4, 3, 2, 1]);

    const archived = await cli(['product', 'archive', 'SKU-00002']);
    expect(archived.code).toBe(0);
    const archSale = await cli(['sell', 'SKU-00001:1', 'SKU-00002:1']);
    expect(archSale.code).toBe(5);
    expect(archSale.stderr).toMatch(/archived/);

    const verify = await cli(['audit', 'verify']);
    expect(verify.code).toBe(0);
    expect(verify.stdout).toMatch(/Audit chain OK/);

    const status = await cli(['sync', 'status', '--json']);
    expect(JSON.parse(status.stdout)).toMatchObject({ state: 'standalone', pendingMovements: 6 });
    const noHub = await cli(['sync']);
    expect(noHub.code).toBe(2);
    expect(noHub.stderr).toMatch(/enroll/);
    // About 25 process starts and two 5,000-row imports: generous for a loaded 2-core CI machine.
  }, 600_000);

  it('asks for a PIN once users exist and checks roles', async () => {
    expect((await cli(['user', 'add', 'meena', '--name', 'Meena', '--role', 'manager', '--new-pin', '4321'])).code).toBe(0);
    const anon = await cli(['stock-in', 'SKU-00001', '1']);
    expect(anon.code).toBe(6);
    expect(anon.stderr).toMatch(/--user/);
    expect((await cli(['--user', 'meena', '--pin', '0000', 'stock-in', 'SKU-00001', '1'])).code).toBe(6);
    expect((await cli(['user', 'add', 'ravi', '--name', 'Ravi', '--new-pin', '1111'], { BAZAAR_USER: 'meena', BAZAAR_PIN: '4321' })).code).toBe(0);
    expect((await cli(['stock-in', 'SKU-00001', '1'], { BAZAAR_USER: 'ravi', BAZAAR_PIN: '1111' })).code).toBe(0);
    const adj = await cli(['adjust', 'SKU-00001', '-1', '--note', 'x'], { BAZAAR_USER: 'ravi', BAZAAR_PIN: '1111' });
    expect(adj.code).toBe(6);
    expect(adj.stderr).toMatch(/manager/);
  }, 300_000);

  it('explains usage errors with exit 2', async () => {
    const r = await cli(['remove', 'SKU-00001', '1']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--reason/);
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Exit codes:/);
    // In the CLI's language, as its other messages are.
    const urdu = await cli(['--help'], { BAZAAR_LANG: 'ur' });
    expect(urdu.stdout).toContain('خروج کوڈ:');
    expect(urdu.stdout).not.toContain('Exit codes:');
    const badCurrency = await cli(['--help'], { BAZAAR_LANG: 'hi', BAZAAR_CURRENCY: 'RUPEES' });
    expect(`${badCurrency.stdout}${badCurrency.stderr}`).toContain('ISO 4217 कोड, जैसे PKR या INR');
  });
});
