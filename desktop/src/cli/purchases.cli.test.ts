import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from './cli.testing';

let dir: string;
const cli = (args: string[], env: Record<string, string> = {}): Promise<CliRun> => runCli(dir, args, { BAZAAR_LANG: 'en', ...env });

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bazaar-cli-purchases-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('bazaar-store po, receive and reorder', () => {
  it('orders from a supplier, receives part of it by hand and the rest from the bill as CSV, and says what to order', async () => {
    expect((await cli(['init', '--code', 'LHR-01', '--name', 'Sharma Kirana'])).code).toBe(0);
    expect((await cli(['supplier', 'add', 'Agro Traders'])).code).toBe(0);
    expect((await cli(['product', 'add', '--sku', 'RICE', '--name', 'Basmati rice', '--unit', 'g', '--price', '300', '--cost', '240'])).code).toBe(0);
    expect((await cli(['product', 'add', '--sku', 'GHEE', '--name', 'Desi ghee', '--price', '900', '--cost', '800', '--reorder', '6'])).code).toBe(0);
    expect((await cli(['bill', 'settings', '--counter', 'C2'])).code).toBe(0);

    const made = await cli(['po', 'create', '--supplier', 'Agro Traders', 'RICE:50@245', 'GHEE:12']);
    expect(made.code).toBe(0);
    expect(made.stdout).toMatch(/Purchase order LHR-01-C2-PO00001 to Agro Traders: 2 lines, ₹21,850\.00 \(sent\)/);
    const text = await cli(['po', 'show', 'PO1', '--text']);
    expect(text.stdout).toContain('Purchase order LHR-01-C2-PO00001');
    expect(text.stdout).toContain('1. Basmati rice (RICE): 50 kg at ₹245.00/kg');

    const part = await cli(['receive', '--po', 'PO1', '--bill', 'AT-778', '--bill-date', '2026-12-01', 'RICE:20', 'GHEE:12+115.20']);
    expect(part.code).toBe(0);
    expect(part.stdout).toMatch(/Goods receipt LHR-01-C2-GR00001 for bill AT-778 of Agro Traders: ₹14,615\.20 \(tax ₹115\.20\)/);
    expect(part.stdout).toMatch(/Against LHR-01-C2-PO00001: partly received/);
    expect(part.stdout).toMatch(/RICE +Basmati rice +50 kg +20 kg +30 kg/);

    writeFileSync(join(dir, 'bill.csv'), 'sku,qty,cost,tax\nRICE,30,250,0\n');
    const rest = await cli(['receive', '--po', 'LHR-01-C2-PO00001', '--bill', 'AT-790', '--bill-date', '2026-12-02', '--csv', join(dir, 'bill.csv')]);
    expect(rest.code).toBe(0);
    expect(rest.stdout).toMatch(/Against LHR-01-C2-PO00001: received/);
    // 20 kg at ₹245 then 30 kg at ₹250 onto 20 kg: ₹248.00/kg.
    expect(rest.stdout).toMatch(/RICE +Basmati rice +30 kg +₹250\.00 +₹0\.00 +50 kg +₹248\.00/);

    const list = await cli(['po', 'list']);
    expect(list.stdout).toMatch(/LHR-01-C2-PO00001 +Agro Traders +received +2 +₹21,850\.00 +here/);
    writeFileSync(join(dir, 'bad.csv'), 'RICE,lots,250\n');
    const bad = await cli(['receive', '--supplier', 'Agro Traders', '--bill', 'X', '--csv', join(dir, 'bad.csv')]);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/CSV line 1: qty: quantity "lots"/);

    expect((await cli(['sell', 'GHEE:10', '--cash', '9000'])).code).toBe(0);
    const reorder = await cli(['reorder']);
    expect(reorder.code).toBe(0);
    expect(reorder.stdout).toMatch(/GHEE +Desi ghee +- +2 pc +0 pc/);
    expect(reorder.stdout).toMatch(/at or below safety stock/);
    const json = JSON.parse((await cli(['--json', 'reorder'])).stdout) as { items: { sku: string; suggestedQty: number }[] };
    expect(json.items.find((i) => i.sku === 'GHEE')?.suggestedQty).toBe(4);
  });
});
