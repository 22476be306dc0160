import { randomBytes, createHash } from 'node:crypto';
import { hashSecret } from '../../auth/password';
import { auditKey, hmacMarkerTag } from '../../audit/audit.hash';
import { chainOf } from '../../audit/audit.writer';
import { AUDIT_STAGE_COLUMNS, chainAudit, inChainOrder, type GenAuditEntry, type GenHead } from './audit.build';
import { buildProducts, buildStores, buildSuppliers, type GenProduct, type GenStore } from './catalog.build';
import { Rng, uuidv7At, Zipf } from './random';
import { DAY_MS, IST_OFFSET_MS, MOVEMENT_COLUMNS, simulateStore, STOCK_COLUMNS, type StoreSimResult } from './simulate';
import type { Cell, Conn, RowWriter, TableSpec } from './sink';

export interface WorldOptions {
  stores: number;
  products: number;
  /** Total movements, the opening count of every (store, product) included. */
  movements: number;
  /** Days of trading history before today. */
  days: number;
  seed: number;
  /** Admin account to create if no user of that name exists (the bench and the demo sign in with it). */
  admin?: { username: string; password: string; name?: string };
  /** Password of the generated managers and staff. */
  staffPassword?: string;
  /** Drop secondary indexes during the load and rebuild them after (only when the tables start empty). */
  rebuildIndexes?: boolean;
  now?: number;
}

export interface WorldSummary {
  stores: number;
  products: number;
  suppliers: number;
  users: number;
  movements: number;
  stockRows: number;
  auditRows: number;
  conflicts: number;
  codePrefix: string;
  storeIds: string[];
  ms: number;
}

export type Progress = (phase: string, done: number, total: number) => void;

/** How the generator reaches the database: a connection for each bulk stream, and one-off transactions. */
export interface GenTarget {
  /** Main connection: catalog, audit (in a transaction), index rebuild. */
  main: Conn;
  /** A second connection for stock rows, so Postgres loads movements and stock on two cores; may be main. */
  second: Conn;
  /** Run fn in a transaction on a connection (the audit chain needs its lock and a temp table on one session). */
  transaction<T>(fn: (conn: Conn) => Promise<T>): Promise<T>;
}

export const PRESETS = {
  quick: { stores: 40, products: 2_000, movements: 300_000, days: 30 },
  default: { stores: 1_000, products: 5_000, movements: 10_000_000, days: 30 },
  demo: { stores: 6, products: 400, movements: 20_000, days: 14 },
} as const;


const STORE_SPEC: TableSpec = { name: 'stores', columns: [['id', 'uuid'], ['code', 'text'], ['name', 'text'], ['region', 'text'], ['location', 'text'], ['variance_threshold', 'integer'], ['version', 'bigint'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz']] };
const SUPPLIER_SPEC: TableSpec = { name: 'suppliers', columns: [['id', 'uuid'], ['name', 'text'], ['phone', 'text'], ['version', 'bigint'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz']] };
const PRODUCT_SPEC: TableSpec = { name: 'products', columns: [['id', 'uuid'], ['sku', 'text'], ['barcode', 'text'], ['name', 'text'], ['unit', 'text'], ['category', 'text'], ['supplier_id', 'uuid'], ['price_minor', 'bigint'], ['cost_minor', 'bigint'], ['reorder_level', 'bigint'], ['version', 'bigint'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz']] };
const USER_SPEC: TableSpec = { name: 'users', columns: [['id', 'uuid'], ['username', 'text'], ['name', 'text'], ['role', 'text'], ['password_hash', 'text'], ['version', 'bigint'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz']] };
const USER_STORE_SPEC: TableSpec = { name: 'user_stores', columns: [['store_id', 'uuid'], ['user_id', 'uuid']] };
const DEVICE_SPEC: TableSpec = { name: 'devices', columns: [['store_id', 'uuid'], ['id', 'uuid'], ['name', 'text'], ['node', 'text'], ['token_hash', 'text'], ['last_seq', 'bigint'], ['last_hlc', 'text'], ['last_push_at', 'timestamptz'], ['last_pull_at', 'timestamptz'], ['created_at', 'timestamptz']] };
const COUNTER_SPEC: TableSpec = { name: 'change_counters', columns: [['scope', 'text'], ['version', 'bigint']] };
const CONFLICT_SPEC: TableSpec = { name: 'conflicts', columns: [['store_id', 'uuid'], ['id', 'uuid'], ['kind', 'text'], ['product_id', 'uuid'], ['movement_id', 'uuid'], ['device_id', 'uuid'], ['details', 'jsonb'], ['created_at', 'timestamptz']] };

async function writeAll(w: RowWriter, rows: Iterable<readonly Cell[]>): Promise<void> {
  for (const r of rows) await w.write(r);
  await w.end();
}

function check(opts: WorldOptions): void {
  const bad: string[] = [];
  if (!Number.isInteger(opts.stores) || opts.stores < 1 || opts.stores > 100_000) bad.push('stores must be 1..100000');
  if (!Number.isInteger(opts.products) || opts.products < 1 || opts.products > 200_000) bad.push('products must be 1..200000');
  if (!Number.isInteger(opts.days) || opts.days < 1 || opts.days > 3650) bad.push('days must be 1..3650');
  if (opts.movements < opts.stores * opts.products) {
    bad.push(`movements (${opts.movements}) must be at least stores × products (${opts.stores * opts.products}): every stock row starts with an opening count`);
  }
  if (bad.length) throw new Error(`generator: ${bad.join('; ')}`);
}

/** Codes and barcodes that do not collide with what the database already holds (the dev endpoint adds to a live hub). */
async function chooseTags(conn: Conn): Promise<{ codePrefix: string; barcodeTag: string; fresh: boolean }> {
  const [counts] = await conn.query<{ stores: number; products: number; movements: number }>(
    `SELECT (SELECT count(*) FROM stores)::int AS stores, (SELECT count(*) FROM products)::int AS products,
            (SELECT count(*) FROM (SELECT 1 FROM movements LIMIT 1) m)::int AS movements`,
  );
  if (counts && counts.stores === 0 && counts.products === 0 && counts.movements === 0) return { codePrefix: '', barcodeTag: '00', fresh: true };
  const used = new Set(
    (await conn.query<{ tag: string }>(`SELECT DISTINCT substr(barcode, 4, 2) AS tag FROM products WHERE barcode ~ '^890[0-9]{10}$'`)).map((r) => r.tag),
  );
  let n = 1;
  while (used.has(String(n).padStart(2, '0')) && n < 99) n++;
  return { codePrefix: `G${randomBytes(2).toString('hex').toUpperCase()}-`, barcodeTag: String(n).padStart(2, '0'), fresh: false };
}

/** Secondary indexes of a table (not the primary key): captured so they can be dropped for a bulk load and rebuilt. */
async function secondaryIndexes(conn: Conn, table: string): Promise<{ name: string; def: string }[]> {
  return conn.query<{ name: string; def: string }>(
    `SELECT i.indexname AS name, i.indexdef AS def FROM pg_indexes i
     WHERE i.schemaname = current_schema() AND i.tablename = $1
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
    [table],
  );
}

/**
 * Build a kiryana world into a migrated hub database: suppliers, a catalog of staples, stores
 * in regions with a counter device and staff each, every store's movement history and the
 * stock it implies, conflicts the hub would have flagged, and a hash-chained audit trail.
 */
export async function generateWorld(target: GenTarget, opts: WorldOptions, progress: Progress = () => undefined): Promise<WorldSummary> {
  check(opts);
  const started = performance.now();
  const now = opts.now ?? Date.now();
  const rng = new Rng(opts.seed);
  const { main } = target;
  const tags = await chooseTags(main);

  // The last simulated day is yesterday (IST): history never reaches into the future.
  const todayLocal = Math.floor((now + IST_OFFSET_MS) / DAY_MS) * DAY_MS;
  const firstDayLocal = todayLocal - opts.days * DAY_MS;
  const createdMs = firstDayLocal - 3 * DAY_MS - IST_OFFSET_MS + 11 * 3600_000;

  progress('catalog', 0, 1);
  const suppliers = buildSuppliers(rng, createdMs);
  const products = buildProducts(rng, opts.products, suppliers, { skuPrefix: tags.codePrefix, barcodeTag: tags.barcodeTag, createdMs });
  const stores = buildStores(rng, opts.stores, { codePrefix: tags.codePrefix, createdMs });
  const passwordHash = await hashSecret(opts.staffPassword ?? 'bazaar-staff-pass');
  const createdIso = new Date(createdMs).toISOString();

  const regions = [...new Set(stores.map((s) => s.region))];
  const managers = regions.map((region) => ({
    id: uuidv7At(createdMs),
    username: `manager.${region.toLowerCase()}${tags.codePrefix ? `.${tags.codePrefix.slice(0, -1).toLowerCase()}` : ''}`,
    name: `${region} Region Manager`,
    region,
  }));
  let admin: { id: string; username: string; name: string; hash: string } | null = null;
  if (opts.admin) {
    const existing = await main.query(`SELECT id FROM users WHERE username = $1`, [opts.admin.username]);
    if (existing.length === 0) admin = { id: uuidv7At(createdMs), username: opts.admin.username, name: opts.admin.name ?? 'Head Office Admin', hash: await hashSecret(opts.admin.password) };
  }

  const userCount = stores.length + managers.length + (admin ? 1 : 0);
  const catalogRows = suppliers.length + products.length + stores.length + userCount;
  const [counter] = await main.query<{ version: number }>(
    `INSERT INTO change_counters (scope, version) VALUES ('catalog', $1) ON CONFLICT (scope) DO UPDATE SET version = change_counters.version + $1 RETURNING version::int AS version`,
    [catalogRows],
  );
  let version = Number(counter!.version) - catalogRows;

  await target.transaction(async (conn) => {
    await writeAll(conn.writer(SUPPLIER_SPEC), suppliers.map((s) => [s.id, s.name, s.phone, ++version, createdIso, createdIso]));
    await writeAll(conn.writer(STORE_SPEC), stores.map((s) => [s.id, s.code, s.name, s.region, s.location, s.varianceThreshold, ++version, createdIso, createdIso]));
    await writeAll(
      conn.writer(PRODUCT_SPEC),
      products.map((p) => [p.id, p.sku, p.barcode, p.name, p.unit, p.category, p.supplierId, p.priceMinor, p.costMinor, p.reorderLevel, ++version, createdIso, createdIso]),
    );
    const users: Cell[][] = [];
    if (admin) users.push([admin.id, admin.username, admin.name, 'admin', admin.hash, ++version, createdIso, createdIso]);
    for (const m of managers) users.push([m.id, m.username, m.name, 'manager', passwordHash, ++version, createdIso, createdIso]);
    for (const s of stores) users.push([s.staffUserId, s.staffUsername, s.staffName, 'staff', passwordHash, ++version, createdIso, createdIso]);
    await writeAll(conn.writer(USER_SPEC), users);
    const links: Cell[][] = stores.map((s) => [s.id, s.staffUserId]);
    for (const m of managers) for (const s of stores) if (s.region === m.region) links.push([s.id, m.id]);
    await writeAll(conn.writer(USER_STORE_SPEC), links);
  });
  progress('catalog', 1, 1);

  // Bulk load of the history: movements on one connection, stock on the other.
  const rebuild = Boolean(opts.rebuildIndexes && tags.fresh);
  const dropped: { name: string; def: string }[] = [];
  if (rebuild) {
    for (const table of ['movements', 'stock']) {
      for (const ix of await secondaryIndexes(main, table)) {
        dropped.push(ix);
        await main.query(`DROP INDEX "${ix.name}"`);
      }
    }
  }

  const zipf = new Zipf(products.length, 1.05);
  const perStore = opts.movements - stores.length * products.length;
  const movementWriter = main.writer({ name: 'movements', columns: MOVEMENT_COLUMNS });
  const stockWriter = target.second.writer({ name: 'stock', columns: STOCK_COLUMNS });
  const sims: StoreSimResult[] = [];
  let done = 0;
  progress('movements', 0, opts.movements);
  for (const [si, store] of stores.entries()) {
    const activity = Math.floor(perStore / stores.length) + (si < perStore % stores.length ? 1 : 0);
    const sim = await simulateStore({
      store,
      products,
      zipf,
      activity,
      days: opts.days,
      firstDayMs: firstDayLocal,
      nowMs: now,
      rng: new Rng(opts.seed * 7919 + si),
      emitMovement: (row) => movementWriter.write(row),
      emitStock: (row) => stockWriter.write(row),
      stockVersionBase: 0,
    });
    sims.push(sim);
    done += sim.movements;
    progress('movements', done, opts.movements);
  }
  await Promise.all([movementWriter.end(), stockWriter.end()]);

  const lastPush = (s: StoreSimResult) => s.days.at(-1)?.pushedAt ?? now;
  await writeAll(
    main.writer(COUNTER_SPEC),
    stores.map((s) => [s.id, products.length]),
  );
  await writeAll(
    main.writer(DEVICE_SPEC),
    stores.map((s, i) => {
      const sim = sims[i]!;
      const pushed = new Date(Math.min(lastPush(sim), now)).toISOString();
      // The generated devices' tokens are thrown away: enroll a new device to push from a real counter.
      const tokenHash = createHash('sha256').update(randomBytes(32)).digest('hex');
      return [s.id, s.deviceId, 'Counter 1', s.deviceNode, tokenHash, sim.lastSeq, sim.lastHlc, pushed, pushed, createdIso];
    }),
  );
  const conflictRows: Cell[][] = [];
  for (const [i, s] of stores.entries()) {
    const sim = sims[i]!;
    for (const n of sim.negative) conflictRows.push([s.id, uuidv7At(n.at), 'NEGATIVE_STOCK', n.productId, n.movementId, s.deviceId, JSON.stringify({ qty: n.qty, previousQty: n.previousQty }), new Date(Math.min(n.at + 60_000, now)).toISOString()]);
    for (const v of sim.bigVariances) conflictRows.push([s.id, uuidv7At(v.at), 'COUNT_VARIANCE', v.productId, v.movementId, s.deviceId, JSON.stringify({ counted: v.counted, variance: v.variance, threshold: v.threshold }), new Date(Math.min(v.at + 60_000, now)).toISOString()]);
  }
  await writeAll(main.writer(CONFLICT_SPEC), conflictRows);

  // The daily sales rollup (a background job on the hub) for the generated days, as the job computes it.
  const [rollup] = await main.query<{ t: string | null; perStore: string | null }>(`SELECT to_regclass('sales_daily')::text AS t, to_regclass('sales_daily_stores')::text AS "perStore"`);
  if (rollup?.t) {
    progress('rollup', 0, 1);
    const line = (of: 'price' | 'cost') =>
      `sum(((-m.qty) * coalesce(m.unit_${of}_minor, p.${of}_minor) + (CASE WHEN p.unit = 'pc' THEN 0 ELSE 500 END)) / (CASE WHEN p.unit = 'pc' THEN 1 ELSE 1000 END))::bigint`;
    // Since migration 0016 the rollup carries cost too, and a per-store-day table (the generated world has no bills, so no returns).
    const withCost = rollup.perStore !== null;
    await main.query(
      `INSERT INTO sales_daily (store_id, day, product_id, qty_sold, revenue_minor, ${withCost ? 'cost_minor, ' : ''}sales, updated_at)
       SELECT m.store_id, (m.occurred_at AT TIME ZONE s.time_zone)::date, m.product_id, sum(-m.qty), ${line('price')}, ${withCost ? `${line('cost')}, ` : ''}count(*), now()
       FROM movements m JOIN stores s ON s.id = m.store_id JOIN products p ON p.id = m.product_id
       WHERE m.kind = 'SALE' AND m.status = 'applied' AND m.store_id = ANY($1::uuid[])
       GROUP BY 1, 2, 3
       ON CONFLICT DO NOTHING`,
      [stores.map((s) => s.id)],
    );
    if (withCost) {
      await main.query(
        `INSERT INTO sales_daily_stores (store_id, day, qty_sold, revenue_minor, cost_minor, returned_qty, returns_minor, sales, updated_at)
         SELECT store_id, day, sum(qty_sold), sum(revenue_minor), sum(cost_minor), 0, 0, sum(sales), now()
         FROM sales_daily WHERE store_id = ANY($1::uuid[]) GROUP BY 1, 2
         ON CONFLICT DO NOTHING`,
        [stores.map((s) => s.id)],
      );
    }
    progress('rollup', 1, 1);
  }

  if (rebuild) {
    await main.query(`SET maintenance_work_mem = '256MB'`);
    for (const [i, ix] of dropped.entries()) {
      progress('indexes', i, dropped.length);
      await main.query(ix.def);
    }
    progress('indexes', dropped.length, dropped.length);
  }

  const entries = buildAuditEntries({ stores, products, managers, admin, suppliers: suppliers.length, sims, createdMs, now });
  progress('audit', 0, entries.length);
  await target.transaction(async (conn) => {
    // As the hub's writer does: lock (or create) every head this writes, in its one order
    // (store chains by id, hub last), then draw the ids chain by chain.
    const ordered = inChainOrder(entries);
    const chains = [...new Set(ordered.map(chainOf))];
    const locked = await conn.query<{ chain: string; seq: string | number; hash: string; hmac_from_seq: string | number | null }>(
      `INSERT INTO audit_heads AS h (chain, seq, hash)
       SELECT u.chain, 0, repeat('0', 64) FROM unnest($1::text[]) WITH ORDINALITY AS u(chain, o) ORDER BY u.o
       ON CONFLICT (chain) DO UPDATE SET seq = h.seq
       RETURNING h.chain, h.seq, h.hash, h.hmac_from_seq`,
      [chains],
    );
    const heads = new Map<string, GenHead>(locked.map((h) => [h.chain, { seq: Number(h.seq), hash: h.hash }]));
    // With the hub's key, a chain's first keyed rows record where its keyed part starts.
    const key = auditKey();
    const marks = key ? locked.filter((h) => h.hmac_from_seq === null).map((h) => ({ chain: h.chain, from: Number(h.seq) + 1, tag: hmacMarkerTag(key, h.chain, Number(h.seq) + 1, h.hash) })) : [];
    const ids = (await conn.query<{ id: number }>(`SELECT nextval('audit_log_id_seq')::int8 AS id FROM generate_series(1, $1::int)`, [ordered.length])).map((r) => Number(r.id));
    await conn.query(`CREATE TEMP TABLE audit_stage (${AUDIT_STAGE_COLUMNS.map(([c, t]) => `"${c}" ${t}`).join(', ')}) ON COMMIT DROP`);
    await writeAll(conn.writer({ name: 'audit_stage', columns: AUDIT_STAGE_COLUMNS }), chainAudit(ordered, ids, heads, key));
    await conn.query(
      `INSERT INTO audit_log (id, chain, seq, at, actor_id, actor_name, action, entity, entity_id, store_id, before, after, ip, prev_hash, hash, search)
       SELECT id, chain, seq, at, actor_id, actor_name, action, entity, entity_id, store_id, before, after, ip, prev_hash, hash, to_tsvector('simple', search_text)
       FROM audit_stage ORDER BY id`,
    );
    const moved = [...heads.entries()];
    await conn.query(
      `UPDATE audit_heads h SET seq = v.seq, hash = v.hash
       FROM unnest($1::text[], $2::bigint[], $3::text[]) AS v(chain, seq, hash) WHERE h.chain = v.chain`,
      [moved.map(([c]) => c), moved.map(([, h]) => h.seq), moved.map(([, h]) => h.hash)],
    );
    if (marks.length) {
      await conn.query(
        `UPDATE audit_heads h SET hmac_from_seq = v.from_seq, hmac_tag = v.tag
         FROM unnest($1::text[], $2::bigint[], $3::text[]) AS v(chain, from_seq, tag) WHERE h.chain = v.chain`,
        [marks.map((m) => m.chain), marks.map((m) => m.from), marks.map((m) => m.tag)],
      );
    }
  });
  progress('audit', entries.length, entries.length);

  progress('analyze', 0, 1);
  // VACUUM sets the visibility map, so the stock summary is an index-only scan from the first
  // request (autovacuum would get there later); the rest only needs statistics.
  await main.query('VACUUM (ANALYZE) stock');
  await main.query('ANALYZE');
  progress('analyze', 1, 1);

  return {
    stores: stores.length,
    products: products.length,
    suppliers: suppliers.length,
    users: userCount,
    movements: done,
    stockRows: stores.length * products.length,
    auditRows: entries.length,
    conflicts: conflictRows.length,
    codePrefix: tags.codePrefix,
    storeIds: stores.map((s) => s.id),
    ms: Math.round(performance.now() - started),
  };
}

interface AuditInput {
  stores: GenStore[];
  products: GenProduct[];
  managers: { id: string; username: string; name: string; region: string }[];
  admin: { id: string; username: string } | null;
  suppliers: number;
  sims: StoreSimResult[];
  createdMs: number;
  now: number;
}

/** What the hub's audit trail would hold for this history: setup by the admin, daily sign-ins, every sync push, conflicts reviewed. */
function buildAuditEntries(a: AuditInput): GenAuditEntry[] {
  const actor = a.admin ?? { id: null, username: 'system' };
  const out: GenAuditEntry[] = [];
  const setup = (action: string, entity: string, entityId: string, storeId: string | null, after: unknown, k: number) =>
    out.push({ at: a.createdMs + k * 50, actorId: actor.id, actorName: actor.username, action, entity, entityId, storeId, before: null, after, ip: '10.0.0.5' });
  let k = 0;
  for (const s of a.stores) setup('store.create', 'store', s.id, s.id, { code: s.code, name: s.name, region: s.region, location: s.location }, k++);
  for (const p of a.products) setup('product.create', 'product', p.id, null, { sku: p.sku, name: p.name, barcode: p.barcode, unit: p.unit, category: p.category, priceMinor: p.priceMinor }, k++);
  for (const s of a.stores) {
    setup('user.create', 'user', s.staffUserId, s.id, { username: s.staffUsername, name: s.staffName, role: 'staff' }, k++);
    setup('device.enroll', 'device', s.deviceId, s.id, { name: 'Counter 1', node: s.deviceNode }, k++);
  }
  for (const [i, s] of a.stores.entries()) {
    const sim = a.sims[i]!;
    let prevSeq = a.products.length;
    for (const d of sim.days) {
      out.push({
        at: Math.min(d.pushedAt, a.now),
        actorId: s.deviceId,
        actorName: 'device:Counter 1',
        action: 'sync.push',
        entity: 'device',
        entityId: s.deviceId,
        storeId: s.id,
        before: { ackedSeq: prevSeq },
        after: { ackedSeq: d.ackedSeq, applied: d.movements, rejected: 0, duplicates: 0, sales: d.sales, salesMinor: d.salesMinor, day: d.date, offline: d.offline },
        ip: `49.36.${i % 250}.${(i * 7) % 250}`,
      });
      prevSeq = d.ackedSeq;
    }
    for (const v of sim.bigVariances.slice(0, 20)) {
      out.push({ at: Math.min(v.at + 60_000, a.now), actorId: null, actorName: `${s.code} Counter 1`, action: 'conflict.open', entity: 'conflict', entityId: v.movementId, storeId: s.id, before: null, after: { kind: 'COUNT_VARIANCE', sku: v.sku, counted: v.counted, variance: v.variance }, ip: null });
    }
  }
  const days = a.sims[0]?.days ?? [];
  for (const m of a.managers) {
    for (const d of days) {
      out.push({ at: Math.min(d.pushedAt - 12 * 3600_000, a.now), actorId: m.id, actorName: m.username, action: 'auth.login', entity: 'user', entityId: m.id, storeId: null, before: null, after: { region: m.region }, ip: '103.21.58.12' });
    }
  }
  return out.sort((x, y) => x.at - y.at);
}
