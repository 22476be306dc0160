import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from 'node:net';
import { runCli, type CliRun } from './cli.testing';
import { freePort } from '../core/testing/free-port';

let dir: string;

function cli(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  return runCli(dir, args, { BAZAAR_LANG: 'en', ...env });
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bazaar-cli-bills-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cashier = { BAZAAR_USER: 'sami', BAZAAR_PIN: '5678' };
const boss = { BAZAAR_USER: 'meena', BAZAAR_PIN: '1234' };

describe('bazaar-store bills and shifts', () => {
  it('sells with payments, returns, voids with a manager, prints receipts and closes the shift', async () => {
    expect((await cli(['init', '--code', 'LHR-01', '--name', 'Sharma Kirana'])).code).toBe(0);
    expect((await cli(['user', 'add', 'meena', '--name', 'Meena', '--role', 'manager', '--new-pin', '1234'])).code).toBe(0);
    expect((await cli(['user', 'add', 'sami', '--name', 'Sami', '--role', 'staff', '--new-pin', '5678'], boss)).code).toBe(0);
    for (const [sku, price, cost] of [['ATTA', '265', '240'], ['SOAP', '45', '38']] as const) expect((await cli(['product', 'add', '--sku', sku, '--name', `Item ${sku}`, '--price', price, '--cost', cost], boss)).code).toBe(0);
    expect((await cli(['bill', 'settings', '--counter', 'C2', '--cash-step', '1'], boss)).stdout).toMatch(/Counter C2: cash step ₹1\.00/);
    expect((await cli(['shift', 'open', '--float', '1000'], cashier)).stdout).toMatch(/float of ₹1,000\.00/);

    const sale = await cli(['sell', 'ATTA:2', 'SOAP:1', '--cash', '600', '--pay', 'upi=100', '--receipt', '58'], cashier);
    expect(sale.code).toBe(0);
    expect(sale.stdout).toMatch(/Bill LHR-01-C2-000001: total ₹575\.00/);
    expect(sale.stdout).toMatch(/Change to give: ₹125\.00/);
    expect(sale.stdout).toMatch(/ {2}change {18}125\.00/);

    expect((await cli(['customer', 'add', '--name', 'Ravi Kumar', '--phone', '0300 1234567'], cashier)).code).toBe(0);
    const json = JSON.parse((await cli(['--json', 'sell', 'SOAP:2', '--pay', 'credit', '--credit', '03001234567'], cashier)).stdout) as { billNumber: string; bill: { payments: unknown[] } };
    expect(json.billNumber).toBe('LHR-01-C2-000002');
    expect(json.bill.payments).toEqual([{ method: 'credit', amountMinor: 9_000 }]);

    const short = await cli(['sell', 'ATTA:1', '--cash', '100'], cashier);
    expect(short.code).toBe(5);
    expect(short.stderr).toMatch(/short/);
    const cheap = await cli(['sell', 'SOAP:1@10'], cashier);
    expect(cheap.code).toBe(6);
    expect(cheap.stderr).toMatch(/manager's PIN/);
    const approved = await cli(['sell', 'SOAP:1@10', '--approve', 'meena', '--approve-pin', '1234'], cashier);
    expect(approved.stdout).toMatch(/Approved by meena: price_below_cost/);

    const back = await cli(['bill', 'return', 'lhr-01-c2-000001', '--line', '1:1', '--refund', 'upi'], cashier);
    expect(back.code).toBe(0);
    expect(back.stdout).toMatch(/Return LHR-01-C2-000004 for LHR-01-C2-000001: refund ₹265\.00/);
    const over = await cli(['bill', 'return', 'LHR-01-C2-000001', '--line', '1:2'], cashier);
    expect(over.code).toBe(4);
    expect(over.stderr).toMatch(/at most 1 can come back/);

    expect((await cli(['bill', 'void', 'LHR-01-C2-000002', '--reason', 'rang twice'], cashier)).code).toBe(6);
    expect((await cli(['bill', 'void', 'LHR-01-C2-000002', '--reason', 'rang twice', '--approve', 'meena', '--approve-pin', '1234'], cashier)).stdout).toMatch(/voided \(rang twice\)/);

    const found = await cli(['bill', 'find', '--amount', '265'], cashier);
    expect(found.stdout).toMatch(/LHR-01-C2-000004 .* Return/);
    const shown = await cli(['bill', 'show', 'LHR-01-C2-000001'], cashier);
    expect(shown.stdout).toMatch(/ 1 {2}ATTA .* 1 pc$/m);
    const printed = await cli(['bill', 'print', 'LHR-01-C2-000002', '--width', '80'], cashier);
    expect(printed.stdout).toMatch(/\*\*\* VOID \*\*\*/);
    expect(Math.max(...printed.stdout.split('\n').map((l) => l.length))).toBeLessThanOrEqual(48);

    const z = await cli(['shift', 'close', '--count', '500x2', '--count', '100x4', '--count', '50x1', '--count', '10x1'], cashier);
    expect(z.code).toBe(0);
    expect(z.stdout).toMatch(/Z REPORT LHR-01-C2/);
    expect(z.stdout).toMatch(/Cash expected Rs +1,485\.00/);
    expect(z.stdout).toMatch(/Cash counted Rs +1,460\.00/);
    expect(z.stdout).toMatch(/SHORT +-25\.00/);
    expect((await cli(['shift', 'status'], cashier)).stdout).toMatch(/No shift is open/);

    // Paid ₹100 by UPI and ₹475 in cash: the soap's ₹45 goes back in that proportion.
    const original = await cli(['bill', 'return', 'LHR-01-C2-000001', '--line', '2', '--refund-original'], cashier);
    expect(original.stdout).toMatch(/upi +-₹7\.83/);
    expect(original.stdout).toMatch(/cash +-₹37\.17/);
    const urdu = await cli(['sell', 'SOAP:1'], { ...cashier, BAZAAR_LANG: 'ur' });
    expect(urdu.stdout).toMatch(/بل LHR-01-C2-000006/);
    expect((await cli(['bill', '--help'])).stdout).toMatch(/6 a manager’s approval needed/);
  }, 240_000);

  it('sends a receipt to the network printer set with bill settings, and says so; a printer that is off is exit 1 with the reason', async () => {
    const jobs: Buffer[] = [];
    const printer = createServer((s) => {
      const chunks: Buffer[] = [];
      s.on('data', (c: Buffer) => chunks.push(c)).on('end', () => jobs.push(Buffer.concat(chunks)));
    });
    const port = await freePort();
    await new Promise<void>((resolve) => printer.listen(port, '127.0.0.1', resolve));
    try {
      const set = await cli(['bill', 'settings', '--printer', `127.0.0.1:${port}`, '--paper', '58'], boss);
      expect(set.stdout).toContain(`Receipt printer: 127.0.0.1:${port}, 58 mm paper`);
      const sent = await cli(['bill', 'print', 'LHR-01-C2-000001', '--printer'], cashier);
      expect(sent.code).toBe(0);
      expect(sent.stdout).toMatch(new RegExp(`Receipt LHR-01-C2-000001 sent to the printer at 127\\.0\\.0\\.1:${port} \\(\\d+ bytes\\)`));
      expect(jobs).toHaveLength(1);
      expect(jobs[0]!.toString('latin1')).toContain('LHR-01-C2-000001');
      const off = await cli(['bill', 'print', 'LHR-01-C2-000001', '--printer', `127.0.0.1:${await freePort()}`], cashier);
      expect(off.code).not.toBe(0);
      expect(off.stderr).toMatch(/refused the connection/);
      expect((await cli(['bill', 'settings', '--printer', 'none'], boss)).stdout).toContain('Receipt printer: none');
    } finally {
      printer.close();
    }
  }, 60_000);
});
