import { serve } from '@hono/node-server';
import { HybridLogicalClock } from '@bazaar/shared';
import pino from 'pino';
import { createApp } from './app';
import { loadConfigOrExit } from './config/env';
import { createDb } from './db/db.factory';
import { migrateToLatest } from './db/migrate';
import { systemClock, type AppDeps } from './http/app-env';
import { printFirstStartHelp } from './auth/first-start';
import { serveWebUi } from './web-ui/serve-web-ui';
import { createPlatform } from './platform/platform.factory';
import { platformSettings } from './platform/platform.config';

const config = loadConfigOrExit();
const logger = pino({ level: config.logLevel, base: { service: 'hub' } });

const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${config.dataDir}`;
logger.info(`starting on ${where}`);
const hubDb = createDb(config);
try {
  await migrateToLatest(hubDb.db);
} catch (err) {
  logger.fatal({ err }, 'database migration failed');
  await hubDb.close().catch(() => undefined);
  process.exit(1);
}

// Resume the hub clock past every timestamp it has issued, so a restart never goes backwards.
const lastHlc = await hubDb.db
  .selectFrom('movements')
  .select((eb) => eb.fn.max('hlc').as('hlc'))
  .where('device_id', 'is', null)
  .executeTakeFirst();
const hlc = new HybridLogicalClock({
  node: config.hubNodeId,
  now: () => systemClock.now(),
  last: lastHlc?.hlc?.endsWith(`-${config.hubNodeId}`) ? lastHlc.hlc : undefined,
});

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

const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  logger.info(`hub listening on http://${info.address === '0.0.0.0' ? 'localhost' : info.address}:${info.port}`);
  void printFirstStartHelp(deps, `http://localhost:${info.port}`);
});

let shuttingDown = false;
async function shutdown(signal: string) {
  if (shuttingDown) return;
  shuttingDown = true;
  logger.info(`${signal}: draining requests`);
  platform.endStreams();
  const force = setTimeout(() => {
    logger.warn('requests still running after 10 s; closing anyway');
    process.exit(1);
  }, 10_000);
  force.unref();
  // close() stops accepting connections and resolves once in-flight requests have finished.
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await platform.close(); // drains running jobs
  await hubDb.close();
  logger.info('stopped');
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
