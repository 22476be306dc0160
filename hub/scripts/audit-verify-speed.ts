import { HUB_CHAIN, uuidv7 } from '@bazaar/shared';
import pg from 'pg';
import { listChains, verifyChains } from '../src/audit/audit.verify';
import { createDb } from '../src/db/db.factory';
import { migrateToLatest } from '../src/db/migrate';
import { chainAudit, type GenAuditEntry, type GenHead } from '../src/dev/world/audit.build';
import { recreateDatabase, withDatabase } from '../src/dev/world/pg-target';
import { pgConn } from '../src/dev/world/sink';

/*
 * `DATABASE_URL=postgres://… tsx scripts/audit-verify-speed.ts [rows] [stores] [key]`: how fast
 * the audit chains verify (rows/s), on a scratch database `bazaar_audit_speed` (recreated).
 * Writes `rows` format-2 entries shaped like sync.push rows, interleaved over `stores` store
 * chains in time order (as live pushes interleave them in the heap) plus every 50th in the hub
 * chain; with a third argument, HMAC-chained under that key. Then verifies every chain the way
 * GET /logs/verify pages do (200 chains a page), and prints rows/s (wall, and per CPU-second of
 * this process, which a loaded machine distorts less). A measurement, not a test. REUSE=1 verifies the database left by an
 * earlier run without loading it again.
 */
const url = process.env.DATABASE_URL;
if (!url) throw new Error('set DATABASE_URL (postgres://…) of a server this may create a database on');
const rows = Number(process.argv[2] ?? 1_000_000);
const storeCount = Number(process.argv[3] ?? 1_000);
const key = process.argv[4] ? Buffer.from(process.argv[4], 'utf8') : null;
const name = 'bazaar_audit_speed';

const reuse = process.env.REUSE === '1';
if (!reuse) await recreateDatabase(url, name);
const dbUrl = withDatabase(url, name);
const hub = createDb({ databaseUrl: dbUrl, databaseReadUrl: undefined, dbPoolSize: 4, dataDir: '' });
const pool = new pg.Pool({ connectionString: dbUrl, max: 2 });
if (!reuse) await load();

async function load(): Promise<void> {
  await migrateToLatest(hub.db);
  const client = await pool.connect();
  await client.query('SET synchronous_commit = off');
  // Loading only: the search indexes are not what verification reads.
  for (const ix of ['audit_log_search_idx', 'audit_log_action_idx', 'audit_log_entity_idx', 'audit_log_at_idx', 'audit_log_actor_idx', 'audit_log_store_idx']) await client.query(`DROP INDEX IF EXISTS ${ix}`);

  const stores = Array.from({ length: storeCount }, () => uuidv7());
  const devices = stores.map(() => uuidv7());
  const heads = new Map<string, GenHead>();
  const t0 = Date.UTC(2026, 0, 1);
  const loadStart = performance.now();
  const CHUNK = 100_000;
  for (let from = 0; from < rows; from += CHUNK) {
    const n = Math.min(CHUNK, rows - from);
    const entries: GenAuditEntry[] = [];
    const ids: number[] = [];
    for (let i = 0; i < n; i++) {
      const k = from + i;
      ids.push(k + 1);
      const s = k % storeCount;
      const hubRow = k % 50 === 49;
      entries.push({
        at: t0 + k * 1000,
        actorId: hubRow ? null : devices[s]!,
        actorName: hubRow ? 'Head Office' : `device:Counter ${s % 2 ? 2 : 1}`,
        action: hubRow ? 'product.update' : 'sync.push',
        entity: hubRow ? 'product' : 'device',
        entityId: hubRow ? uuidv7() : devices[s]!,
        storeId: hubRow ? null : stores[s]!,
        before: hubRow ? { priceMinor: 1000 + (k % 97), name: 'Sona Masoori rice' } : { ackedSeq: k },
        after: hubRow
          ? { priceMinor: 1100 + (k % 89), name: 'Sona Masoori rice' }
          : { ackedSeq: k + 3, applied: 3, rejected: 0, duplicates: 0, productsCreated: 0, productsMerged: [], conflicts: k % 7 === 0 ? ['NEGATIVE_STOCK'] : [] },
        ip: null,
      });
    }
    await client.query('BEGIN');
    const w = pgConn(client).writer({
      name: 'audit_log',
      columns: [['id', 'bigint'], ['chain', 'text'], ['seq', 'bigint'], ['at', 'timestamptz'], ['actor_id', 'uuid'], ['actor_name', 'text'], ['action', 'text'], ['entity', 'text'], ['entity_id', 'text'], ['store_id', 'uuid'], ['before', 'jsonb'], ['after', 'jsonb'], ['ip', 'text'], ['prev_hash', 'text'], ['hash', 'text'], ['search', 'tsvector']],
    });
    for (const cells of chainAudit(entries, ids, heads, key)) await w.write([...cells.slice(0, 15), '']);
    await w.end();
    await client.query('COMMIT');
    process.stdout.write(`\rloaded ${(from + n).toLocaleString('en-US')} rows`);
  }
  const chains = [...heads.entries()];
  await client.query(
    `INSERT INTO audit_heads (chain, seq, hash) SELECT * FROM unnest($1::text[], $2::bigint[], $3::text[])
     ON CONFLICT (chain) DO UPDATE SET seq = excluded.seq, hash = excluded.hash`,
    [chains.map(([c]) => c), chains.map(([, h]) => h.seq), chains.map(([, h]) => h.hash)],
  );
  if (key) {
    const { hmacMarkerTag } = await import('../src/audit/audit.hash');
    const genesis = '0'.repeat(64);
    await client.query(
      `UPDATE audit_heads h SET hmac_from_seq = 1, hmac_tag = v.tag FROM unnest($1::text[], $2::text[]) AS v(chain, tag) WHERE h.chain = v.chain`,
      [chains.map(([c]) => c), chains.map(([c]) => hmacMarkerTag(key, c, 1, genesis))],
    );
  }
  await client.query(`SELECT setval('audit_log_id_seq', $1)`, [rows]);
  await client.query('VACUUM (ANALYZE) audit_log');
  console.log(`\nloaded ${rows.toLocaleString('en-US')} rows over ${storeCount} store chains + ${HUB_CHAIN} in ${((performance.now() - loadStart) / 1000).toFixed(1)} s`);
  client.release();

}

const started = performance.now();
const cpu0 = process.cpuUsage();
let after: string | null = null;
let checked = 0;
let bad = 0;
for (;;) {
  const page = await listChains(hub.db, after, 200);
  if (page.length === 0) break;
  const reports = await verifyChains(hub.db, page, { key });
  for (const r of reports) {
    checked += r.checked;
    if (!r.ok) bad += 1;
  }
  after = page[page.length - 1]!;
}
const secs = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpu0);
const cpuSecs = (cpu.user + cpu.system) / 1e6;
console.log(
  `verified ${checked.toLocaleString('en-US')} rows in ${secs.toFixed(1)} s: ${Math.round(checked / secs).toLocaleString('en-US')} rows/s wall, ` +
    `${Math.round(checked / cpuSecs).toLocaleString('en-US')} rows per CPU-second of this process (${cpuSecs.toFixed(1)} s CPU), ${bad} bad chains${key ? ' (HMAC)' : ''}`,
);
await pool.end();
await hub.close();
