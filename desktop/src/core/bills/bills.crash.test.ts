import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { billSchema } from '@bazaar/shared';
import { killLiveWorkers, runAndKill } from '../testing/kill-worker';
import { tempStore } from '../testing/temp-store';
import { StoreCore } from '../store-core';

const worker = fileURLToPath(new URL('../testing/bill-worker.ts', import.meta.url));
const KILLS = 12;
afterEach(killLiveWorkers);

interface Printed {
  number: string;
  id: string;
  size: number;
}

async function billsUntilKilled(path: string, afterReadyMs: number): Promise<Printed[]> {
  return (await runAndKill(worker, [path], afterReadyMs))
    .filter((l) => l.startsWith('BILL '))
    .map((l) => {
      const [, number, id, size] = l.split(' ');
      return { number: number as string, id: id as string, size: Number(size) };
    });
}

describe('bill numbers under crashes', () => {
  it(`survive ${KILLS} SIGKILLs mid-bill: gap-free per counter, none reused, every printed bill whole with its movements`, async () => {
    const store = await tempStore();
    try {
      for (const sku of ['A', 'B', 'C', 'D']) await store.core.addProduct({ sku, name: `Item ${sku}`, unit: 'pc', priceMinor: 10_000 });
      await store.core.updateBillSettings({ counterCode: 'C2' });
      await store.core.close();

      const printed: Printed[] = [];
      for (let i = 0; i < KILLS; i++) printed.push(...(await billsUntilKilled(store.path, 50 + Math.floor(Math.random() * 400))));
      expect(printed.length).toBeGreaterThan(KILLS);

      const core = await StoreCore.open(store.path);
      try {
        const rows = core.connection.prepare('SELECT id, number, counter_code, counter_no, doc_json FROM bills ORDER BY counter_no').all() as { id: string; number: string; counter_code: string; counter_no: number; doc_json: string }[];
        expect(rows.map((r) => r.counter_no)).toEqual(rows.map((_, i) => i + 1));
        expect(rows.every((r) => r.counter_code === 'C2' && r.number === `S1-C2-${String(r.counter_no).padStart(6, '0')}`)).toBe(true);
        const byId = new Map(rows.map((r) => [r.id, r]));
        for (const p of printed) expect(byId.get(p.id)?.number).toBe(p.number);

        const moves = core.connection.prepare("SELECT batch_id, count(*) AS n FROM movements WHERE kind = 'SALE' GROUP BY batch_id").all() as { batch_id: string; n: number }[];
        const perBill = new Map(moves.map((m) => [m.batch_id, m.n]));
        // Every bill has exactly its lines as movements, and no movement is without its bill.
        for (const r of rows) expect(perBill.get(r.id)).toBe(billSchema.parse(JSON.parse(r.doc_json)).lines.length);
        expect(perBill.size).toBe(rows.length);
        for (const p of printed) expect(perBill.get(p.id)).toBe(p.size);
        expect((await core.verifyAudit({ full: true })).ok).toBe(true);

        // The next bill after all the crashes continues the run.
        const next = await core.sell({ lines: [{ product: 'A', qty: 1 }] });
        expect(next.bill.counterNo).toBe(rows.length + 1);
      } finally {
        await core.close();
      }
    } finally {
      await store.cleanup();
    }
  }, 600_000);
});
