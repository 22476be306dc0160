import { z } from 'zod';
import { isoDateTimeSchema } from '../domain/common.schema';
import { uuidSchema } from '../ids/uuidv7';
import { shiftReportSchema } from './shift.report';

/**
 * Shifts as head office reads them (issue 17): the counter's pushed report with the names a
 * person reads (store, counter) beside it. An open shift's figures are those it had when it was
 * last pushed; a closed one's are its Z report.
 */
export const shiftSummarySchema = z.object({
  id: uuidSchema,
  storeId: uuidSchema,
  storeCode: z.string(),
  storeName: z.string(),
  /** The store's IANA zone: the shift's times are said in it. */
  timeZone: z.string(),
  deviceId: uuidSchema,
  counterName: z.string(),
  counterCode: z.string(),
  status: z.enum(['open', 'closed']),
  openedAt: isoDateTimeSchema,
  openedBy: z.string().nullable(),
  closedAt: isoDateTimeSchema.nullable(),
  closedBy: z.string().nullable(),
  floatMinor: z.number().int(),
  saleBills: z.number().int(),
  salesMinor: z.number().int(),
  cashExpectedMinor: z.number().int(),
  countedMinor: z.number().int().nullable(),
  varianceMinor: z.number().int().nullable(),
});
export type ShiftSummary = z.infer<typeof shiftSummarySchema>;

export const shiftDetailSchema = shiftSummarySchema.extend({ report: shiftReportSchema });
export type ShiftDetail = z.infer<typeof shiftDetailSchema>;
