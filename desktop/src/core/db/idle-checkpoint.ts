import type Database from 'better-sqlite3';
import type { StoreDb } from './db.types';

/**
 * Decides when the counter is idle: `arm` is called after every write and restarts the wait;
 * the callback runs once nothing has been written for a while (and resolves when its work is done). The app uses a timer
 * (`idleTimer`); a test passes its own trigger and fires it when it chooses.
 */
export interface IdleTrigger {
  arm(onIdle: () => Promise<void>): void;
  cancel(): void;
}

/** Idle = no write for `ms` milliseconds. */
export function idleTimer(ms: number): IdleTrigger {
  let timer: NodeJS.Timeout | null = null;
  return {
    arm(onIdle) {
      if (timer) {
        timer.refresh();
        return;
      }
      timer = setTimeout(() => {
        timer = null;
        void onIdle();
      }, ms);
      // A CLI run must not stay alive for it: closing the last connection checkpoints anyway.
      timer.unref();
    },
    cancel() {
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}

/**
 * Copies the WAL back into the database file while the counter is idle, so that a sale's
 * COMMIT is not the one that pays for it. SQLite's automatic checkpoint runs inside the
 * commit that crosses wal_autocheckpoint (two fsyncs and a few hundred page writes); it
 * stays as the back-stop for a burst with no idle moment (open-db.ts sets it).
 */
export class IdleCheckpoint {
  private running: Promise<void> | null = null;

  constructor(
    private readonly db: StoreDb,
    private readonly raw: Database.Database,
    private readonly idle: IdleTrigger,
  ) {}

  /** Something was written: checkpoint once nothing else has been for a while. */
  touch(): void {
    this.idle.arm(() => {
      const running = this.run().finally(() => (this.running = null));
      this.running = running;
      return running;
    });
  }

  async stop(): Promise<void> {
    this.idle.cancel();
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
