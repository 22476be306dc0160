import { describe, expect, it } from 'vitest';
import type { TestApp, TestUser } from '../test/test-db';
import { useTestApp } from '../test/use-test-app';

let t: TestApp;
let admin: TestUser;
useTestApp((ctx) => ({ t, admin } = ctx));

describe('store search (the store picker)', () => {
  it('matches name, code, city or region, says how many match, and stays in scope', async () => {
    const made = [];
    for (const [code, name, location, region] of [
      ['SS-1', 'Anarkali Mart', 'Lahore', 'Punjab North'],
      ['SS-2', 'Liberty Kirana', 'Lahore', 'Punjab North'],
      ['SS-3', 'Saddar Store', 'Karachi', 'Sindh'],
    ] as const) {
      const res = await t.call('POST', '/stores', admin.token, { code, name, location, region });
      expect(res.status).toBe(201);
      made.push(res.body);
    }
    const codes = async (q: string, token = admin.token) => {
      const res = await t.call('GET', `/stores?q=${encodeURIComponent(q)}&limit=1`, token);
      return { total: res.body.total as number, first: res.body.items.map((s: { code: string }) => s.code) as string[] };
    };
    expect(await codes('lahore')).toEqual({ total: 2, first: ['SS-1'] });
    expect((await codes('sindh')).total).toBe(1);
    expect((await codes('ss-')).total).toBe(3);
    const manager = await t.makeUser('manager', [made[2].id]);
    expect(await codes('lahore', manager.token)).toEqual({ total: 0, first: [] });
  });
});
