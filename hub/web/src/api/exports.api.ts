import { z } from 'zod';
import { api, apiFile } from './client';
import type { RequestBody } from './hub-routes';

const exportJobSchema = z.object({
  id: z.string(),
  kind: z.string(),
  state: z.string(),
  rowsDone: z.number(),
  rowsTotal: z.number().nullable(),
  error: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ExportJob = z.infer<typeof exportJobSchema>;

/** Exports of every row as background jobs on the hub: start, follow, download. */
export const exportsApi = {
  start: (body: RequestBody<'POST', '/exports'>) => api('POST', '/exports', { body, schema: z.object({ id: z.string(), state: z.literal('queued') }) }),
  get: (id: string) => api('GET', '/exports/:id', { param: { id }, schema: exportJobSchema }),
  download: (id: string) => apiFile('/exports/:id/download', { id }),
};
