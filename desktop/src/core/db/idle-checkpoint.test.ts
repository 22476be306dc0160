import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { StoreCore } from '../store-core';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** Sale lines readable from the database file alone, as if its WAL were gone. */
function salesInMainFile(dir: string): number {
  const copy = join(dir, 'main-only.db');
  rmSync(copy, { force: true });
  copyFileSync(join(dir, 'store.db'), copy);
  const db = new Database(copy, { readonly: true });
  try {
    const table = db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'movements'").get();
    return table ? (db.prepare("SELECT count(*) AS n FROM movements WHERE kind = 'SALE'").get() as { n: number }).n : 0;
  } finally {
    db.close();
  }
}

describe('idle checkpoint', () => {
  it('leaves the WAL alone during a sale and copies it into the file once the counter is idle', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bazaar-ckpt-'));
    dirs.push(dir);
    const core = await StoreCore.open(join(dir, 'store.db'), { idleCheckpointMs: 100 });
    try {
      await core.initStore({ code: 'S1', name: 'Sharma Kirana' });
      await core.addProduct({ sku: 'ATTA-5', name: 'Atta 5kg', unit: 'pc', pricePaise: 26500 });
      await core.sell({ lines: [{ product: 'ATTA-5', qty: 1 }] });
      await core.sell({ lines: [{ product: 'ATTA-5', qty: 2 }] });
      // Committed (in the WAL, fsynced) but not yet in the main file: no checkpoint ran in the sales.
      expect(salesInMainFile(dir)).toBe(0);
      await vi.waitFor(() => expect(salesInMainFile(dir)).toBe(2), { timeout: 15_000, interval: 50 });
    } finally {
      await core.close();
    }
  });
});
