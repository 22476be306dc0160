import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compareHlc, formatHlc, parseHlc } from '@bazaar/shared';
import { afterEach, describe, expect, it } from 'vitest';
import type { CoreContext } from '../core.context';
import { openStoreDb } from '../db/open-db';
import { writeTx } from '../db/write-tx';
import { requireSettings } from '../settings/settings.repository';
import { StoreCore } from '../store-core';
import { adoptHubTime } from './clock.adopt';
import { DeviceClock, type ClockSource } from './device-clock';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 11, 1, 9);

/** A PC clock the test moves: `advance` is time passing, `set` is someone changing the wall clock. */
function pcClock(skewMs: number) {
  let wall = T0 + skewMs;
  let mono = 0;
  const source: ClockSource = { raw: () => wall, mono: () => mono };
  return {
    source,
    advance(ms: number) {
      wall += ms;
      mono += ms;
    },
    set(byMs: number) {
      wall += byMs;
    },
  };
}

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function store(pc: ReturnType<typeof pcClock>) {
  const dir = mkdtempSync(join(tmpdir(), 'bazaar-clock-'));
  dirs.push(dir);
  const path = join(dir, 'store.db');
  const core = await StoreCore.open(path, { clock: pc.source });
  await core.initStore({ code: 'S1', name: 'Sharma Kirana' });
  await core.addProduct({ sku: 'ATTA', name: 'Atta', unit: 'pc', priceMinor: 100 });
  return { core, path };
}

describe('the device clock after it learns hub time', () => {
  it('re-derives stamps made 3 days fast, keeps their order and first stamps, files them in hub time and stops resuming days ahead', async () => {
    const pc = pcClock(3 * DAY);
    const { core, path } = await store(pc);
    await core.stockIn({ product: 'ATTA', qty: 10 });
    pc.advance(60_000);
    await core.sell({ lines: [{ product: 'ATTA', qty: 2 }] });
    pc.advance(60_000);
    await core.count({ lines: [{ product: 'ATTA', counted: 5 }] });
    await core.close();

    const { db, raw } = await openStoreDb(path);
    try {
      const settings = await requireSettings(db);
      const ctx: CoreContext = { db, raw, clock: new DeviceClock(settings.hlc_node, 0, pc.source), settings, session: null };
      const before = raw.prepare('SELECT seq, hlc, device_time, clock_final FROM movements ORDER BY seq').all() as { seq: number; hlc: string; device_time: number; clock_final: number }[];
      expect(before.map((m) => m.clock_final)).toEqual([0, 0, 0]);
      const hubNow = T0 + 120_000;
      const changed = await writeTx(db, (trx) => adoptHubTime(ctx, trx, -3 * DAY, formatHlc({ wall: hubNow, counter: 0, node: 'hub' })));
      expect(changed).toBe(3);

      const after = raw.prepare('SELECT seq, hlc, stamped_hlc, occurred_at, clock_final FROM movements ORDER BY seq').all() as { seq: number; hlc: string; stamped_hlc: string; occurred_at: string; clock_final: number }[];
      expect(after.map((m) => m.clock_final)).toEqual([1, 1, 1]);
      expect(after.map((m) => m.stamped_hlc)).toEqual(before.map((m) => m.hlc));
      expect(after.map((m) => parseHlc(m.hlc).wall)).toEqual([T0, T0 + 60_000, T0 + 120_000]);
      expect(after.map((m) => m.occurred_at)).toEqual([T0, T0 + 60_000, T0 + 120_000].map((t) => new Date(t).toISOString()));
      for (let i = 1; i < after.length; i++) expect(compareHlc(after[i]!.hlc, after[i - 1]!.hlc)).toBe(1);
      const last = (raw.prepare('SELECT hlc_last FROM settings').get() as { hlc_last: string }).hlc_last;
      expect(parseHlc(last).wall).toBeLessThan(hubNow + 1000);
      // The next stamp follows hub time and orders after everything stamped and seen.
      const next = await writeTx(db, (trx) => ctx.clock.stamp(trx));
      expect(compareHlc(next, after[2]!.hlc)).toBe(1);
      expect(parseHlc(next).wall).toBeLessThan(hubNow + 1000);
    } finally {
      await db.destroy();
    }
  });

  it('a stamp is final at once only while the offset is measured and the wall clock keeps pace with the monotonic one', () => {
    const pc = pcClock(0);
    const clock = new DeviceClock('node1', 0, pc.source);
    expect(clock.stampFacts().final).toBe(false); // never measured in this process
    clock.setOffset(250);
    pc.advance(5_000);
    expect(clock.stampFacts()).toEqual({ deviceTime: T0 + 5_000, offsetMs: 250, final: true, jumpMs: 0 });
    pc.set(3_600_000); // someone sets the PC clock an hour ahead
    pc.advance(1_000);
    expect(clock.stampFacts()).toMatchObject({ final: false, jumpMs: 3_600_000 });
    expect(clock.stampFacts().final).toBe(false); // until the next exchange measures it again
    clock.setOffset(-3_600_000 + 250);
    expect(clock.stampFacts().final).toBe(true);
  });

  it('a clock set while stamps wait moves them with it, so the next exchange corrects them all to real time', async () => {
    const pc = pcClock(-2 * DAY);
    const { core, path } = await store(pc);
    await core.stockIn({ product: 'ATTA', qty: 10 });
    pc.advance(60_000);
    pc.set(2 * DAY - 30 * 60_000); // someone sets the clock, to half an hour slow
    pc.advance(60_000);
    await core.stockIn({ product: 'ATTA', qty: 5 });
    await core.close();
    const { db, raw } = await openStoreDb(path);
    try {
      const settings = await requireSettings(db);
      const ctx: CoreContext = { db, raw, clock: new DeviceClock(settings.hlc_node, 0, pc.source), settings, session: null };
      // Measured after the change: the clock is half an hour slow.
      await writeTx(db, (trx) => adoptHubTime(ctx, trx, 30 * 60_000, formatHlc({ wall: T0 + 120_000, counter: 0, node: 'hub' })));
      const walls = (raw.prepare('SELECT hlc FROM movements ORDER BY seq').all() as { hlc: string }[]).map((m) => parseHlc(m.hlc).wall);
      expect(walls).toEqual([T0, T0 + 120_000]);
    } finally {
      await db.destroy();
    }
  });

  it('a clock a day slow, fixed by someone before the next exchange: its earlier stamps are still corrected', async () => {
    const pc = pcClock(-DAY);
    const { core, path } = await store(pc);
    await core.stockIn({ product: 'ATTA', qty: 10 });
    pc.advance(60_000);
    pc.set(DAY); // the clock is right from here on
    pc.advance(60_000);
    await core.stockIn({ product: 'ATTA', qty: 5 });
    await core.close();
    const { db, raw } = await openStoreDb(path);
    try {
      const settings = await requireSettings(db);
      const ctx: CoreContext = { db, raw, clock: new DeviceClock(settings.hlc_node, 0, pc.source), settings, session: null };
      // The exchange measures no offset at all: only the jump seen between the stamps says the first one was a day off.
      await writeTx(db, (trx) => adoptHubTime(ctx, trx, 0, formatHlc({ wall: T0 + 120_000, counter: 0, node: 'hub' })));
      const walls = (raw.prepare('SELECT hlc FROM movements ORDER BY seq').all() as { hlc: string }[]).map((m) => parseHlc(m.hlc).wall);
      expect(walls).toEqual([T0, T0 + 120_000]);
    } finally {
      await db.destroy();
    }
  });
});
