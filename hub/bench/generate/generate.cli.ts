import { parseArgs } from 'node:util';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from '../../src/db/database.types';
import { migrateToLatest } from '../../src/db/migrate';
import { generateWorld, PRESETS, type WorldOptions } from '../../src/dev/world/generate';
import { pgTarget } from '../../src/dev/world/pg-target';
import { progressBar } from '../../src/dev/world/progress-bar';

/**
 * `pnpm bench:data [--quick] [--stores N] [--products N] [--movements N] [--days N] [--seed N]`
 * Fills the database at BENCH_DATABASE_URL (or DATABASE_URL) with a generated kiryana world.
 */
const HELP = `usage: pnpm bench:data [--quick] [--stores N] [--products N] [--movements N] [--days N] [--seed N]
  Writes a generated kiryana world into the (migrated, preferably empty) database at
  BENCH_DATABASE_URL or DATABASE_URL. Defaults: 1,000 stores x 5,000 products, 10,000,000 movements.
  Sign in afterwards as admin / bazaar-admin-pass (staff and managers: bazaar-staff-pass).`;


export function parseWorldArgs(argv: string[]): WorldOptions & { help: boolean } {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean', default: false },
      stores: { type: 'string' },
      products: { type: 'string' },
      movements: { type: 'string' },
      days: { type: 'string' },
      seed: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    allowPositionals: false,
    strict: false,
  });
  const base = values.quick ? PRESETS.quick : PRESETS.default;
  const num = (v: unknown, d: number) => {
    if (v === undefined) return d;
    const n = Number(String(v).replace(/_/g, ''));
    if (!Number.isInteger(n) || n < 0) throw new Error(`not a whole number: ${String(v)}`);
    return n;
  };
  return {
    help: Boolean(values.help),
    stores: num(values.stores, base.stores),
    products: num(values.products, base.products),
    movements: num(values.movements, base.movements),
    days: num(values.days, base.days),
    seed: num(values.seed, 42),
    admin: { username: 'admin', password: 'bazaar-admin-pass' },
    staffPassword: 'bazaar-staff-pass',
    rebuildIndexes: true,
  };
}

async function main() {
  const opts = parseWorldArgs(process.argv.slice(2).filter((a) => a !== '--'));
  if (opts.help) {
    console.log(HELP);
    return;
  }
  // A CLI entry point: the one place here that reads the environment.
  const url = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!url) {
    console.error('bench:data needs PostgreSQL: set BENCH_DATABASE_URL or DATABASE_URL (e.g. postgres://root@127.0.0.1:5432/bazaar_bench).');
    process.exit(1);
  }
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 2 }) }) });
  await migrateToLatest(db);
  await db.destroy();
  const target = await pgTarget(url);
  const bar = progressBar('world');
  try {
    const s = await generateWorld(target, opts, bar.update);
    bar.stop();
    console.log(
      `generated ${s.stores} stores, ${s.products} products, ${s.movements.toLocaleString('en-IN')} movements, ${s.stockRows.toLocaleString('en-IN')} stock rows, ${s.auditRows} audit rows, ${s.conflicts} conflicts in ${(s.ms / 1000).toFixed(1)} s`,
    );
    console.log('sign in as admin / bazaar-admin-pass');
  } finally {
    bar.stop();
    await target.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((err: unknown) => {
    console.error(`bench:data failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
}
