import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from './cli.testing';

let root: string;
const dirs = { a: '', b: '' };

const cli = (at: 'a' | 'b', args: string[], env: Record<string, string> = {}): Promise<CliRun> => runCli(dirs[at], args, { BAZAAR_LANG: 'en', ...env });
const open = (at: 'a' | 'b') => new Database(join(dirs[at], 'shop.db'));
function stockOf(at: 'a' | 'b', sku: string): number | undefined {
  const db = open(at);
  try {
    return (db.prepare('SELECT s.qty FROM stock s JOIN products p ON p.id = s.product_id WHERE p.sku = ?').get(sku) as { qty: number } | undefined)?.qty;
  } finally {
    db.close();
  }
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'bazaar-cli-transfers-'));
  for (const k of ['a', 'b'] as const) mkdirSync((dirs[k] = join(root, k)));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/**
 * What a sync does between the two stores, done by hand (the hub's part is tested in
 * transfers.hub.e2e.test.ts): each store lists the other as a partner, shares the catalog, and
 * the receiving store gets the sender's copy of a transfer.
 */
function hubBetween() {
  const a = open('a');
  const b = open('b');
  try {
    const storeOf = (db: Database.Database) => db.prepare('SELECT store_id AS id, store_code AS code, store_name AS name FROM settings').get() as { id: string; code: string; name: string };
    const [sa, sb] = [storeOf(a), storeOf(b)];
    for (const [db, other] of [[a, sb], [b, sa]] as const) db.prepare('INSERT OR REPLACE INTO transfer_stores (id, code, name) VALUES (?, ?, ?)').run(other.id, other.code, other.name);
    for (const p of a.prepare('SELECT * FROM products').all() as Record<string, unknown>[]) {
      const cols = Object.keys(p);
      b.prepare(`INSERT OR IGNORE INTO products (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`).run(p);
    }
    for (const t of a.prepare('SELECT * FROM transfers').all() as Record<string, unknown>[]) {
      b.prepare('INSERT OR REPLACE INTO transfers (id, number, origin, counter_code, counter_no, from_store_id, to_store_id, status, doc_json, version, pushed_version, created_at, updated_at) VALUES (@id, @number, @origin, @counter_code, @counter_no, @from_store_id, @to_store_id, @status, @doc_json, 0, 0, @created_at, @updated_at)').run(t);
    }
  } finally {
    a.close();
    b.close();
  }
}

describe('bazaar-store transfer', () => {
  it('creates, dispatches, lists and receives with counted quantities, in the product units people type', async () => {
    expect((await cli('a', ['init', '--code', 'LHR-01', '--name', 'Gulberg'])).code).toBe(0);
    expect((await cli('b', ['init', '--code', 'ISB-02', '--name', 'Blue Area'])).code).toBe(0);
    expect((await cli('a', ['product', 'add', '--sku', 'GHEE', '--name', 'Desi ghee 1kg', '--price', '1200'])).code).toBe(0);
    expect((await cli('a', ['product', 'add', '--sku', 'DAL', '--name', 'Masoor dal', '--unit', 'g', '--price', '320'])).code).toBe(0);
    expect((await cli('a', ['stock-in', 'GHEE', '20'])).code).toBe(0);
    expect((await cli('a', ['stock-in', 'DAL', '25kg'])).code).toBe(0);
    hubBetween();

    const nowhere = await cli('a', ['transfer', 'create', '--to', 'KHI-09', 'GHEE:1']);
    expect(nowhere.code).toBe(3);
    expect(nowhere.stderr).toMatch(/no store KHI-09/);
    const made = await cli('a', ['transfer', 'create', '--to', 'ISB-02', 'GHEE:12', 'DAL:5kg']);
    expect(made.code, made.stderr).toBe(0);
    const number = /Transfer (LHR-01-C\w+-T000001): LHR-01 → ISB-02 · draft/.exec(made.stdout)?.[1];
    expect(number).toBeDefined();

    const sent = await cli('a', ['transfer', 'dispatch', number!, 'GHEE:10']);
    expect(sent.code, sent.stderr).toBe(0);
    expect(sent.stdout).toMatch(/in transit until ISB-02 counts it in/);
    expect(sent.stdout).toMatch(/GHEE .* 10 pc/);
    expect(stockOf('a', 'GHEE')).toBe(10);
    expect((await cli('a', ['transfer', 'dispatch', number!])).code).toBe(4);

    hubBetween();
    const listed = await cli('b', ['transfer', 'list', '--in']);
    expect(listed.stdout).toMatch(new RegExp(`${number} +in +LHR-01 Gulberg +dispatched`));
    const got = await cli('b', ['transfer', 'receive', number!, 'GHEE:9', 'DAL:5', '--damaged', 'GHEE:1']);
    expect(got.code, got.stderr).toBe(0);
    expect(got.stdout).toMatch(/Counted in .*: received\./);
    expect(got.stdout).toMatch(/managers of both stores/);
    expect(stockOf('b', 'DAL')).toBe(5000);
    expect(stockOf('b', 'GHEE')).toBe(9);
    const twice = await cli('b', ['transfer', 'receive', number!, 'DAL:1']);
    expect(twice.code).toBe(4);
    expect(twice.stderr).toMatch(/already counted in/);
    const json = JSON.parse((await cli('b', ['--json', 'transfer', 'show', number!])).stdout) as { transfer: { status: string; lines: { qtySent: number; qtyReceived: number; qtyDamaged: number }[] } };
    expect(json.transfer.status).toBe('received');
    expect(json.transfer.lines.map((l) => [l.qtySent, l.qtyReceived, l.qtyDamaged])).toEqual([[10, 9, 1], [5000, 5000, 0]]);
  }, 600_000);
});
