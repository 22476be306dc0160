import { conflictBulkResultSchema, conflictGroupsSchema, type ConflictBulkResolve } from '@bazaar/shared';
import { api } from '../../api/client';
import type { ListQuery } from '../../api/endpoints';

export const conflictGroupsApi = {
  groups: (query: ListQuery<'/conflicts/groups'>) => api('GET', '/conflicts/groups', { query, schema: conflictGroupsSchema }),
  resolve: (body: ConflictBulkResolve) => api('POST', '/conflicts/bulk-resolve', { body, schema: conflictBulkResultSchema }),
};
