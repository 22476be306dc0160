import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldError, FieldErrors as FormErrors, FieldValues, Resolver } from 'react-hook-form';
import type { z } from 'zod';
import type { FieldErrors } from '../../api/api-error';

/**
 * What a form's text boxes become before the shared schema checks them, plus any field the form
 * itself could not read. The form names its fields as the body does, so a message lands by its box.
 */
export interface Draft {
  body: Record<string, unknown>;
  errors?: FieldErrors;
  /** The form's own messages are enough: the schema's would only repeat them for half-read input. */
  stop?: boolean;
}

/**
 * The form holds what people type (strings); the hub takes the schema's body. This resolver turns
 * one into the other and lets the same zod schema the hub uses decide, so both sides say the same.
 */
export function bodyResolver<V extends FieldValues>(schema: z.ZodType<unknown, FieldValues>, toBody: (values: V) => Draft): Resolver<V, unknown, unknown> {
  const check = zodResolver(schema);
  return async (values, context, options) => {
    const { body, errors: own = {}, stop } = toBody(values);
    const result = stop ? { values: {}, errors: {} } : await check(body, context, { ...options, names: undefined, fields: {} });
    const errors: FormErrors = { ...result.errors };
    for (const [key, message] of Object.entries(own)) errors[key] = { type: 'manual', message };
    // Keyed by body field, which is the form's field name (see Draft).
    return Object.keys(errors).length ? { values: {}, errors: errors as FormErrors<V> } : { values: result.values, errors: {} };
  };
}

/** One message per field, as the `Field` component shows it (the first of a nested field's, e.g. `storeIds.0`). */
export function flatErrors(errors: FormErrors): FieldErrors {
  const out: FieldErrors = {};
  for (const [key, value] of Object.entries(errors)) {
    const message = firstMessage(value);
    if (message) out[key] = message;
  }
  return out;
}

function firstMessage(value: unknown): string | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const { message } = value as Partial<FieldError>;
  if (typeof message === 'string' && message) return message;
  for (const inner of Object.values(value)) {
    const found = firstMessage(inner);
    if (found) return found;
  }
  return undefined;
}
