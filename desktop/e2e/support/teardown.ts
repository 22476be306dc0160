import { afterAll } from 'vitest';

/** What a suite starts and must end: a browser or server (close), a counter or process (stop), a hub database (drop). */
export type Started = { close(): unknown } | { stop(): Promise<void> } | { drop(): Promise<void> } | undefined;

/**
 * After the suite, ends what `started()` lists, one after the other in that order; what never
 * started (undefined, a setup that failed early) is passed over.
 */
export function endAfterAll(started: () => readonly Started[]): void {
  afterAll(async () => {
    for (const s of started()) await end(s);
  });
}

async function end(s: Started): Promise<void> {
  if (!s) return;
  if ('close' in s) await s.close();
  else if ('stop' in s) await s.stop();
  else await s.drop();
}
