import { z } from 'zod';

/** A background CSV export's progress, as GET /exports/:id answers it. */
export const exportJobSchema = z.object({
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
