import { HybridLogicalClock, compareHlc } from '@bazaar/shared';
import type Database from 'better-sqlite3';
import type { Executor } from '../db/db.types';
import { prepared } from '../db/prepared';

/**
 * The device's HLC. The last issued timestamp is persisted in the same transaction as
 * the movement it stamps, and re-read on each stamp, so neither a restart nor a second
 * process on the same file (CLI beside the counter app) can ever issue a smaller one.
 * Physical time is the local clock corrected by the hub's offset.
 */
export class DeviceClock {
  private last: string | null = null;
  constructor(
    private readonly node: string,
    private offsetMs: number,
  ) {}

  /** Corrected wall time in ms. */
  nowMs(): number {
    return Date.now() + this.offsetMs;
  }

  /** Follow the hub's time from now on (measured by the sync client on each exchange). */
  setOffset(ms: number): void {
    this.offsetMs = ms;
  }

  /** A fresh timestamp, persisted through `db` (call inside the write transaction). */
  async stamp(db: Executor): Promise<string> {
    const clock = await this.load(db);
    const ts = clock.now();
    await this.save(db, ts);
    return ts;
  }

  /** Merge the hub's clock (from a push or pull answer) so later local stamps sort after it. */
  async receive(db: Executor, remote: string): Promise<{ driftExceeded: boolean }> {
    const clock = await this.load(db);
    const r = clock.receive(remote);
    await this.save(db, r.timestamp);
    return { driftExceeded: r.driftExceeded };
  }

  /**
   * `n` fresh, increasing timestamps through a synchronous connection that already holds the
   * write transaction: one read and one write of the persisted clock for a whole cart.
   */
  stampManySync(raw: Database.Database, n: number): string[] {
    const row = prepared(raw, 'SELECT hlc_last FROM settings WHERE id = 1').get() as { hlc_last: string | null } | undefined;
    const clock = this.fromPersisted(row?.hlc_last ?? null);
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push(clock.now());
    const last = out[out.length - 1];
    if (last !== undefined) {
      prepared(raw, 'UPDATE settings SET hlc_last = ? WHERE id = 1').run(last);
      this.last = last;
    }
    return out;
  }

  private async load(db: Executor): Promise<HybridLogicalClock> {
    const row = await db.selectFrom('settings').select('hlc_last').where('id', '=', 1).executeTakeFirst();
    return this.fromPersisted(row?.hlc_last ?? null);
  }

  private fromPersisted(persisted: string | null): HybridLogicalClock {
    let last = this.last;
    if (persisted && (!last || compareHlc(persisted, last) > 0)) last = persisted;
    // A timestamp persisted under another node id (before enrollment) still bounds wall/counter.
    return new HybridLogicalClock({ node: this.node, now: () => this.nowMs(), last: last ? withNode(last, this.node) : undefined });
  }

  private async save(db: Executor, ts: string): Promise<void> {
    this.last = ts;
    await db.updateTable('settings').set({ hlc_last: ts }).where('id', '=', 1).execute();
  }
}

function withNode(ts: string, node: string): string {
  const [wall, counter] = ts.split('-');
  return `${wall}-${counter}-${node}`;
}
