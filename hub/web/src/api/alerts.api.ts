import { z } from 'zod';
import { api } from './client';
import type { ListQuery } from './endpoints';

const liveAlertSchema = z.object({
  id: z.string(),
  storeId: z.string(),
  productId: z.string(),
  kind: z.string(),
  state: z.enum(['open', 'acknowledged', 'closed']),
  openedAt: z.string(),
});
export type LiveAlert = z.infer<typeof liveAlertSchema>;

/** Stock alerts of the caller's stores (low, out, expiring), newest first. */
export const alertsApi = {
  list: (query: ListQuery<'/alerts'>) => api('GET', '/alerts', { query, schema: z.object({ items: z.array(liveAlertSchema), nextCursor: z.null() }) }),
};
