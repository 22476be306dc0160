import { z } from 'zod';
import { exportJobSchema } from './exports.schema';

/** The head-office pages whose filters live in their URL and can be saved as a view. */
export const savedViewPathSchema = z.string().regex(/^\/[a-z][a-z-]{0,39}$/, 'must be a page path such as /rankings');
export const savedViewSchedules = ['daily', 'weekly'] as const;
export const savedViewExportKinds = ['stock', 'movements'] as const;

/** A person's filtered page saved by name; with a schedule, a report exported every day or week. */
export const savedViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  path: z.string(),
  query: z.string(),
  schedule: z.enum(savedViewSchedules).nullable(),
  exportKind: z.enum(savedViewExportKinds),
  webhookUrl: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SavedView = z.infer<typeof savedViewSchema>;

const name = z.string().trim().min(1, 'must not be empty').max(80);
/** The URL's query string without its "?" (what useUrlFilters writes). */
const query = z
  .string()
  .max(2000)
  .refine((q) => !q.startsWith('?') && !/[\s#]/.test(q), 'must be a query string without "?", spaces or "#"');

export const savedViewCreateSchema = z.strictObject({ name, path: savedViewPathSchema, query: query.default('') });

export const savedViewUpdateSchema = z
  .strictObject({
    name: name.optional(),
    query: query.optional(),
    schedule: z.enum(savedViewSchedules).nullable().optional(),
    exportKind: z.enum(savedViewExportKinds).optional(),
    webhookUrl: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).max(2000).nullable().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, 'nothing to change');

/** An export job as the Exports page lists it: a scheduled one names its view and period. */
export const exportListItemSchema = exportJobSchema.extend({
  viewName: z.string().nullable(),
  period: z.string().nullable(),
  webhookState: z.string().nullable(),
});
export type ExportListItem = z.infer<typeof exportListItemSchema>;
