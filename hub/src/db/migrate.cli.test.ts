import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASE_URL } from '../platform/platform.test-kit';
import { migrations } from './migrations';

const hubDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const tsx = [path.join(hubDir, 'node_modules/.bin/tsx'), path.join(hubDir, '../node_modules/.bin/tsx')].find((p) => existsSync(p)) ?? 'tsx';

/** `pnpm --filter @bazaar/hub migrate` as a process: its output and exit code. */
function migrateCli(env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const p = spawn(tsx, ['src/db/migrate.cli.ts'], { cwd: hubDir, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.stderr.on('data', (d: Buffer) => (out += d.toString()));
    p.on('error', reject);
    p.on('exit', (code) => resolve({ code, out }));
  });
}

const all = Object.keys(migrations);

describe('the migrate CLI', () => {
  it('exits 1 naming the variable when the configuration is invalid', async () => {
    const r = await migrateCli({ DATABASE_URL: 'mysql://nope' });
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/DATABASE_URL: must be a postgres:\/\//);
  }, 60_000);

  it('exits 1 with the reason when the database cannot be reached', async () => {
    const r = await migrateCli({ DATABASE_URL: 'postgres://hub@127.0.0.1:1/none' });
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/hub migrate: .*ECONNREFUSED/);
  }, 60_000);

  describe('on embedded PGlite (DATA_DIR)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hub-migrate-cli-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('applies every migration to a new directory, then reports it up to date', async () => {
      const first = await migrateCli({ DATA_DIR: dir });
      expect(first.code, first.out).toBe(0);
      expect(first.out).toContain(`migrated PGlite in ${dir}: ${all.join(', ')}`);
      const again = await migrateCli({ DATA_DIR: dir });
      expect(again.code, again.out).toBe(0);
      expect(again.out).toContain(`PGlite in ${dir} is up to date`);
    }, 180_000);
  });

  describe.skipIf(!TEST_DATABASE_URL)('on PostgreSQL (needs TEST_DATABASE_URL)', () => {
    const dbName = `hub_migrate_cli_${Date.now().toString(36)}`;
    let url: string;
    const admin = () => new pg.Client({ connectionString: TEST_DATABASE_URL });

    beforeAll(async () => {
      const c = admin();
      await c.connect();
      await c.query(`CREATE DATABASE "${dbName}"`);
      await c.end();
      const u = new URL(TEST_DATABASE_URL!);
      u.pathname = `/${dbName}`;
      url = u.toString();
    });
    afterAll(async () => {
      const c = admin();
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
      await c.end();
    });

    it('applies every migration, then reports it up to date; the schema is there', async () => {
      const first = await migrateCli({ DATABASE_URL: url });
      expect(first.code, first.out).toBe(0);
      expect(first.out).toContain(`migrated PostgreSQL (DATABASE_URL): ${all.join(', ')}`);
      const again = await migrateCli({ DATABASE_URL: url });
      expect(again.code, again.out).toBe(0);
      expect(again.out).toContain('PostgreSQL (DATABASE_URL) is up to date');
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      const { rows } = await c.query<{ name: string }>('SELECT name FROM kysely_migration ORDER BY name');
      await c.end();
      expect(rows.map((r) => r.name)).toEqual([...all].sort());
    }, 120_000);
  });
});
