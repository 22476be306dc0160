import { DomainError } from '@bazaar/shared';
import type { AppDeps } from '../http/app-env';
import type { DevicePrincipal } from '../auth/principal';
import { hashToken, tokenKind } from '../auth/tokens';

/**
 * A counter whose store was archived (archiving revoked it) may still hand in what it queued:
 * the push stores every movement as rejected and raises a conflict for head office. Only a
 * push, only for an archived store; every other revoked token stays a 401.
 */
export async function retiredDevice(deps: Pick<AppDeps, 'db'>, token: string | null): Promise<DevicePrincipal> {
  if (token === null || tokenKind(token) !== 'device') throw new DomainError('UNAUTHENTICATED', 'invalid or revoked device token');
  const row = await deps.db
    .selectFrom('devices as d')
    .innerJoin('stores as s', 's.id', 'd.store_id')
    .select(['d.id', 'd.store_id', 'd.node'])
    .where('d.token_hash', '=', hashToken(token))
    .where('d.revoked_at', 'is not', null)
    .where('s.archived', '=', true)
    .executeTakeFirst();
  if (!row) throw new DomainError('UNAUTHENTICATED', 'invalid or revoked device token');
  return { kind: 'device', id: row.id, storeId: row.store_id, node: row.node };
}
