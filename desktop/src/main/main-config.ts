import { join } from 'node:path';

/** What the Electron shell reads from its environment, in one place. */
export interface MainConfig {
  /** Where store.db lives: BAZAAR_DATA_DIR, else the OS's per-user app data folder. */
  dataDir: string;
  /** Vite's dev server in `pnpm desktop`; unset in a packaged app, which loads its files. */
  rendererUrl: string | null;
  syncIntervalMs: number;
}

export function loadMainConfig(env: NodeJS.ProcessEnv, userDataDir: string): MainConfig {
  const rendererUrl = env.ELECTRON_RENDERER_URL ?? null;
  if (rendererUrl !== null && !/^http:\/\/(127\.0\.0\.1|localhost):\d+\/?$/.test(rendererUrl)) {
    // Never point a window that holds the store's API at anything but the local dev server.
    throw new Error(`ELECTRON_RENDERER_URL must be a local http://127.0.0.1:PORT URL, got ${rendererUrl}`);
  }
  const interval = Number(env.COUNTER_SYNC_INTERVAL_MS ?? 30_000);
  return {
    dataDir: env.BAZAAR_DATA_DIR ?? join(userDataDir, 'store'),
    rendererUrl,
    syncIntervalMs: Number.isInteger(interval) && interval >= 500 ? interval : 30_000,
  };
}
