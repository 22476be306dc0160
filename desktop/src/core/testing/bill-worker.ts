/**
 * Crash-test child for bills: completes random carts with random payments forever and prints
 * each bill after its commit. The parent SIGKILLs it at random moments.
 * Run as `node --import tsx bill-worker.ts <db>`.
 */
import { StoreCore } from '../store-core';

const path = process.argv[2];
if (!path) throw new Error('usage: bill-worker <db path>');
const skus = ['A', 'B', 'C', 'D'];
const core = await StoreCore.open(path);
process.stdout.write('READY\n');
for (;;) {
  const size = 1 + Math.floor(Math.random() * 4);
  const lines = Array.from({ length: size }, (_, i) => ({ product: skus[(Math.floor(Math.random() * skus.length) + i) % skus.length] as string, qty: 1 + Math.floor(Math.random() * 3) }));
  const sale = await core.sell({ lines, note: `cart:${size}`, payments: Math.random() < 0.5 ? [{ method: 'upi', amountMinor: 500 }, { method: 'cash', tenderedMinor: 200_000 }] : [] });
  // Written only after the commit returned: every bill printed here must survive the kill.
  process.stdout.write(`BILL ${sale.billNumber} ${sale.batchId} ${size}\n`);
}
