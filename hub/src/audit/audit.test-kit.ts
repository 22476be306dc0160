import { expect } from 'vitest';
import type { TestApp, TestUser } from '../test/test-db';

/** A store with `updates` renames after its creation: 1 + updates entries in its own chain. */
export async function storeWithEntries(t: TestApp, admin: TestUser, code: string, updates: number): Promise<string> {
  const created = await t.call('POST', '/stores', admin.token, { code, name: code });
  expect(created.status, created.text).toBe(201);
  for (let i = 0; i < updates; i++) expect((await t.call('PATCH', `/stores/${created.body.id}`, admin.token, { name: `${code} ${i}` })).status).toBe(200);
  return created.body.id as string;
}
