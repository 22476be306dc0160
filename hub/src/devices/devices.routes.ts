import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../http/app-env';

/**
 * Placeholder from the hub skeleton: the sync helper owns this folder and replaces it
 * (POST/GET /devices, DELETE /devices/:id). Mounted by api.routes.ts at /api/v1/devices.
 */
export function createDevicesRoutes(_deps: AppDeps) {
  return new Hono<AppEnv>();
}
