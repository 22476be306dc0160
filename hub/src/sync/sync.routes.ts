import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../http/app-env';

/**
 * Placeholder from the hub skeleton: the sync helper owns this folder and replaces it
 * (POST /sync/push, GET /sync/pull). Mounted by api.routes.ts at /api/v1/sync.
 */
export function createSyncRoutes(_deps: AppDeps) {
  return new Hono<AppEnv>();
}
