import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ProtocolHub } from '../testing/protocol-hub';
import { tempStore } from '../testing/temp-store';
import { StoreCore } from '../store-core';

const worker = fileURLToPath(new URL('../testing/sync-worker.ts', import.meta.url));
const TOKEN = 'device-token-crash-0123456789';
let hub: ProtocolHub;
let url: string;

beforeEach(async () => {
  hub = new ProtocolHub();
  hub.tokens.add(TOKEN);
  url = await hub.start();
});
afterEach(async () => hub.stop());

function syncAndKill(path: string, afterReadyMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', worker, path], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('READY\n') && !out.includes('KILLING')) {
        out += 'KILLING';
        setTimeout(() => child.kill('SIGKILL'), afterReadyMs);
      }
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`sync worker exited by itself: ${err}`))));
  });
}

describe('sync after crashes', () => {
  it('a sync killed at random points resumes from SQLite: every movement reaches the hub exactly once', async () => {
    const products = Array.from({ length: 500 }, (_, i) => hub.addProduct({ sku: `P${i}`, name: `Product ${i}` }));
    const store = await tempStore();
    try {
      await store.core.enroll({ hubUrl: url, token: TOKEN });
      await store.core.syncNow();
      // 2,500 movements in 5 count sessions: several push batches of ≤ 1,000.
      for (let round = 0; round < 5; round++) {
        await store.core.count({ lines: products.map((p, i) => ({ product: p.sku, counted: round * 10 + (i % 7) })) });
      }
      await store.core.close();

      for (let i = 0; i < 6; i++) await syncAndKill(store.path, Math.floor(Math.random() * 1500));

      const core = await StoreCore.open(store.path);
      try {
        const r = await core.syncNow();
        expect(r.status).toMatchObject({ pendingMovements: 0, ackedSeq: 2500, lastSeq: 2500 });
        expect(hub.movements.size).toBe(2500);
        expect(hub.appliedCount).toBe(2500);
        for (const p of products.slice(0, 20)) {
          expect((await core.findProduct({ code: p.sku })).qty).toBe(hub.stockOf(p.id));
        }
        expect((await core.verifyAudit()).ok).toBe(true);
      } finally {
        await core.close();
      }
    } finally {
      await store.cleanup();
    }
  }, 600_000);

  it('the background loop syncs on its own, and halts (no hammering) when the hub refuses the token', async () => {
    hub.addProduct({ sku: 'TEA', name: 'Tea' });
    const store = await tempStore();
    try {
      const core = store.core;
      await core.enroll({ hubUrl: url, token: TOKEN });
      await core.syncNow();
      await core.stockIn({ product: 'TEA', qty: 5 });
      const results: string[] = [];
      core.startSyncLoop({ intervalMs: 100, baseBackoffMs: 50, maxBackoffMs: 200, onResult: (r) => results.push(r instanceof Error ? r.message : 'ok') });
      // A whole cycle done (its push and its pulls), not only the push: then the hub refuses the token.
      await waitFor(async () => results.includes('ok') && (await core.syncStatus()).pendingMovements === 0);
      hub.tokens.delete(TOKEN);
      await core.stockIn({ product: 'TEA', qty: 1 });
      await waitFor(async () => (await core.syncStatus()).halted !== null);
      const requestsWhenHalted = hub.requests;
      await new Promise((r) => setTimeout(r, 600));
      await core.close();
      expect(results).toContain('ok');
      expect(results.some((m) => /401/.test(m))).toBe(true);
      // Halted: at most the one in-flight attempt after the halt, none on the 100 ms rhythm.
      expect(hub.requests - requestsWhenHalted).toBeLessThanOrEqual(1);
      const reopened = await StoreCore.open(store.path);
      expect((await reopened.syncStatus()).state).toBe('halted');
      await reopened.close();
    } finally {
      await store.cleanup();
    }
  }, 600_000);
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}
