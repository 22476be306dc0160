import { DomainError, errorCodeSchema, type ErrorCode } from '@bazaar/shared';
import { z } from 'zod';

/*
 * What crosses a process boundary: a plain object, never an Error instance (Electron
 * flattens thrown errors into a message string and the code would be lost).
 */
export interface ApiFailure {
  code: ErrorCode;
  message: string;
  details?: unknown;
}
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiFailure };

export const apiResultSchema = z.union([
  // `value` may be absent: JSON drops an undefined value (an operation that answers nothing, like signOut).
  z.object({ ok: z.literal(true), value: z.unknown().optional() }),
  z.object({
    ok: z.literal(false),
    error: z.object({ code: errorCodeSchema, message: z.string(), details: z.unknown().optional() }),
  }),
]);

/** Turn anything thrown by the core into the plain failure object. */
export function toApiFailure(err: unknown): ApiFailure {
  if (err instanceof DomainError) return { code: err.code, message: err.message, details: err.details };
  if (err instanceof z.ZodError) {
    const fields = err.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    const first = fields[0];
    const message = first ? (first.path ? `${first.path}: ${first.message}` : first.message) : 'invalid input';
    return { code: 'VALIDATION_FAILED', message, details: { fields } };
  }
  // Unknown failures: say something useful without leaking internals such as SQL.
  return { code: 'INTERNAL', message: 'something went wrong in the counter app; the action was not saved' };
}

/** The renderer-side error: keeps the code so screens can react to it. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Field name → message, for inline form errors. */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    const d = this.details as { fields?: { path: string; message: string }[]; field?: string } | undefined;
    for (const f of d?.fields ?? []) out[f.path] ??= f.message;
    if (d?.field) out[d.field] ??= this.message;
    return out;
  }
}

export function unwrapResult<T>(raw: unknown): T {
  const parsed = apiResultSchema.safeParse(raw);
  if (!parsed.success) throw new ApiError('INTERNAL', 'the counter app answered something unexpected');
  if (parsed.data.ok) return parsed.data.value as T;
  const e = parsed.data.error;
  throw new ApiError(e.code, e.message, e.details);
}
