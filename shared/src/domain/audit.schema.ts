import { z } from 'zod';
import { isoDateTimeSchema } from './common.schema';
import { uuidSchema } from '../ids/uuidv7';

export const auditEntrySchema = z.object({
  id: z.string(),
  at: isoDateTimeSchema,
  actorId: uuidSchema.nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  storeId: uuidSchema.nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  ip: z.string().nullable(),
  prevHash: z.string(),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const chainVerificationSchema = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstBroken: z.object({ id: z.string(), reason: z.string() }).nullable(),
});
export type ChainVerification = z.infer<typeof chainVerificationSchema>;
