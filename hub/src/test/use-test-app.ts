import { afterAll, beforeAll } from 'vitest';
import { createTestApp, type TestApp, type TestAppOptions, type TestUser } from './test-db';

export interface TestAppContext {
  t: TestApp;
  admin: TestUser;
}

/**
 * The setup most hub test files share: a fresh app on a freshly migrated database and an admin,
 * made before the file's tests and closed after them. `ready` hands both to the file's own lets
 * (and may go on to seed, async).
 */
export function useTestApp(ready: (ctx: TestAppContext) => unknown, opts: TestAppOptions = {}): void {
  let t: TestApp | undefined;
  beforeAll(async () => {
    t = await createTestApp(opts);
    await ready({ t, admin: await t.makeUser('admin') });
  });
  afterAll(async () => {
    await t?.close();
  });
}
