import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Product, Store } from '@bazaar/shared';
import { startHub, type HubProcess } from '../core/testing/hub-process';
import { runCli } from './cli.testing';
import { freePort } from '../core/testing/free-port';

/**
 * The exit codes `--help` lists that cli.test.ts does not reach (1 internal, 4 conflict, 7 hub,
 * 8 audit broken), and `enroll` / `sync now` against the real hub process (PostgreSQL with
 * TEST_DATABASE_URL, embedded PGlite without).
 */
const cli = runCli;

const dirs: string[] = [];
function freshDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'bazaar-cli-exit-'));
  dirs.push(d);
  return d;
}
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('bazaar-store exit codes without a hub', () => {
  it('1: a store file that is not a database is an unexpected error, named in the message', async () => {
    const dir = freshDir();
    writeFileSync(join(dir, 'shop.db'), 'this is a spreadsheet, not a store database\n'.repeat(200));
    const r = await cli(dir, ['stock']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/not a database/);
  });

  it('4: a duplicate SKU, and initialising a store twice', async () => {
    const dir = freshDir();
    expect((await cli(dir, ['init', '--code', 'BLR-1', '--name', 'Kirana'])).code).toBe(0);
    expect((await cli(dir, ['product', 'add', '--sku', 'ATTA', '--name', 'Atta', '--price', '45'])).code).toBe(0);
    const dup = await cli(dir, ['product', 'add', '--sku', 'ATTA', '--name', 'Atta again', '--price', '46']);
    expect(dup.code).toBe(4);
    expect(dup.stderr).toMatch(/ATTA/);
    expect((await cli(dir, ['init', '--code', 'BLR-2', '--name', 'Other'])).code).toBe(4);
    // Nothing of the refused command was written.
    expect(JSON.parse((await cli(dir, ['--json', 'product', 'find', 'ATTA'])).stdout)).toMatchObject([{ sku: 'ATTA', name: 'Atta' }]);
  });

  it('8: a tampered audit row breaks the chain; verify says where and exits 8', async () => {
    const dir = freshDir();
    expect((await cli(dir, ['init', '--code', 'BLR-3', '--name', 'Kirana'])).code).toBe(0);
    expect((await cli(dir, ['product', 'add', '--sku', 'DAL', '--name', 'Dal', '--price', '120'])).code).toBe(0);
    expect((await cli(dir, ['stock-in', 'DAL', '10'])).code).toBe(0);
    expect((await cli(dir, ['sell', 'DAL:2'])).code).toBe(0);
    const db = new Database(join(dir, 'shop.db'));
    try {
      const row = db.prepare('select pos, after_json from audit order by pos limit 1 offset 1').get() as { pos: number; after_json: string };
      db.prepare('update audit set after_json = ? where pos = ?').run(row.after_json.replace(/\d/, '9'), row.pos);
    } finally {
      db.close();
    }
    const v = await cli(dir, ['audit', 'verify']);
    expect(v.code).toBe(8);
    expect(`${v.stdout}${v.stderr}`).toMatch(/broken|tamper|mismatch/i);
  });
});

describe('bazaar-store enroll and sync now against the real hub process', () => {
  let hub: HubProcess;
  let admin: string;
  beforeAll(async () => {
    hub = await startHub(await freePort(), process.env.TEST_DATABASE_URL);
    admin = (await hub.api<{ token: string }>('POST', '/auth/register', { username: 'owner', name: 'Owner', password: 'a-long-password-1' })).token;
  }, 300_000);
  afterAll(async () => {
    await hub?.stop();
  });

  it('enroll pulls the catalog, offline sales reach the hub exactly once with sync now; enrolling again is 4; hub gone is 7 with everything queued', async () => {
    const store = await hub.api<Store>('POST', '/stores', { code: 'CLI-1', name: 'CLI store' }, admin);
    const atta = await hub.api<Product>('POST', '/products', { sku: 'ATTA-5', name: 'Atta 5 kg', unit: 'pc', priceMinor: 26500 }, admin);
    const device = await hub.api<{ token: string }>('POST', '/devices', { storeId: store.id, name: 'Laptop' }, admin);
    const dir = freshDir();
    expect((await cli(dir, ['init', '--code', 'TMP', '--name', 'Before the hub'])).code).toBe(0);

    const enroll = await cli(dir, ['enroll', hub.url, device.token]);
    expect(enroll.code).toBe(0);
    expect(enroll.stdout).toMatch(/Enrolled to/);
    // The hub's catalog is here: the product sells by its SKU.
    expect((await cli(dir, ['stock-in', 'ATTA-5', '20'])).code).toBe(0);
    expect((await cli(dir, ['sell', 'ATTA-5:3'])).code).toBe(0);
    expect((await cli(dir, ['sell', 'ATTA-5:2'])).code).toBe(0);

    const sync = await cli(dir, ['--json', 'sync', 'now']);
    expect(sync.code).toBe(0);
    expect(JSON.parse(sync.stdout)).toMatchObject({ pushedMovements: 3, status: { pendingMovements: 0, ackedSeq: 3, lastSeq: 3 } });
    // Again: nothing new, nothing twice.
    expect((await cli(dir, ['sync', 'now'])).code).toBe(0);
    const moves = await hub.api<{ items: { productId: string; qty: number }[] }>('GET', `/stock-movements?storeId=${store.id}&limit=100`, undefined, admin);
    expect(moves.items.map((m) => m.qty).sort((x, y) => x - y)).toEqual([-3, -2, 20]);
    const stock = await hub.api<{ items: { productId: string; qty: number }[] }>('GET', `/stocks?storeId=${store.id}`, undefined, admin);
    expect(stock.items.find((s) => s.productId === atta.id)?.qty).toBe(15);

    const again = await cli(dir, ['enroll', hub.url, device.token]);
    expect(again.code).toBe(4);
    expect(again.stderr).toMatch(/--force/);

    expect((await cli(dir, ['sell', 'ATTA-5:1'])).code).toBe(0);
    await hub.stop();
    const down = await cli(dir, ['sync', 'now']);
    expect(down.code).toBe(7);
    expect(down.stderr).toMatch(/1 movements stay queued/);
    const status = JSON.parse((await cli(dir, ['--json', 'sync', 'status'])).stdout);
    expect(status).toMatchObject({ pendingMovements: 1, ackedSeq: 3, lastSeq: 4 });
  });
});
