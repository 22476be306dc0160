import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../http/app-env';

/**
 * Placeholder from the hub skeleton: the sync helper owns this folder and replaces it
 * (GET /conflicts, POST /conflicts/:id/resolve). Mounted by api.routes.ts at /api/v1/conflicts.
 */
export function createConflictsRoutes(_deps: AppDeps) {
  return new Hono<AppEnv>();
}
