import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createTestApp } from '../test/test-db';
import { serveWebUi } from './serve-web-ui';

/**
 * A real hub for browser tests: the real app on a fresh database (Postgres when
 * TEST_DATABASE_URL is set, else PGlite), the built SPA at `/`, listening on a real port.
 */
export async function startE2eHub(opts: { port?: number; distDir?: string } = {}) {
  const hub = await createTestApp();
  const web = serveWebUi(hub.app, hub.deps.config, opts.distDir ? { distDir: opts.distDir } : {});
  const server = serve({ fetch: hub.app.fetch, port: opts.port ?? 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    web,
    dbName: hub.db.name,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await hub.close();
    },
  };
}
