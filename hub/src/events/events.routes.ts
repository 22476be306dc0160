import { DomainError } from '@bazaar/shared';
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { resolveToken } from '../auth/auth.middleware';
import { visibleStoreIds, type Principal } from '../auth/principal';
import type { AppDeps, AppEnv } from '../http/app-env';
import type { SseClients } from './sse-clients';
import { compareEventIds, eventIdSchema, type EventBus, type HubEvent } from './event-bus';

const REPLAY_LIMIT = 5_000;
const HEARTBEAT_MS = 15_000;


/**
 * GET /events: server-sent events for live dashboards, filtered to the stores the caller
 * may see. Reconnecting browsers send Last-Event-ID and get what they missed (as far as the
 * stream still keeps it), then the live feed. EventSource cannot send headers, so the token
 * may also come as ?access_token= (the hub never logs query strings).
 */
export function createEventsRoutes(deps: AppDeps, bus: EventBus, clients: SseClients) {
  return new Hono<AppEnv>().get('/events', async (c) => {
    let principal: Principal | null = c.get('principal');
    const queryToken = c.req.query('access_token');
    if (!principal && queryToken) principal = await resolveToken(deps, queryToken);
    if (!principal) throw new DomainError('UNAUTHENTICATED', 'sign in to follow live events');
    const visible = visibleStoreIds(principal);
    const canSee = (e: HubEvent) => visible === null || e.storeId === null || visible.includes(e.storeId);

    const lastRaw = c.req.header('last-event-id') ?? c.req.query('lastEventId');
    const last = lastRaw === undefined ? null : eventIdSchema.safeParse(lastRaw);
    if (last && !last.success) throw new DomainError('VALIDATION_FAILED', 'Last-Event-ID is not an event id', { lastEventId: lastRaw });

    return streamSSE(c, async (stream) => {
      clients.count += 1;
      // Subscribe before replaying so nothing published in between is lost; skip what replay already sent.
      const pending: HubEvent[] = [];
      let live = false;
      let sentUpTo = last?.data ?? '0-0';
      let wake: (() => void) | null = null;
      const unsubscribe = bus.subscribe((e) => {
        if (!canSee(e)) return;
        pending.push(e);
        if (live) wake?.();
      });
      const send = async (e: HubEvent) => {
        if (compareEventIds(e.id, sentUpTo) <= 0) return;
        sentUpTo = e.id;
        await stream.writeSSE({ id: e.id, event: e.type, data: JSON.stringify({ storeId: e.storeId, at: e.at, data: e.data }) });
      };
      const stop = () => {
        live = false;
        wake?.();
      };
      stream.onAbort(stop);
      clients.wakers.add(stop);
      try {
        await stream.writeSSE({ event: 'ready', data: JSON.stringify({ replayFrom: last?.data ?? null }), retry: 3_000 });
        if (last?.data) for (const e of await bus.replay(last.data, REPLAY_LIMIT)) if (canSee(e)) await send(e);
        live = true;
        while (!stream.aborted && !stream.closed && !clients.closing) {
          while (pending.length > 0) await send(pending.shift()!);
          await new Promise<void>((resolve) => {
            wake = resolve;
            const t = setTimeout(resolve, HEARTBEAT_MS);
            t.unref();
          });
          wake = null;
          if (pending.length === 0 && !stream.aborted) await stream.write(': ping\n\n');
        }
      } finally {
        clients.wakers.delete(stop);
        unsubscribe();
        clients.count -= 1;
      }
    });
  });
}
