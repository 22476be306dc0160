import { serve } from '@hono/node-server';
import pino from 'pino';
import { createApp } from './app';
import { loadConfigOrExit } from './config/env';
import { resumeHubClock } from './clock/hub-clock';
import { createDb } from './db/db.factory';
import { createDrain } from './http/drain';
import { migrateAtStart } from './db/migrate.at-start';
import { systemClock, type AppDeps } from './http/app-env';
import { printFirstStartHelp } from './auth/first-start';
import { serveWebUi } from './web-ui/serve-web-ui';
import { createPlatform } from './platform/platform.factory';
import { platformSettings } from './platform/platform.config';

const config = loadConfigOrExit();
const logger = pino({ level: config.logLevel, base: { service: 'hub' } });

const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${config.dataDir}`;
logger.info(`starting on ${where}`);
// A lost connection (database restart, failover, pg_terminate_backend) is logged, not fatal: the
// pool reconnects on the next query, and requests meanwhile are answered 503 with Retry-After.
const lastLogged = { primary: 0, replica: 0 };
const hubDb = createDb(config, {
  onConnectionError(pool, err) {
    if (Date.now() - lastLogged[pool] < 1_000) return;
    lastLogged[pool] = Date.now();
    logger.warn({ pool, code: (err as { code?: unknown }).code, why: err.message }, 'database connection lost; reconnecting on next use');
  },
});
try {
  await migrateAtStart(hubDb.db, logger);
} catch (err) {
  logger.fatal({ err }, 'database migration failed');
  await hubDb.close().catch(() => undefined);
  process.exit(1);
}

// Resume the hub clock past every timestamp it has issued or received, so a restart never goes backwards.
const hlc = await resumeHubClock(hubDb.db, { node: config.hubNodeId, now: () => systemClock.now() });

// Shared limits, cache, events and jobs on Redis when REDIS_URL is set, in-process otherwise.
const platform = await createPlatform({ config, db: hubDb.db, readDb: hubDb.readDb, logger, settings: platformSettings(config), pools: hubDb.pools });
const deps: AppDeps = {
  config,
  db: hubDb.db,
  readDb: hubDb.readDb,
  logger,
  clock: systemClock,
  hlc,
  limiter: platform.limiter,
  platform,
};
const app = createApp(deps);
serveWebUi(app, config);

// On SIGTERM new requests get 503 while the ones running finish (see shutdown below).
const drain = createDrain(app.fetch);
const server = serve({ fetch: drain.fetch, port: config.port, hostname: config.host }, (info) => {
  logger.info(`hub listening on http://${info.address === '0.0.0.0' ? 'localhost' : info.address}:${info.port}`);
  // Another node starting on the same empty database may create the first admin at the same moment.
  printFirstStartHelp(deps, `http://localhost:${info.port}`).catch((err: unknown) => logger.error({ err }, 'first-start setup failed'));
});

let shuttingDown = false;
async function shutdown(signal: string) {
  if (shuttingDown) return;
  shuttingDown = true;
  logger.info(`${signal}: draining requests (new ones are answered 503)`);
  platform.endStreams();
  const force = setTimeout(() => {
    logger.warn('requests still running after 10 s; closing anyway');
    process.exit(1);
  }, 10_000);
  force.unref();
  await drain.drain();
  // Then stop listening; close() resolves once every connection (keep-alive ones included) is gone.
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    if ('closeIdleConnections' in server) server.closeIdleConnections();
  });
  await platform.close(); // drains running jobs
  await hubDb.close();
  logger.info('stopped');
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
