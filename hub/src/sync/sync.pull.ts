import { DomainError, type PullResponse, type StaffMember } from '@bazaar/shared';
import { sql, type Transaction } from 'kysely';
import type { DevicePrincipal } from '../auth/principal';
import { CATALOG_SCOPE } from '../db/change-version';
import type { Database, StoreRow } from '../db/database.types';
import type { AppDeps } from '../http/app-env';
import { toProduct } from '../products/products.routes';
import { toStockRow } from '../stock/stock.mappers';
import { toStore } from '../stores/stores.routes';
import { toSupplier } from '../suppliers/suppliers.routes';
import { PULL_DONE, PULL_KINDS, encodePullCursor, type PullCursor, type PullKind } from './sync.cursor';
import { lazyCommit, quickPull } from './sync.pull-quick';
import { readHubLocale } from '../settings/hub-settings.repository';

type Page = Pick<PullResponse, 'products' | 'suppliers' | 'staff' | 'stock' | 'remaps'>;

/** Rows of one kind with version in (from, to] after the key, in (version, id) order. */
async function fetchKind(trx: Transaction<Database>, kind: PullKind, storeId: string, c: PullCursor, after: [number, string] | null, take: number) {
  const [from, to] = kind === 'stock' ? [c.storeFrom, c.storeTo] : [c.catalogFrom, c.catalogTo];
  const key = after ?? [from, ''];
  // Rows of one version share it (one transaction), so the key is (version, id) and ids compare as text.
  const window = (v: string, id: string) =>
    sql<boolean>`${sql.ref(v)} > ${from} AND ${sql.ref(v)} <= ${to} AND (${sql.ref(v)}, ${sql.ref(id)}::text) > (${key[0]}::bigint, ${key[1]}::text)`;
  switch (kind) {
    case 'suppliers': {
      const rows = await trx.selectFrom('suppliers').selectAll().where(window('version', 'id')).orderBy('version').orderBy(sql`id::text`).limit(take).execute();
      return rows.map((r) => ({ key: [Number(r.version), r.id] as [number, string], put: (p: Page) => p.suppliers.push(toSupplier(r)) }));
    }
    case 'products': {
      const rows = await trx.selectFrom('products').selectAll().where(window('version', 'id')).orderBy('version').orderBy(sql`id::text`).limit(take).execute();
      return rows.map((r) => ({ key: [Number(r.version), r.id] as [number, string], put: (p: Page) => p.products.push(toProduct(r)) }));
    }
    case 'remaps': {
      const rows = await trx
        .selectFrom('product_remaps')
        .selectAll()
        .where(window('version', 'from_product_id'))
        .orderBy('version')
        .orderBy(sql`from_product_id::text`)
        .limit(take)
        .execute();
      return rows.map((r) => ({
        key: [Number(r.version), r.from_product_id] as [number, string],
        put: (p: Page) => p.remaps.push({ fromProductId: r.from_product_id, toProductId: r.to_product_id, sku: r.sku }),
      }));
    }
    case 'staff': {
      // PIN hashes for offline sign-in; never password hashes.
      const rows = await trx
        .selectFrom('users as u')
        .innerJoin('user_stores as us', 'us.user_id', 'u.id')
        .select(['u.id', 'u.username', 'u.name', 'u.role', 'u.pin_hash', 'u.active', 'u.version'])
        .where('us.store_id', '=', storeId)
        .where(window('u.version', 'u.id'))
        .orderBy('u.version')
        .orderBy(sql`u.id::text`)
        .limit(take)
        .execute();
      return rows.map((r) => {
        const member: StaffMember = { id: r.id, username: r.username, name: r.name, role: r.role, pinHash: r.pin_hash, active: r.active };
        return { key: [Number(r.version), r.id] as [number, string], put: (p: Page) => p.staff.push(member) };
      });
    }
    case 'stock': {
      const rows = await trx
        .selectFrom('stock')
        .selectAll()
        .where('store_id', '=', storeId)
        .where(window('version', 'product_id'))
        .orderBy('version')
        .orderBy(sql`product_id::text`)
        .limit(take)
        .execute();
      return rows.map((r) => ({ key: [Number(r.version), r.product_id] as [number, string], put: (p: Page) => p.stock.push(toStockRow(r)) }));
    }
  }
}

/**
 * One page of a pull, read in one REPEATABLE READ snapshot. Change versions are taken under
 * the scope's counter lock by every writer (db/change-version.ts), so a version the snapshot
 * sees as reached has every row at or below it committed: a late-committing transaction
 * always gets a higher version and lands in a later round, never behind the cursor.
 */
export async function pullPage(
  deps: Pick<AppDeps, 'db' | 'clock' | 'hlc'>,
  device: DevicePrincipal,
  previous: PullCursor | undefined,
  limit: number,
): Promise<PullResponse> {
  // The pull after a push (a finished round, no catalog change): one statement (sync.pull-quick.ts).
  const quick = previous ? await quickPull(deps.db, device, previous, limit, new Date(deps.clock.now())) : null;
  if (quick) return { ...quick, serverTime: deps.clock.now(), hubHlc: deps.hlc.now() };

  const page = await deps.db
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute(async (trx) => {
      // The device, its store and both change versions in the snapshot's first statement.
      const row = await trx
        .selectFrom('devices as d')
        .select(['d.last_seq', 'd.revoked_at'])
        .select([
          sql<unknown>`(SELECT row_to_json(s) FROM stores s WHERE s.id = d.store_id)`.as('store'),
          sql<string | null>`(SELECT c.version FROM change_counters c WHERE c.scope = ${CATALOG_SCOPE}::text)`.as('catalog_now'),
          sql<string | null>`(SELECT c.version FROM change_counters c WHERE c.scope = ${device.storeId}::text)`.as('store_now'),
        ])
        .where('d.store_id', '=', device.storeId)
        .where('d.id', '=', device.id)
        .executeTakeFirst();
      if (!row || row.revoked_at !== null) throw new DomainError('UNAUTHENTICATED', 'invalid or revoked device token');
      const storeJson = row.store as (Omit<StoreRow, 'created_at' | 'updated_at'> & { created_at: string; updated_at: string }) | null;
      if (!storeJson) throw new DomainError('NOT_FOUND', 'store not found');
      const storeRow: StoreRow = { ...storeJson, created_at: new Date(storeJson.created_at), updated_at: new Date(storeJson.updated_at) };

      const catalogNow = Number(row.catalog_now ?? 0);
      const storeNow = Number(row.store_now ?? 0);
      // A cursor beyond the hub's versions was issued before the hub was restored from an older
      // backup: rows at the versions in between would be skipped, so the device gets a full round.
      if (previous && (previous.catalogTo > catalogNow || previous.storeTo > storeNow)) previous = undefined;
      let cursor: PullCursor;
      if (!previous || previous.phase === PULL_DONE) {
        // A new round: everything changed since the last complete round, up to this snapshot. The
        // first round starts below 0 so it also takes rows written without a change version (seeds: 0).
        cursor = {
          catalogFrom: previous?.catalogTo ?? -1,
          catalogTo: catalogNow,
          storeFrom: previous?.storeTo ?? -1,
          storeTo: storeNow,
          includesSeq: Number(row.last_seq),
          phase: 0,
          lastVersion: 0,
          lastId: '',
        };
      } else {
        cursor = previous;
      }

      const out: Page = { products: [], suppliers: [], staff: [], stock: [], remaps: [] };
      let remaining = limit;
      let next: PullCursor = { ...cursor, phase: PULL_DONE, lastVersion: 0, lastId: '' };
      for (let phase = cursor.phase; phase < PULL_DONE; phase++) {
        if (remaining === 0) {
          next = { ...cursor, phase, lastVersion: 0, lastId: '' };
          break;
        }
        const kind = PULL_KINDS[phase]!;
        // An empty window (from = to) has no rows: no query.
        if (kind === 'stock' ? cursor.storeFrom === cursor.storeTo : cursor.catalogFrom === cursor.catalogTo) continue;
        const after: [number, string] | null = phase === cursor.phase && cursor.lastId !== '' ? [cursor.lastVersion, cursor.lastId] : null;
        const rows = await fetchKind(trx, kind, device.storeId, cursor, after, remaining + 1);
        const taken = rows.slice(0, remaining);
        for (const r of taken) r.put(out);
        remaining -= taken.length;
        if (rows.length > taken.length) {
          const last = taken[taken.length - 1]!;
          next = { ...cursor, phase, lastVersion: last.key[0], lastId: last.key[1] };
          break;
        }
      }
      // A finished round says "more" when writes landed after it began (versions read in this
      // snapshot): hasMore=false means up to date as of this snapshot.
      const hasMore = next.phase !== PULL_DONE || catalogNow > cursor.catalogTo || storeNow > cursor.storeTo;
      const { currency, defaultLocale } = await readHubLocale(trx);
      return { ...out, store: toStore(storeRow), hub: { currency, defaultLocale }, includesSeq: cursor.includesSeq, ackedSeq: Number(row.last_seq), cursor: encodePullCursor(next), hasMore };
    });

  // A push of this device holds its row lock while it waits for the store's version lock;
  // a pull must never queue behind it, so the bookkeeping is skipped when the row is busy.
  await sql`
    WITH cfg AS MATERIALIZED (${lazyCommit})
    UPDATE devices SET last_pull_at = ${new Date(deps.clock.now())} FROM cfg
    WHERE cfg.v IS NOT NULL AND id IN (SELECT id FROM devices WHERE store_id = ${device.storeId} AND id = ${device.id} FOR UPDATE SKIP LOCKED)`.execute(
    deps.db,
  );
  return { ...page, serverTime: deps.clock.now(), hubHlc: deps.hlc.now() };
}
