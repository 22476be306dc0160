import { createHash } from 'node:crypto';
import { DomainError } from '@bazaar/shared';
import type { Context } from 'hono';
import { sql, type Transaction } from 'kysely';
import type { Database } from '../db/database.types';
import type { AppEnv } from '../http/app-env';

/**
 * `Idempotency-Key` on a write: the first answer to a key is stored in the write's own
 * transaction, so a retry after a lost answer gets that answer back and records nothing new.
 *
 * - Scoped to the principal: two users may use the same key independently.
 * - Same key, different request (body or route) → 422, nothing recorded.
 * - Concurrent requests with one key: the second waits on the first's row lock and, once the
 *   first commits, replays its answer; if the first fails, nothing was stored and the second runs.
 * - Only successful answers are stored (a failed request rolls its key back with everything else).
 * - Kept for a day: older keys of the same principal are pruned when it claims a new one.
 */
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
export const REPLAYED_HEADER = 'Idempotent-Replayed';
const KEEP_HOURS = 24;
const keyPattern = /^[\x21-\x7e]{1,255}$/;

/** The header as the OpenAPI document describes it (POST /stock-movements). */
export const idempotencyKeyHeaderDoc = {
  name: IDEMPOTENCY_HEADER,
  in: 'header',
  required: false,
  description: 'A retry with the same key and body answers the first answer (header Idempotent-Replayed: true) and records nothing new; the same key with another body is a 422. Per principal, kept a day.',
  schema: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[\\x21-\\x7e]+$' },
};

/** The request's key, or null when it sent none; a malformed key is a 400. */
export function idempotencyKeyOf(c: Context<AppEnv>): string | null {
  const key = c.req.header(IDEMPOTENCY_HEADER);
  if (key === undefined) return null;
  if (!keyPattern.test(key)) {
    throw new DomainError('VALIDATION_FAILED', `${IDEMPOTENCY_HEADER}: must be 1-255 visible ASCII characters (a UUID is a good key)`);
  }
  return key;
}

export function requestHash(route: string, input: unknown): string {
  return createHash('sha256').update(route).update('\n').update(JSON.stringify(input)).digest('hex');
}

export interface StoredAnswer {
  status: number;
  body: unknown;
}

/**
 * Claim the key inside the write transaction. Returns the stored answer when the key was used
 * before for the same request (replay it), null when this request is the first (go on, then
 * call rememberAnswer in the same transaction).
 */
export async function claimIdempotencyKey(trx: Transaction<Database>, principalId: string, key: string, hash: string): Promise<StoredAnswer | null> {
  // A placeholder row holds the key (and its lock) until this transaction commits the real answer.
  const claimed = await trx
    .insertInto('idempotency_keys')
    .values({ principal_id: principalId, key, request_hash: hash, status: 0, response: 'null' })
    .onConflict((oc) => oc.columns(['principal_id', 'key']).doNothing())
    .returning('key')
    .executeTakeFirst();
  if (claimed) {
    await trx
      .deleteFrom('idempotency_keys')
      .where('principal_id', '=', principalId)
      .where('created_at', '<', sql<Date>`now() - make_interval(hours => ${KEEP_HOURS})`)
      .execute();
    return null;
  }
  const row = await trx
    .selectFrom('idempotency_keys')
    .select(['request_hash', 'status', 'response'])
    .where('principal_id', '=', principalId)
    .where('key', '=', key)
    .executeTakeFirstOrThrow();
  if (row.request_hash !== hash) {
    throw new DomainError('UNPROCESSABLE', `${IDEMPOTENCY_HEADER}: this key was already used for a different request; use a new key for a new request`);
  }
  return { status: row.status, body: row.response };
}

export async function rememberAnswer(trx: Transaction<Database>, principalId: string, key: string, answer: StoredAnswer): Promise<void> {
  await trx
    .updateTable('idempotency_keys')
    .set({ status: answer.status, response: JSON.stringify(answer.body) })
    .where('principal_id', '=', principalId)
    .where('key', '=', key)
    .execute();
}
