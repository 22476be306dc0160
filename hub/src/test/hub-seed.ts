import { expect } from 'vitest';
import { api } from '../platform/platform.test-kit';

/** The first user of a fresh hub process (the owner, an admin) and their token. */
export async function registerOwner(base: string): Promise<string> {
  const reg = await api(base, 'POST', '/auth/register', undefined, { username: 'owner', name: 'Owner', password: 'a-long-test-password' });
  expect(reg.status).toBe(201);
  return reg.body.token as string;
}

/** Creates a row over HTTP (a store, a product) and answers its id. */
export async function createOver(base: string, token: string, path: string, body: Record<string, unknown>): Promise<string> {
  const made = await api(base, 'POST', path, token, body);
  expect(made.status).toBe(201);
  return made.body.id as string;
}
