import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { StoreCore } from '../store-core';
import type { ClockSource } from '../clock/device-clock';

/** Issue 13 item 8: wrong PINs back a user off, and closing the app does not reset it. */
describe('counter PIN sign-in back-off', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  async function open(path: string, clock: { now: number }) {
    const source: ClockSource = { raw: () => clock.now, mono: () => clock.now };
    return StoreCore.open(path, { clock: source });
  }

  const code = (p: Promise<unknown>) => p.then(() => 'ok', (e: { code?: string }) => e.code ?? 'error');

  it('after three wrong PINs even the right one waits, across a restart; clock tricks do not help', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bazaar-pin-'));
    dirs.push(dir);
    const path = join(dir, 'store.db');
    const clock = { now: Date.UTC(2026, 10, 1, 10) };
    let core = await open(path, clock);
    await core.initStore({ code: 'S1', name: 'Sharma Kirana' });
    await core.createUser({ username: 'meena', name: 'Meena', role: 'manager', pin: '4321' });
    await core.signIn({ username: 'meena', pin: '4321' });
    await core.createUser({ username: 'ravi', name: 'Ravi', role: 'staff', pin: '1234' });
    await core.signOut();

    for (const pin of ['0000', '1111', '2222']) expect(await code(core.signIn({ username: 'meena', pin }))).toBe('UNAUTHENTICATED');
    expect(await code(core.signIn({ username: 'meena', pin: '4321' }))).toBe('RATE_LIMITED');
    // Another user is not affected.
    expect(await code(core.signIn({ username: 'ravi', pin: '1234' }))).toBe('ok');

    await core.close();
    core = await open(path, clock);
    expect(await code(core.signIn({ username: 'meena', pin: '4321' }))).toBe('RATE_LIMITED');

    clock.now -= 3_600_000; // the PC's clock set back an hour
    expect(await code(core.signIn({ username: 'meena', pin: '4321' }))).toBe('RATE_LIMITED');
    clock.now += 3_600_000 + 31_000;
    expect(await code(core.signIn({ username: 'meena', pin: '9999' }))).toBe('UNAUTHENTICATED');
    // The fourth wrong PIN doubles the wait: 30 s is no longer enough.
    clock.now += 31_000;
    expect(await code(core.signIn({ username: 'meena', pin: '4321' }))).toBe('RATE_LIMITED');
    clock.now += 31_000;
    expect(await code(core.signIn({ username: 'meena', pin: '4321' }))).toBe('ok');
    // A right PIN clears the count.
    expect(await code(core.signIn({ username: 'meena', pin: '0000' }))).toBe('UNAUTHENTICATED');
    expect(await code(core.signIn({ username: 'meena', pin: '4321' }))).toBe('ok');
    await core.close();
  });
});
