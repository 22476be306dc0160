import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StoreCore } from '../store-core';

/** A real store database file in a fresh temp directory. */
export async function tempStore(opts: { init?: boolean } = {}): Promise<{ core: StoreCore; dir: string; path: string; cleanup: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'bazaar-store-'));
  const path = join(dir, 'store.db');
  const core = await StoreCore.open(path);
  if (opts.init !== false) await core.initStore({ code: 'S1', name: 'Sharma Kirana' });
  return {
    core,
    dir,
    path,
    cleanup: async () => {
      await core.close().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
