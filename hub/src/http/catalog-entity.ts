import { DomainError } from '@bazaar/shared';
import type { Context } from 'hono';
import type { Transaction } from 'kysely';
import { writeAudit } from '../audit/audit.writer';
import type { UserPrincipal } from '../auth/principal';
import { nextVersion } from '../db/change-version';
import type { Database } from '../db/database.types';
import type { AppDeps, AppEnv } from './app-env';
import { actorOf } from './route-helpers';

/** A hub-wide catalog entity (product, supplier): one row of its table, as its routes read, archive and delete it. */
export interface CatalogEntity<Row, View> {
  table: 'products' | 'suppliers';
  entity: 'product' | 'supplier';
  notFound: string;
  view: (row: Row) => View;
  /** Whether anything refers to it; deleting it then archives it, so the history keeps its meaning. */
  inUse: (trx: Transaction<Database>, id: string) => Promise<boolean>;
}

/** `GET /:id`: the row as the API shows it, or 404. */
export async function readOne<Row, View>(db: AppDeps['db'], e: CatalogEntity<Row, View>, id: string): Promise<View> {
  const row = await db.selectFrom(e.table).selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new DomainError('NOT_FOUND', e.notFound);
  return e.view(row as Row);
}

/**
 * `DELETE /:id` by `me` (the handler checks the role first): the row is deleted, or archived when
 * it is in use (the archived view comes back; null when it was deleted), audited either way.
 */
export function deleteOrArchive<Row, View>(c: Context<AppEnv>, deps: AppDeps, me: UserPrincipal, e: CatalogEntity<Row, View>, id: string): Promise<View | null> {
  return deps.db.transaction().execute(async (trx) => {
    const version = await nextVersion(trx);
    const before = await trx.selectFrom(e.table).selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!before) throw new DomainError('NOT_FOUND', e.notFound);
    const audit = { ...actorOf(c, deps, me), entity: e.entity, entityId: id, storeId: null, before: e.view(before as Row) };
    if (await e.inUse(trx, id)) {
      const after = await trx.updateTable(e.table).set({ archived: true, version, updated_at: new Date(deps.clock.now()) }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
      await writeAudit(trx, { ...audit, action: `${e.entity}.archive`, after: e.view(after as Row) });
      return e.view(after as Row);
    }
    await trx.deleteFrom(e.table).where('id', '=', id).execute();
    await writeAudit(trx, { ...audit, action: `${e.entity}.delete` });
    return null;
  });
}
