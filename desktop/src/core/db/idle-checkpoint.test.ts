import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { StoreCore } from '../store-core';
import type { IdleTrigger } from './idle-checkpoint';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bazaar-ckpt-'));
  dirs.push(dir);
  return dir;
}

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

/** The test decides when the counter is idle: nothing runs until fire(). */
function manualIdle() {
  let pending: (() => Promise<void>) | null = null;
  let arms = 0;
  const trigger: IdleTrigger = {
    arm(onIdle) {
      arms++;
      pending = onIdle;
    },
    cancel() {
      pending = null;
    },
  };
  return {
    trigger,
    arms: () => arms,
    async fire(): Promise<void> {
      const run = pending;
      pending = null;
      if (!run) throw new Error('no write armed the idle trigger');
      await run();
    },
  };
}

async function storeWithTwoSales(dir: string, opts: Parameters<typeof StoreCore.open>[1]): Promise<StoreCore> {
  const core = await StoreCore.open(join(dir, 'store.db'), opts);
  await core.initStore({ code: 'S1', name: 'Sharma Kirana' });
  await core.addProduct({ sku: 'ATTA-5', name: 'Atta 5kg', unit: 'pc', priceMinor: 26500 });
  await core.sell({ lines: [{ product: 'ATTA-5', qty: 1 }] });
  await core.sell({ lines: [{ product: 'ATTA-5', qty: 2 }] });
  return core;
}

describe('idle checkpoint', () => {
  it('leaves the WAL alone during sales and copies it into the file once the counter is idle', async () => {
    const dir = tempDir();
    const idle = manualIdle();
    const core = await storeWithTwoSales(dir, { idleTrigger: idle.trigger });
    try {
      // Each sale re-armed the trigger; committed (in the WAL, fsynced) but not yet in the main file.
      expect(idle.arms()).toBeGreaterThanOrEqual(2);
      expect(salesInMainFile(dir)).toBe(0);
      await idle.fire();
      expect(salesInMainFile(dir)).toBe(2);
    } finally {
      await core.close();
    }
  });

  it('the app default arms a real timer that checkpoints by itself', async () => {
    const dir = tempDir();
    const core = await storeWithTwoSales(dir, { idleCheckpointMs: 10 });
    try {
      await vi.waitFor(() => expect(salesInMainFile(dir)).toBe(2), { timeout: 30_000, interval: 50 });
    } finally {
      await core.close();
    }
  });
});
