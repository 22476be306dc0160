import type Database from 'better-sqlite3';
import type { StoreDb } from './db.types';

/**
 * Copies the WAL back into the database file while the counter is idle, so that a sale's
 * COMMIT is not the one that pays for it. SQLite's automatic checkpoint runs inside the
 * commit that crosses wal_autocheckpoint (two fsyncs and a few hundred page writes); it
 * stays as the back-stop for a burst with no idle moment (open-db.ts sets it).
 */
export class IdleCheckpoint {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly db: StoreDb,
    private readonly raw: Database.Database,
    private readonly idleMs: number,
  ) {}

  /** Something was written: checkpoint once nothing else has been for idleMs. */
  touch(): void {
    if (this.timer) {
      this.timer.refresh();
      return;
    }
    this.timer = setTimeout(() => {
      this.timer = null;
      this.running = this.run().finally(() => (this.running = null));
    }, this.idleMs);
    // A CLI run must not stay alive for it: closing the last connection checkpoints anyway.
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  private async run(): Promise<void> {
    try {
      // Through Kysely's hold on the connection: never inside a transaction awaiting on it.
      // PASSIVE never waits for another process's readers or writer; what it cannot copy now
      // waits for the next idle moment.
      await this.db.connection().execute(async () => {
        this.raw.pragma('wal_checkpoint(PASSIVE)');
      });
    } catch {
      // Best effort (another process checkpointing, the file closing): the automatic checkpoint remains.
    }
  }
}
