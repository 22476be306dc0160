import type { ErrorEnvelope } from '@bazaar/shared';

/** What each PostgreSQL data exception (SQLSTATE class 22) means to the client who sent the value. */
const MESSAGES: Record<string, string> = {
  '22001': 'a text value is longer than its field allows',
  '22003': 'a number is out of range',
  '22007': 'a date or time is not valid',
  '22008': 'a date or time is out of range',
  '22012': 'a value divides by zero',
  '22021': 'text must not contain NUL or invalid characters',
  '22P02': 'a value is not of the expected type',
  '22P05': 'text must not contain NUL or invalid characters',
};

/**
 * A data exception is the client's value, not the hub's failure: 400 with what was wrong,
 * never a 500. Input validation should catch these first; this is the net under it.
 */
export function pgDataErrorEnvelope(sqlState: unknown): ErrorEnvelope | null {
  if (typeof sqlState !== 'string' || !sqlState.startsWith('22')) return null;
  return { error: { code: 'VALIDATION_FAILED', message: MESSAGES[sqlState] ?? 'a value is out of range or malformed', details: { sqlState } } };
}
