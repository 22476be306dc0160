import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { StoreCore } from '../core/store-core';
import { createBridgeServer } from './bridge-server';
import { loadCounterConfig } from './counter-config';

/** `pnpm counter`: the counter app in a normal browser, the core behind the local bridge. */
async function main(): Promise<void> {
  const config = loadCounterConfig(process.argv.slice(2), process.env);
  const desktopDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
  const staticDir = config.rendererDir ?? join(desktopDir, 'dist', 'renderer');

  if (config.build) {
    const { build } = await import('vite');
    console.log('Building the counter screens…');
    await build({ configFile: join(desktopDir, 'vite.config.ts'), logLevel: 'warn', build: { outDir: staticDir, emptyOutDir: true } });
  }

  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  const dbPath = join(config.dataDir, 'store.db');
  const core = await StoreCore.open(dbPath);
  core.startSyncLoop({
    intervalMs: config.syncIntervalMs,
    maxBackoffMs: config.syncMaxBackoffMs,
    onResult: (r) => {
      if (r instanceof Error) console.warn(`sync: ${r.message}`);
    },
  });

  const { server } = createBridgeServer({
    core,
    staticDir,
    onWrite: () => core.triggerSync(),
    log: (line) => console.error(line),
  });
  server.listen(config.port, '127.0.0.1', () => {
    const addr = server.address();
    const port = addr && typeof addr === 'object' ? addr.port : config.port;
    console.log(`Bazaar counter: http://127.0.0.1:${port}/`);
    console.log(`Store database: ${dbPath}`);
  });
  server.on('error', (err: NodeJS.ErrnoException) => {
    console.error(err.code === 'EADDRINUSE' ? `pnpm counter: port ${config.port} is in use; pass --port N or set COUNTER_PORT` : `pnpm counter: ${err.message}`);
    process.exit(1);
  });

  let closing = false;
  const shutdown = () => {
    if (closing) return;
    closing = true;
    server.close();
    server.closeAllConnections();
    // Closing the core waits for a running sync and checkpoints SQLite: a clean stop loses nothing.
    void core.close().finally(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((err: unknown) => {
  console.error(`pnpm counter: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
