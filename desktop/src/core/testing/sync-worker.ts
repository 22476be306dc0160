/**
 * Crash-test child: syncs an enrolled store database over and over; the parent SIGKILLs it
 * mid-push or mid-pull. Run as `node --import tsx sync-worker.ts <db>`.
 */
import { StoreCore } from '../store-core';

const path = process.argv[2];
if (!path) throw new Error('usage: sync-worker <db path>');
const core = await StoreCore.open(path);
process.stdout.write('READY\n');
for (;;) {
  await core.syncNow().catch(() => undefined);
  process.stdout.write('SYNCED\n');
}
