/**
 * Concurrent-open test child: waits for a shared moment, opens the store (running whatever
 * migrations are pending) and sells one line, then says how it went. Run as
 * `node --import tsx open-worker.ts <db> <start at, epoch ms>`.
 */
import { StoreCore } from '../store-core';

const [path, at] = process.argv.slice(2);
if (!path || !at) throw new Error('usage: open-worker <db path> <start at ms>');
await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(at) - Date.now())));
try {
  const core = await StoreCore.open(path);
  // Usable once open: one sale. Another process may still hold the write lock for its migration longer
  // than the busy timeout (5 s) on a loaded machine; a cashier would press F9 again, so try again.
  for (let attempt = 0; ; attempt++) {
    try {
      await core.sell({ lines: [{ product: 'ITEM-1', qty: 1 }] });
      break;
    } catch (err) {
      if (!/database is locked/.test((err as Error).message) || attempt >= 5) throw err;
    }
  }
  await core.close();
  process.stdout.write('OPENED\n');
} catch (err) {
  process.stdout.write(`FAILED ${(err as Error).message}\n`);
  process.exitCode = 1;
}
