import { exportJobSchema } from '@bazaar/shared';
import { z } from 'zod';
import { api, apiFile } from './client';
import type { RequestBody } from './hub-routes';

/** Exports of every row as background jobs on the hub: start, follow, download. */
export const exportsApi = {
  start: (body: RequestBody<'POST', '/exports'>) => api('POST', '/exports', { body, schema: z.object({ id: z.string(), state: z.literal('queued') }) }),
  get: (id: string) => api('GET', '/exports/:id', { param: { id }, schema: exportJobSchema }),
  download: (id: string) => apiFile('/exports/:id/download', { id }),
};
