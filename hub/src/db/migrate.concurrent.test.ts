import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { api, startHub, TEST_DATABASE_URL, waitFor, type HubProcess } from '../platform/platform.test-kit';
import { freePort } from '../test/free-port';
import { createDb } from './db.factory';
import { migrateToLatest } from './migrate';
import { migrations } from './migrations';

/**
 * Several hub nodes starting together on one empty database all run the migrations at the same
 * moment. None may fail (a failed node exits at start), and each migration must run exactly once.
 */
describe.skipIf(!TEST_DATABASE_URL)('concurrent migration of one empty database (needs TEST_DATABASE_URL)', () => {
  const created: string[] = [];
  const admin = async <R extends pg.QueryResultRow>(text: string) => {
    const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await c.connect();
    try {
      return (await c.query<R>(text)).rows;
    } finally {
      await c.end();
    }
  };
  const emptyDatabase = async (what: string) => {
    const name = `hub_migrate_race_${what}_${Date.now().toString(36)}`;
    await admin(`CREATE DATABASE "${name}"`);
    created.push(name);
    const u = new URL(TEST_DATABASE_URL!);
    u.pathname = `/${name}`;
    return u.toString();
  };
  const applied = async (url: string) => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      return (await c.query<{ name: string }>('SELECT name FROM kysely_migration ORDER BY name')).rows.map((r) => r.name);
    } finally {
      await c.end();
    }
  };

  afterAll(async () => {
    for (const name of created) await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }, 60_000);

  it('three pools migrating at once, five rounds: all succeed, each migration applied once', async () => {
    for (let round = 0; round < 5; round++) {
      const url = await emptyDatabase(`r${round}`);
      const nodes = [0, 1, 2].map(() => createDb({ databaseUrl: url, databaseReadUrl: undefined, dbPoolSize: 2, dataDir: '' }));
      try {
        const results = await Promise.allSettled(nodes.map((n) => migrateToLatest(n.db)));
        expect(results.map((r) => (r.status === 'rejected' ? String(r.reason) : 'ok'))).toEqual(['ok', 'ok', 'ok']);
        // Exactly one node applied each migration; the others found it done.
        const ran = results.flatMap((r) => (r.status === 'fulfilled' ? (r.value.results ?? []).filter((m) => m.status === 'Success').map((m) => m.migrationName) : []));
        expect(ran.sort()).toEqual(Object.keys(migrations).sort());
        expect(await applied(url)).toEqual(Object.keys(migrations).sort());
      } finally {
        await Promise.all(nodes.map((n) => n.close()));
      }
    }
  }, 120_000);

  it('two real hub processes started at the same moment on an empty database both come up', async () => {
    const url = await emptyDatabase('proc');
    const [p1, p2] = [await freePort(), await freePort()];
    const env = (node: string) => ({ DATABASE_URL: url, HUB_MODE: 'test', HUB_NODE_ID: node, OPEN_FIRST_REGISTRATION: 'false' });
    const started = await Promise.allSettled([startHub(p1, env('n1')), startHub(p2, env('n2'))]);
    const hubs = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    try {
      expect(started.map((s) => (s.status === 'rejected' ? String(s.reason) : 'ok'))).toEqual(['ok', 'ok']);
      for (const h of hubs) expect((await api(h.url, 'GET', '/health')).status).toBe(200);
      expect(await applied(url)).toEqual(Object.keys(migrations).sort());
      // Both nodes tried to create the first admin (OPEN_FIRST_REGISTRATION=false): one did, neither died.
      // It happens right after listening, so it may still be running when both answer /health.
      const admins = async () => {
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        try {
          return (await c.query<{ username: string }>("SELECT username FROM users WHERE role = 'admin'")).rows.map((r) => r.username);
        } finally {
          await c.end();
        }
      };
      await waitFor('the first admin', async () => (await admins()).length > 0).catch(() => {
        throw new Error(`no admin created:\n${hubs.map((h) => h.output()).join('\n---\n')}`);
      });
      // The other node either found the admin or lost the race on its username (logged, not fatal).
      await new Promise((r) => setTimeout(r, 1_000));
      expect(await admins()).toEqual(['admin']);
      for (const h of hubs as HubProcess[]) expect(h.proc.exitCode).toBeNull();
    } finally {
      await Promise.all(hubs.map((h) => h.stop()));
    }
  }, 180_000);
});
