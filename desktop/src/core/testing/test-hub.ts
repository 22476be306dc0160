import { afterAll, beforeAll } from 'vitest';
import { freePort } from './free-port';
import { startHub, type HubProcess } from './hub-process';
import { tempStore } from './temp-store';

export interface TestHub {
  /** The hub process (set once beforeAll has run). */
  readonly hub: HubProcess;
  /** The first account's token: it became the admin. */
  readonly admin: string;
  /** A fresh counter store file, removed after the file's tests. */
  counter(): Promise<Awaited<ReturnType<typeof tempStore>>>;
  /** Something else to close or remove after the file's tests (or at `cleanUpNow`). */
  onCleanup(fn: () => Promise<void>): void;
  /** Closes what the tests opened so far (a property run's counters, between runs). */
  cleanUpNow(): Promise<void>;
}

/**
 * A real hub process for a test file (PostgreSQL with TEST_DATABASE_URL, else embedded PGlite),
 * with its owner registered, and the counter stores the tests open, all stopped after the file.
 */
export function useTestHub(): TestHub {
  let hub: HubProcess | undefined;
  let admin = '';
  const cleanups: (() => Promise<void>)[] = [];
  beforeAll(async () => {
    hub = await startHub(await freePort(), process.env.TEST_DATABASE_URL);
    admin = (await hub.api<{ token: string }>('POST', '/auth/register', { username: 'owner', name: 'Shop Owner', password: 'a-long-password-1' })).token;
  }, 300_000);
  const cleanUpNow = async () => {
    for (const c of cleanups.splice(0)) await c();
  };
  afterAll(async () => {
    await cleanUpNow();
    await hub?.stop();
  });
  return {
    get hub() {
      if (!hub) throw new Error('the test hub starts in beforeAll');
      return hub;
    },
    get admin() {
      return admin;
    },
    async counter() {
      const s = await tempStore();
      cleanups.push(s.cleanup);
      return s;
    },
    onCleanup: (fn) => cleanups.push(fn),
    cleanUpNow,
  };
}
