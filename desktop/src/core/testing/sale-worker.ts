/**
 * Crash-test child: sells random carts forever and prints each sale after its commit.
 * The parent SIGKILLs it at random moments. Run as `node --import tsx sale-worker.ts <db>`
 * (one process, so the kill hits the process that holds the database).
 */
import { StoreCore } from '../store-core';

const path = process.argv[2];
if (!path) throw new Error('usage: sale-worker <db path>');
const skus = (process.argv[3] ?? 'A,B,C,D').split(',');
const core = await StoreCore.open(path);
process.stdout.write('READY\n');
for (;;) {
  const size = 1 + Math.floor(Math.random() * 4);
  const lines = Array.from({ length: size }, (_, i) => ({ product: skus[(Math.floor(Math.random() * skus.length) + i) % skus.length] as string, qty: 1 + Math.floor(Math.random() * 3) }));
  const sale = await core.sell({ lines, note: `cart:${size}` });
  // Written only after the commit returned: every id printed here must survive the kill.
  process.stdout.write(`SALE ${sale.batchId} ${size}\n`);
}
