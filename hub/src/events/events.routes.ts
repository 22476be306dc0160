import { DomainError } from '@bazaar/shared';
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { z } from 'zod';
import { bearerToken, resolveToken } from '../auth/auth.middleware';
import { visibleStoreIds, type UserPrincipal } from '../auth/principal';
import type { AppDeps, AppEnv } from '../http/app-env';
import { route } from '../openapi/openapi.route';
import type { SseClients } from './sse-clients';
import { compareEventIds, eventIdSchema, type EventBus, type HubEvent } from './event-bus';

const REPLAY_LIMIT = 5_000;
const HEARTBEAT_MS = 15_000;
/** How often an open stream re-checks its token: a logout, deactivation or role change ends or narrows it within this. */
export const EVENTS_RECHECK_MS = 2_000;

/** Who may see an event: its user only when it names one; else its store's people; hub-wide events are for admins. */
export function eventVisibleTo(p: UserPrincipal, e: HubEvent): boolean {
  if (e.userId) return p.id === e.userId;
  if (e.storeId === null) return p.role === 'admin';
  const visible = visibleStoreIds(p);
  return visible === null || visible.includes(e.storeId);
}

/**
 * GET /events: server-sent events for live dashboards, filtered to the stores the caller
 * may see. Reconnecting browsers send Last-Event-ID and get what they missed (as far as the
 * stream still keeps it), then the live feed. EventSource cannot send headers, so the token
 * may also come as ?access_token= (the hub never logs query strings).
 *
 * For people only: a counter has no dashboard, and a device token must not follow a store's
 * live feed (403). The stream re-resolves its token every EVENTS_RECHECK_MS and ends when the
 * token no longer resolves (logout, expiry, deactivation, password change).
 */
const events = route({
  summary: 'Live events of the visible stores (server-sent events; token in Authorization or ?access_token=)',
  tag: 'ops',
  parameters: [
    { name: 'Last-Event-ID', in: 'header', required: false, description: 'Replay what came after this event', schema: { type: 'string' } },
    { name: 'lastEventId', in: 'query', required: false, description: 'Last-Event-ID, for clients that cannot set headers', schema: { type: 'string' } },
    { name: 'access_token', in: 'query', required: false, description: 'The bearer token, for EventSource (which cannot set headers)', schema: { type: 'string' } },
  ],
  responses: { 200: { description: 'An event stream', mediaType: 'text/event-stream', schema: z.string() } },
});

export function createEventsRoutes(deps: AppDeps, bus: EventBus, clients: SseClients) {
  return new Hono<AppEnv>().get('/events', events, async (c) => {
    const queryToken = c.req.query('access_token');
    const token = bearerToken(c.req.header('authorization')) ?? queryToken ?? null;
    let found = c.get('principal');
    if (!found && queryToken) found = await resolveToken(deps, queryToken);
    if (!found || !token) throw new DomainError('UNAUTHENTICATED', 'sign in to follow live events');
    if (found.kind !== 'user') throw new DomainError('FORBIDDEN', 'live events are for people; a device token cannot follow them');
    let principal: UserPrincipal = found;

    const lastRaw = c.req.header('last-event-id') ?? c.req.query('lastEventId');
    const last = lastRaw === undefined ? null : eventIdSchema.safeParse(lastRaw);
    if (last && !last.success) throw new DomainError('VALIDATION_FAILED', 'Last-Event-ID is not an event id', { lastEventId: lastRaw });

    return streamSSE(c, async (stream) => {
      clients.count += 1;
      // Subscribe before replaying so nothing published in between is lost; skip what replay already sent.
      const pending: HubEvent[] = [];
      let live = false;
      let revoked = false;
      let sentUpTo = last?.data ?? '0-0';
      let wake: (() => void) | null = null;
      const unsubscribe = bus.subscribe((e) => {
        pending.push(e);
        if (live) wake?.();
      });
      const send = async (e: HubEvent) => {
        if (compareEventIds(e.id, sentUpTo) <= 0 || !eventVisibleTo(principal, e)) return;
        sentUpTo = e.id;
        await stream.writeSSE({ id: e.id, event: e.type, data: JSON.stringify({ storeId: e.storeId, at: e.at, data: e.data }) });
      };
      const stop = () => {
        live = false;
        wake?.();
      };
      const recheck = setInterval(() => {
        resolveToken(deps, token).then(
          (p) => {
            if (p.kind === 'user') principal = p;
            else revoked = true;
          },
          (err: unknown) => {
            // Only a refused token ends the stream; a database blip is retried at the next check.
            if (err instanceof DomainError && (err.code === 'UNAUTHENTICATED' || err.code === 'TOKEN_EXPIRED')) revoked = true;
          },
        ).finally(() => {
          if (revoked) stop();
        });
      }, EVENTS_RECHECK_MS);
      recheck.unref();
      stream.onAbort(stop);
      clients.wakers.add(stop);
      try {
        await stream.writeSSE({ event: 'ready', data: JSON.stringify({ replayFrom: last?.data ?? null }), retry: 3_000 });
        if (last?.data) for (const e of await bus.replay(last.data, REPLAY_LIMIT)) await send(e);
        live = true;
        while (!stream.aborted && !stream.closed && !clients.closing && !revoked) {
          while (pending.length > 0 && !revoked) await send(pending.shift()!);
          if (revoked) break;
          await new Promise<void>((resolve) => {
            wake = resolve;
            const t = setTimeout(resolve, HEARTBEAT_MS);
            t.unref();
          });
          wake = null;
          if (pending.length === 0 && !stream.aborted && !revoked) await stream.write(': ping\n\n');
        }
        if (revoked && !stream.aborted) await stream.writeSSE({ event: 'end', data: JSON.stringify({ reason: 'signed out or access revoked' }) });
      } finally {
        clearInterval(recheck);
        clients.wakers.delete(stop);
        unsubscribe();
        clients.count -= 1;
      }
    });
  });
}
