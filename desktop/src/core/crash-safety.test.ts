import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { mergeStock } from '@bazaar/shared';
import { killLiveWorkers, runAndKill } from './testing/kill-worker';
import { tempStore } from './testing/temp-store';
import { StoreCore } from './store-core';

const worker = fileURLToPath(new URL('./testing/sale-worker.ts', import.meta.url));
const KILLS = 20;
afterEach(killLiveWorkers);

/** Let the worker sell for a random while after it is ready, SIGKILL it; return the sales it printed. */
async function salesUntilKilled(path: string, afterReadyMs: number): Promise<{ batchId: string; size: number }[]> {
  return (await runAndKill(worker, [path], afterReadyMs))
    .filter((l) => l.startsWith('SALE '))
    .map((l) => {
      const [, batchId, size] = l.split(' ');
      return { batchId: batchId as string, size: Number(size) };
    });
}

describe('crash safety', () => {
  it(`survives ${KILLS} SIGKILLs mid-sale: every printed sale exactly once, no partial cart, gap-free seqs, audit chain intact`, async () => {
    const store = await tempStore();
    try {
      for (const sku of ['A', 'B', 'C', 'D']) await store.core.addProduct({ sku, name: `Item ${sku}`, unit: 'pc', priceMinor: 1000 });
      await store.core.close();

      const printed: { batchId: string; size: number }[] = [];
      for (let i = 0; i < KILLS; i++) printed.push(...(await salesUntilKilled(store.path, 50 + Math.floor(Math.random() * 400))));
      expect(printed.length).toBeGreaterThan(KILLS);

      const core = await StoreCore.open(store.path);
      try {
        const all = [];
        let cursor: string | undefined;
        do {
          const page = await core.history({ limit: 1000, cursor });
          all.push(...page.items);
          cursor = page.nextCursor ?? undefined;
        } while (cursor);

        const seqs = all.map((m) => m.seq).sort((a, b) => a - b);
        expect(seqs).toEqual(seqs.map((_, i) => i + 1));
        expect(new Set(all.map((m) => m.id)).size).toBe(all.length);

        const byBatch = new Map<string, typeof all>();
        for (const m of all) byBatch.set(m.batchId as string, [...(byBatch.get(m.batchId as string) ?? []), m]);
        // Every stored cart is whole (its note says how many lines it had).
        for (const [, lines] of byBatch) expect(lines.length).toBe(Number(lines[0]?.note?.split(':')[1]));
        // Every sale the worker saw committed is there, exactly once.
        for (const p of printed) expect(byBatch.get(p.batchId)?.length).toBe(p.size);

        const audit = await core.verifyAudit();
        expect(audit.ok).toBe(true);
        // Paged: a fast counter commits more than one page of sales in 20 runs.
        let saleRows = 0;
        let auditCursor: string | undefined;
        do {
          const page = await core.auditLog({ action: 'sale.create', limit: 1000, cursor: auditCursor });
          saleRows += page.items.length;
          auditCursor = page.nextCursor ?? undefined;
        } while (auditCursor);
        expect(saleRows).toBe(byBatch.size);

        for (const sku of ['A', 'B', 'C', 'D']) {
          const p = await core.findProduct({ code: sku });
          expect(p.qty).toBe(mergeStock(all.filter((m) => m.productId === p.id)).qty);
        }
      } finally {
        await core.close();
      }
    } finally {
      await store.cleanup();
    }
    // 20 process starts: generous for a loaded 2-core CI machine.
  }, 600_000);
});
