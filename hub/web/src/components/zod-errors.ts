import type { z } from 'zod';
import type { FieldErrors } from '../api/api-error';

/** The first message per field of a failed client-side parse (same schema the hub uses). */
export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || 'form';
    if (!out[key]) out[key] = issue.message;
  }
  return out;
}
