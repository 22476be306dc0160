import { errorEnvelopeSchema, type ErrorCode } from '@bazaar/shared';
import { apiWords } from './api-words';

/** Field name → message, for showing an API validation error beside the field it is about. */
export type FieldErrors = Record<string, string>;

/** Which form field a uniqueness conflict is about when the API gives no field itself. */
const fieldOfCode: Partial<Record<ErrorCode, string>> = {
  DUPLICATE_SKU: 'sku',
  DUPLICATE_BARCODE: 'barcode',
  DUPLICATE_CODE: 'code',
};

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'NETWORK' | 'BAD_RESPONSE',
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The per-field messages in `details`, whichever of the usual shapes the API used. */
  fieldErrors(): FieldErrors {
    const out: FieldErrors = {};
    collectFieldErrors(this.details, out);
    if (Object.keys(out).length) return out;
    // Uniqueness conflicts name their field in the message: "sku: a product with this SKU already exists".
    // Field-specific refusals name the field first: "sku: a product with this SKU already exists".
    const named = /^([A-Za-z][\w.]*): (.+)$/.exec(this.message);
    const field = named?.[1] ?? (this.code in fieldOfCode ? fieldOfCode[this.code as ErrorCode] : undefined);
    if (field) out[field] = named?.[2] ?? this.message;
    return out;
  }
}

function pathKey(path: unknown): string | null {
  if (Array.isArray(path)) return path.length ? path.map(String).join('.') : null;
  if (typeof path === 'string' && path) return path;
  return null;
}

function collectFieldErrors(details: unknown, out: FieldErrors): void {
  if (!details || typeof details !== 'object') return;
  if (Array.isArray(details)) {
    // zod issues: [{ path: ['sku'], message }]
    for (const issue of details) {
      if (!issue || typeof issue !== 'object') continue;
      const rec = issue as Record<string, unknown>;
      const key = pathKey(rec.path) ?? pathKey(rec.field);
      if (key && typeof rec.message === 'string' && !out[key]) out[key] = rec.message;
    }
    return;
  }
  const rec = details as Record<string, unknown>;
  if (Array.isArray(rec.issues)) collectFieldErrors(rec.issues, out);
  if (rec.fieldErrors && typeof rec.fieldErrors === 'object') collectFieldMap(rec.fieldErrors, out);
  if (rec.fields && typeof rec.fields === 'object') collectFieldMap(rec.fields, out);
  const field = pathKey(rec.field);
  if (field && !out[field]) out[field] = typeof rec.message === 'string' ? rec.message : apiWords().t('web.api.notValid');
}

function collectFieldMap(map: object, out: FieldErrors): void {
  for (const [key, value] of Object.entries(map)) {
    const message = Array.isArray(value) ? value.find((v) => typeof v === 'string') : value;
    if (typeof message === 'string' && !out[key]) out[key] = message;
  }
}

/** Turn any non-2xx answer into an ApiError, reading the shared error envelope when present. */
export async function apiErrorFrom(res: Response): Promise<ApiError> {
  const text = await res.text().catch(() => '');
  try {
    const parsed = errorEnvelopeSchema.safeParse(JSON.parse(text));
    if (parsed.success) {
      const { code, message, details } = parsed.data.error;
      return new ApiError(res.status, code, message, details);
    }
  } catch {
    // not JSON: fall through to a generic message
  }
  return new ApiError(res.status, 'BAD_RESPONSE', apiWords().t('web.api.hubAnswered', { status: res.status, statusText: res.statusText }).trim());
}

export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  if (err instanceof Error) return err.message;
  return apiWords().t('web.api.somethingWrong');
}
