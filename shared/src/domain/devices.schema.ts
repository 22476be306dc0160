import { z } from 'zod';
import { isoDateTimeSchema, nameSchema } from './common.schema';
import { uuidSchema } from '../ids/uuidv7';

export const deviceSchema = z.object({
  id: uuidSchema,
  storeId: uuidSchema,
  name: nameSchema,
  /** The HLC node id the device must use. */
  node: z.string(),
  lastSeq: z.number().int(),
  lastPushAt: isoDateTimeSchema.nullable(),
  lastPullAt: isoDateTimeSchema.nullable(),
  revokedAt: isoDateTimeSchema.nullable(),
  openConflicts: z.number().int(),
  createdAt: isoDateTimeSchema,
});
export type Device = z.infer<typeof deviceSchema>;

export const deviceCreateSchema = z.strictObject({ storeId: uuidSchema, name: nameSchema });
export type DeviceCreate = z.infer<typeof deviceCreateSchema>;

export const deviceEnrollmentSchema = z.object({
  device: deviceSchema,
  token: z.string(),
  /** The address counters on other PCs reach this hub at (PUBLIC_URL), when the hub is told one. */
  hubUrl: z.string().url().nullable().optional(),
});
export type DeviceEnrollment = z.infer<typeof deviceEnrollmentSchema>;
