import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { startHub, TEST_DATABASE_URL, type HubProcess } from '../platform/platform.test-kit';
import { freePort } from '../test/free-port';

/**
 * TRUST_PROXY on the real hub process (the client address comes from @hono/node-server's socket,
 * which only a real server has). Off (the default), X-Forwarded-For is ignored: every request
 * from this test shares 127.0.0.1 for per-IP limits and audit rows, whatever header it sends
 * (a client cannot dodge a limit by inventing one). On, the header's first hop is the client.
 * PostgreSQL with TEST_DATABASE_URL, else embedded PGlite in a temp directory.
 */
describe('TRUST_PROXY on a real hub process', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c();
  }, 60_000);

  async function hubWith(trustProxy: 'true' | 'false'): Promise<HubProcess> {
    let storage: Record<string, string>;
    if (TEST_DATABASE_URL) {
      const name = `hub_trust_proxy_${trustProxy}_${Date.now().toString(36)}`;
      const admin = async (text: string) => {
        const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
        await c.connect();
        await c.query(text);
        await c.end();
      };
      await admin(`CREATE DATABASE "${name}"`);
      cleanups.push(() => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
      const u = new URL(TEST_DATABASE_URL);
      u.pathname = `/${name}`;
      storage = { DATABASE_URL: u.toString() };
    } else {
      const dir = mkdtempSync(path.join(tmpdir(), 'hub-trust-proxy-'));
      cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
      storage = { DATA_DIR: dir };
    }
    const hub = await startHub(await freePort(), { ...storage, HUB_MODE: 'test', TRUST_PROXY: trustProxy, RATE_LIMIT_ANON_PER_MINUTE: '3' });
    cleanups.push(() => hub.stop());
    return hub;
  }

  const get = (hub: HubProcess, forwardedFor: string) =>
    fetch(`${hub.url}/api/v1/openapi.json`, { headers: { 'X-Forwarded-For': forwardedFor } }).then(async (r) => {
      await r.arrayBuffer();
      return r.status;
    });
  /** Registers (the first user is admin) from a forwarded address; answers the audit row's ip. */
  async function registeredIp(hub: HubProcess, forwardedFor: string): Promise<string | null> {
    const reg = await fetch(`${hub.url}/api/v1/auth/register`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': forwardedFor },
      body: JSON.stringify({ username: 'owner', name: 'Owner', password: 'a-long-test-password' }),
    });
    expect(reg.status).toBe(201);
    const { token } = (await reg.json()) as { token: string };
    const logs = await fetch(`${hub.url}/api/v1/logs?action=auth.register`, { headers: { Authorization: `Bearer ${token}` } });
    expect(logs.status).toBe(200);
    const body = (await logs.json()) as { items: { action: string; ip: string | null }[] };
    return body.items.find((i) => i.action === 'auth.register')?.ip ?? null;
  }

  it('off: X-Forwarded-For is ignored for per-IP limits and audit rows', async () => {
    const hub = await hubWith('false');
    expect(await registeredIp(hub, '203.0.113.7, 10.0.0.1')).toMatch(/^(::ffff:)?127\.0\.0\.1$/);
    // The registration was the first of 3 anonymous requests a minute from 127.0.0.1; new headers do not help.
    const statuses = [];
    for (const ip of ['198.51.100.1', '198.51.100.2', '198.51.100.3']) statuses.push(await get(hub, ip));
    expect(statuses).toEqual([200, 200, 429]);
  }, 120_000);

  it('on: the first hop of X-Forwarded-For is the client, each address with its own limit', async () => {
    const hub = await hubWith('true');
    const distinct = [];
    for (const ip of ['198.51.100.1', '198.51.100.2', '198.51.100.3', '198.51.100.4']) distinct.push(await get(hub, ip));
    expect(distinct).toEqual([200, 200, 200, 200]);
    const same = [];
    for (let i = 0; i < 4; i++) same.push(await get(hub, '198.51.100.9, 10.0.0.1'));
    expect(same).toEqual([200, 200, 200, 429]);
    expect(await registeredIp(hub, '203.0.113.7, 10.0.0.1')).toBe('203.0.113.7');
  }, 120_000);
});
