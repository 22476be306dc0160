import { Hono } from 'hono';
import type { AppDeps, AppEnv } from './http/app-env';
import { createHealthRoutes } from './health/health.routes';
import { createSyncRoutes } from './sync/sync.routes';
import { createDevicesRoutes } from './devices/devices.routes';
import { createConflictsRoutes } from './conflicts/conflicts.routes';

/** Every /api/v1 route, chained so path params and RPC types survive (hc<HubApp>). */
export function createApiRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .route('/', createHealthRoutes(deps))
    .route('/sync', createSyncRoutes(deps))
    .route('/devices', createDevicesRoutes(deps))
    .route('/conflicts', createConflictsRoutes(deps));
}
