import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startHub, TEST_DATABASE_URL, waitFor, type HubProcess } from '../platform/platform.test-kit';
import { freePort } from '../test/free-port';
import { createTestApp } from '../test/test-db';

const register = { username: 'owner', name: 'Owner', password: 'a-long-test-password' };

describe('first registration', () => {
  it('by default the first account registered becomes admin, the next one staff', async () => {
    const t = await createTestApp();
    try {
      // The web opens Register rather than Sign in while the hub has nobody (issue 16, first run).
      expect((await t.call('GET', '/auth/setup', null)).body).toEqual({ needsFirstUser: true });
      expect((await t.call('POST', '/auth/register', null, register)).body.user.role).toBe('admin');
      expect((await t.call('GET', '/auth/setup', null)).body).toEqual({ needsFirstUser: false });
      expect((await t.call('POST', '/auth/register', null, { ...register, username: 'second' })).body.user.role).toBe('staff');
    } finally {
      await t.close();
    }
  });

  it('with OPEN_FIRST_REGISTRATION=false, nobody can register as the first admin', async () => {
    const t = await createTestApp({ config: { OPEN_FIRST_REGISTRATION: 'false' } });
    try {
      expect((await t.call('GET', '/auth/setup', null)).body).toEqual({ needsFirstUser: false });
      const res = await t.call('POST', '/auth/register', null, register);
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('FORBIDDEN');
      expect(await t.db.db.selectFrom('users').select('id').execute()).toEqual([]);
    } finally {
      await t.close();
    }
  });
});

/**
 * The real hub started with OPEN_FIRST_REGISTRATION=false on an empty database prints a generated
 * admin password once; it signs in; later registrations are staff; a restart prints nothing new.
 * PostgreSQL with TEST_DATABASE_URL, else embedded PGlite in a temp directory.
 */
describe('hub process with OPEN_FIRST_REGISTRATION=false', () => {
  const dbName = `hub_first_start_${Date.now().toString(36)}`;
  let env: Record<string, string>;
  let dataDir: string | null = null;
  let hub: HubProcess | null = null;

  beforeAll(async () => {
    if (TEST_DATABASE_URL) {
      const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await c.connect();
      await c.query(`CREATE DATABASE "${dbName}"`);
      await c.end();
      const u = new URL(TEST_DATABASE_URL);
      u.pathname = `/${dbName}`;
      env = { DATABASE_URL: u.toString() };
    } else {
      dataDir = mkdtempSync(path.join(tmpdir(), 'hub-first-start-'));
      env = { DATA_DIR: dataDir };
    }
    env = { ...env, HUB_MODE: 'test', OPEN_FIRST_REGISTRATION: 'false' };
  });

  afterAll(async () => {
    await hub?.stop();
    if (TEST_DATABASE_URL) {
      const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
      await c.end();
    }
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('creates admin with a password printed once; it signs in; a restart creates and prints nothing', async () => {
    hub = await startHub(await freePort(), env);
    const printed = await waitFor('the generated password', async () => /with this password \(shown once, change it\):\n\s+(\S+)/.exec(hub!.output())?.[1], 60_000);
    const login = await api(hub.url, 'POST', '/auth/login', undefined, { username: 'admin', password: printed });
    expect(login.status).toBe(200);
    expect(login.body.user.role).toBe('admin');
    const later = await api(hub.url, 'POST', '/auth/register', undefined, register);
    expect(later.status).toBe(201);
    expect(later.body.user.role).toBe('staff');

    await hub.stop();
    hub = await startHub(await freePort(), env);
    await new Promise((r) => setTimeout(r, 1_000)); // the first-start check runs right after listening
    expect(hub.output()).not.toMatch(/Created the first admin|first account registered/);
    expect((await api(hub.url, 'POST', '/auth/login', undefined, { username: 'admin', password: printed })).status).toBe(200);
  }, 240_000);
});
