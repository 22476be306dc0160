import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from './cli.testing';

let dir: string;

/** Amounts are written with a no-break space after the currency sign; compared here as a plain space. */
async function cli(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  const r = await runCli(dir, args, { BAZAAR_LANG: 'en', BAZAAR_CURRENCY: 'PKR', ...env });
  return { ...r, stdout: r.stdout.replace(/\u00a0/g, ' '), stderr: r.stderr.replace(/\u00a0/g, ' ') };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bazaar-cli-credit-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cashier = { BAZAAR_USER: 'sami', BAZAAR_PIN: '5678' };
const boss = { BAZAAR_USER: 'meena', BAZAAR_PIN: '1234' };

describe('bazaar-store customers and udhaar', () => {
  it('adds a customer, sells on credit within and over the limit, takes a payment, prints the statement and the overdue list', async () => {
    expect((await cli(['init', '--code', 'LHR-01', '--name', 'Noor Kiryana'])).code).toBe(0);
    expect((await cli(['user', 'add', 'meena', '--name', 'Meena', '--role', 'manager', '--new-pin', '1234'])).code).toBe(0);
    expect((await cli(['user', 'add', 'sami', '--name', 'Sami', '--role', 'staff', '--new-pin', '5678'], boss)).code).toBe(0);
    expect((await cli(['product', 'add', '--sku', 'ATTA', '--name', 'Atta 10kg', '--price', '1500', '--cost', '1300'], boss)).code).toBe(0);
    expect((await cli(['bill', 'settings', '--counter', 'C1', '--cash-step', '1', '--methods', 'upi,credit'], boss)).code).toBe(0);

    const added = await cli(['customer', 'add', '--name', 'Ravi Kumar', '--phone', '0300-1234567', '--address', 'Gali 4', '--limit', '2000'], cashier);
    expect(added.stdout).toBe('Customer Ravi Kumar (03001234567) added, credit limit Rs 2,000.00\n');
    expect((await cli(['customer', 'add', '--name', 'Other', '--phone', '03001234567'], cashier)).code).toBe(4);

    const sold = await cli(['sell', 'ATTA:1', '--credit', '0300 1234567', '--due', '2025-01-15'], cashier);
    expect(sold.code).toBe(0);
    expect(sold.stdout).toMatch(/Bill LHR-01-C1-000001: total Rs 1,500\.00/);
    expect(sold.stdout).toMatch(/On Ravi Kumar’s account: Rs 1,500\.00 \(balance now Rs 1,500\.00\)/);

    // Over the limit: the cashier is refused (exit 6, a manager's PIN is asked), a manager approves.
    const over = await cli(['sell', 'ATTA:1', '--credit', 'Ravi Kumar'], cashier);
    expect(over.code).toBe(6);
    expect(over.stderr).toMatch(/credit above the customer's limit/);
    const approved = await cli(['sell', 'ATTA:1', '--cash', '1000', '--pay', 'credit=600', '--credit', 'Ravi Kumar', '--approve', 'meena', '--approve-pin', '1234'], cashier);
    expect(approved.code).toBe(0);
    expect(approved.stdout).toMatch(/Approved by meena: credit_over_limit/);
    expect(approved.stdout).toMatch(/balance now Rs 2,100\.00/);

    const paid = await cli(['pay', '03001234567', '700', '--method', 'upi'], cashier);
    expect(paid.stdout).toBe('Received Rs 700.00 (UPI) from Ravi Kumar: balance now Rs 1,400.00\n');
    expect((await cli(['pay', '03001234567', '10', '--method', 'credit'], cashier)).code).toBe(2);

    const found = await cli(['customer', 'find', 'ravi'], cashier);
    expect(found.stdout).toMatch(/Ravi Kumar +03001234567 +Rs 1,400\.00 +Rs 2,000\.00 +Rs 800\.00/);

    const shown = await cli(['customer', 'show', 'Ravi Kumar', '--width', '58'], cashier);
    expect(shown.code).toBe(0);
    const lines = shown.stdout.split('\n');
    expect(lines.slice(0, 3)).toEqual(['Noor Kiryana', 'Customer statement', 'Ravi Kumar · 03001234567']);
    expect(shown.stdout).toMatch(/Credit sale LHR-01-C1-000001/);
    expect(shown.stdout).toMatch(/Payment received \(UPI\)/);
    expect(shown.stdout).toMatch(/Closing balance +Rs 1,400\.00/);
    for (const l of lines.slice(0, lines.indexOf(''))) expect(l.length).toBeLessThanOrEqual(32);
    expect(shown.stdout).toMatch(/your balance at Noor Kiryana is Rs 1,400\.00\./);
    expect(shown.stdout).toMatch(/WhatsApp: https:\/\/wa\.me\/923001234567\?text=Dear%20Ravi%20Kumar/);

    const overdue = await cli(['udhaar', 'list', '--overdue'], cashier);
    expect(overdue.stdout).toMatch(/Ravi Kumar +03001234567 +Rs 1,400\.00 +Rs 800\.00/);
    expect(overdue.stdout).toMatch(/1 customers owe Rs 1,400\.00/);

    // Adjustments are a manager's, with a reason.
    expect((await cli(['udhaar', 'adjust', 'Ravi Kumar', '--reason', 'returned bottles', '--', '-300'], cashier)).code).toBe(6);
    const adj = await cli(['udhaar', 'adjust', 'Ravi Kumar', '--reason', 'returned bottles', '--', '-300'], boss);
    expect(adj.stdout).toBe('Ravi Kumar: -Rs 300.00 (returned bottles), balance now Rs 1,100.00\n');

    const ur = await cli(['udhaar', 'list'], { ...cashier, BAZAAR_LANG: 'ur' });
    expect(ur.stdout).toMatch(/بقایا/);
  }, 120_000);
});
