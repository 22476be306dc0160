import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { RedisConnection } from '../platform/redis/redis.connection';
import { EventIdGenerator, MemoryEventBus, type EventBus, type HubEvent, type NewHubEvent } from './event-bus';

const STREAM = 'events';
/** Roughly how many events the stream keeps for Last-Event-ID replay (XADD MAXLEN ~). */
const KEEP = 50_000;

/**
 * Events through a Redis stream: XADD fans out to every node (each runs one blocking XREAD loop
 * and hands events to its local SSE clients) and the same stream serves Last-Event-ID replay.
 * A stream rather than pub/sub because a node that blinks keeps its place (it resumes XREAD
 * from the last id it saw) and a reconnecting browser can catch up.
 *
 * While Redis is down, events are delivered to this node's subscribers only (degraded).
 */
export class RedisEventBus implements EventBus {
  private readonly local: MemoryEventBus;
  private readonly reader: Redis;
  private readonly fallbackIds = new EventIdGenerator();
  private lastId = '$';
  private running = true;
  private readonly loop: Promise<void>;

  constructor(
    private readonly conn: RedisConnection,
    private readonly logger: Logger,
  ) {
    this.local = new MemoryEventBus(1_000);
    this.reader = conn.duplicate();
    this.loop = this.readLoop();
  }

  mode() {
    return this.conn.up() ? ('redis' as const) : ('memory' as const);
  }

  async publish(event: NewHubEvent): Promise<void> {
    const at = new Date().toISOString();
    const body = JSON.stringify({ type: event.type, storeId: event.storeId, userId: event.userId ?? null, at, data: event.data });
    if (this.conn.up()) {
      try {
        await this.conn.client.xadd(STREAM, 'MAXLEN', '~', String(KEEP), '*', 'e', body);
        return;
      } catch {
        // deliver locally below
      }
    }
    this.local.deliver({ ...event, id: this.fallbackIds.next(), at });
  }

  subscribe(listener: (e: HubEvent) => void): () => void {
    return this.local.subscribe(listener);
  }

  async replay(afterId: string, limit: number): Promise<HubEvent[]> {
    if (!this.conn.up()) return this.local.replay(afterId, limit);
    try {
      const rows = await this.conn.client.xrange(STREAM, `(${afterId}`, '+', 'COUNT', limit);
      return rows.flatMap(([id, fields]) => parseEntry(id, fields));
    } catch {
      return this.local.replay(afterId, limit);
    }
  }

  private async readLoop(): Promise<void> {
    // Fix the starting point now, on the command connection (already connected at start): the
    // reader's own connection is still connecting, and looking it up only when the reader first
    // gets through would skip every event published in between (seconds, if Redis blinks).
    try {
      const newest = await this.conn.client.xrevrange(STREAM, '+', '-', 'COUNT', 1);
      this.lastId = newest[0]?.[0] ?? '0-0';
    } catch {
      // Redis is down at start: the loop below looks it up once the reader gets through.
    }
    while (this.running) {
      try {
        if (this.lastId === '$') {
          // Start from the newest entry that exists now, so a restart does not re-deliver history.
          const newest = await this.reader.xrevrange(STREAM, '+', '-', 'COUNT', 1);
          this.lastId = newest[0]?.[0] ?? '0-0';
        }
        const res = await this.reader.xread('COUNT', 500, 'BLOCK', 2_000, 'STREAMS', STREAM, this.lastId);
        if (!res) continue;
        for (const [, entries] of res) {
          for (const [id, fields] of entries) {
            this.lastId = id;
            for (const e of parseEntry(id, fields)) this.local.deliver(e);
          }
        }
      } catch (err) {
        if (!this.running) return;
        this.logger.debug({ err }, 'events: stream read failed; retrying');
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  }

  async close(): Promise<void> {
    this.running = false;
    this.reader.disconnect();
    await this.loop.catch(() => undefined);
    await this.local.close();
  }
}

function parseEntry(id: string, fields: string[]): HubEvent[] {
  const i = fields.indexOf('e');
  const raw = i >= 0 ? fields[i + 1] : undefined;
  if (!raw) return [];
  try {
    const p = JSON.parse(raw) as { type: string; storeId: string | null; userId?: string | null; at: string; data: unknown };
    return [{ id, type: p.type, storeId: p.storeId, userId: p.userId ?? null, at: p.at, data: p.data }];
  } catch {
    return [];
  }
}
