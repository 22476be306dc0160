import { parseHlc } from '@bazaar/shared';
import pg from 'pg';
import { generateToken, hashToken } from '../src/auth/tokens';
import { encodePullCursor, PULL_DONE } from '../src/sync/sync.cursor';
import type { CounterState, FleetProduct } from './fleet.counter';

export interface FleetWorld {
  counters: CounterState[];
  products: FleetProduct[];
  storeIds: string[];
}

/**
 * Two counters per store, each with a fresh device token. The generator gives every store
 * Counter 1 (with its history); Counter 2 is added here once (a reused world keeps it and its
 * acknowledged seq). Tokens are written the way the hub stores them (sha256 of the token in
 * devices.token_hash), 20,000 at a time in one statement instead of 20,000 enrollments over HTTP.
 */
export async function enrollFleet(url: string): Promise<FleetWorld> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`
      INSERT INTO devices (store_id, id, name, node, token_hash, last_seq, created_at)
      SELECT s.id, gen_random_uuid(), 'Counter 2', 'f' || lpad(to_hex(row_number() OVER (ORDER BY s.code)::int), 10, '0'),
             encode(sha256(gen_random_uuid()::text::bytea), 'hex'), 0, now()
      FROM stores s
      WHERE NOT EXISTS (SELECT 1 FROM devices d WHERE d.store_id = s.id AND d.name = 'Counter 2')`);
    const devices = await client.query<{ id: string; store_id: string; node: string; last_seq: string; last_hlc: string | null }>(
      `SELECT d.id, d.store_id, d.node, d.last_seq::text, d.last_hlc FROM devices d
       WHERE d.revoked_at IS NULL AND d.name IN ('Counter 1', 'Counter 2') ORDER BY d.store_id, d.name`,
    );
    const tokens = devices.rows.map(() => generateToken('device'));
    await client.query(`UPDATE devices d SET token_hash = t.hash FROM unnest($1::uuid[], $2::text[]) AS t(id, hash) WHERE d.id = t.id`, [
      devices.rows.map((d) => d.id),
      tokens.map(hashToken),
    ]);
    const versions = new Map(
      (await client.query<{ scope: string; version: string }>(`SELECT scope, version::text FROM change_counters`)).rows.map((r) => [r.scope, Number(r.version)]),
    );
    const catalog = versions.get('catalog') ?? 0;
    const counters: CounterState[] = devices.rows.map((d, i) => {
      const store = versions.get(d.store_id) ?? 0;
      const lastSeq = Number(d.last_seq);
      return {
        deviceId: d.id,
        storeId: d.store_id,
        node: d.node,
        token: tokens[i]!,
        startSeq: lastSeq,
        lastWall: d.last_hlc ? parseHlc(d.last_hlc).wall : 0,
        cursor: encodePullCursor({ catalogFrom: catalog, catalogTo: catalog, storeFrom: store, storeTo: store, includesSeq: lastSeq, phase: PULL_DONE, lastVersion: 0, lastId: '' }),
      };
    });
    const products = (
      await client.query<{ id: string; price_minor: string; cost_minor: string; supplier_id: string | null }>(
        `SELECT id, price_minor::text, cost_minor::text, supplier_id FROM products WHERE NOT archived ORDER BY sku`,
      )
    ).rows.map((p) => ({ id: p.id, priceMinor: Number(p.price_minor), costMinor: Number(p.cost_minor), supplierId: p.supplier_id }));
    const storeIds = (await client.query<{ id: string }>(`SELECT id FROM stores ORDER BY code`)).rows.map((r) => r.id);
    return { counters, products, storeIds };
  } finally {
    await client.end();
  }
}
