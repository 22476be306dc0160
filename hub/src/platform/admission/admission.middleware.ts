import type { Context, MiddlewareHandler } from 'hono';
import { sql, type Kysely } from 'kysely';
import type { Registry } from 'prom-client';
import type { HubConfig } from '../../config/env';
import type { Database } from '../../db/database.types';
import type { AppEnv } from '../../http/app-env';
import { withTimeout } from '../with-timeout';
import { AdmissionGate, type GateSnapshot, type Refusal } from './admission.gate';
import { createAdmissionMetrics, type AdmissionMetrics } from './admission.metrics';

export type AdmissionSettings = HubConfig['admission'];

export interface AdmissionHealth {
  status: 'ok' | 'saturated';
  push: GateSnapshot;
  pull: GateSnapshot;
  read: GateSnapshot;
  /** Pushes refused because a store or device lock was not granted within PUSH_LOCK_TIMEOUT_MS. */
  lockTimeouts: number;
  /** Sessions of the hub database waiting on a lock now; null where it cannot be read. */
  lockWaiters: number | null;
}

export interface AdmissionControl {
  /** For app.use('/api/*') after authentication. */
  middleware: MiddlewareHandler<AppEnv>;
  health(): Promise<AdmissionHealth>;
}

/** SQLSTATE 55P03 lock_not_available: lock_timeout expired while waiting for a row or advisory lock. */
const LOCK_TIMEOUT = '55P03';

/** Long-lived or operator routes are never gated: a saturated node must still say so. */
const UNGATED = /^\/api\/v1\/(events|metrics|health)(\/|$)/;
const HEALTH = '/api/v1/health';

/**
 * Past capacity a node sheds instead of queueing: device pushes, device pulls and head-office
 * reads each pass their own gate (platform/admission/admission.gate.ts). A refused request is
 * answered 503 with Retry-After before any work is done, so clients back off and the requests
 * admitted keep their latency; reads have their own slots, so the dashboard stays usable while
 * the fleet pushes. A push whose store lock was not granted in time is a 503 too (retrying it is
 * safe: pushes are idempotent by movement id).
 */
export function createAdmission(opts: { settings: AdmissionSettings; registry?: Registry; db?: Kysely<Database> }): AdmissionControl {
  const { settings, db } = opts;
  const gates = { push: new AdmissionGate('push', settings.push), pull: new AdmissionGate('pull', settings.pull), read: new AdmissionGate('read', settings.read) };
  let lockTimeouts = 0;
  const lockWaiters = async (): Promise<number | null> => {
    if (!db) return null;
    try {
      const { rows } = await withTimeout(
        sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`.execute(db),
        1_000,
        'lock waiters',
      );
      return rows[0]?.n ?? 0;
    } catch {
      return null;
    }
  };
  const metrics: AdmissionMetrics | null = opts.registry ? createAdmissionMetrics(opts.registry, Object.values(gates), lockWaiters) : null;

  const gateFor = (c: Context<AppEnv>): AdmissionGate | null => {
    const path = c.req.path;
    if (UNGATED.test(path)) return null;
    if (path === '/api/v1/sync/push') return c.req.method === 'POST' ? gates.push : null;
    if (path === '/api/v1/sync/pull') return c.req.method === 'GET' ? gates.pull : null;
    const p = c.get('principal');
    return c.req.method === 'GET' && p?.kind === 'user' ? gates.read : null;
  };

  const busy = (gate: string, reason: Refusal | 'lock_timeout') => {
    metrics?.shed(gate, reason);
    const why = reason === 'lock_timeout' ? 'a store lock was busy for too long' : 'this hub node is at capacity';
    const body = { error: { code: 'SERVICE_UNAVAILABLE', message: `${why}; retry after ${settings.retryAfterSeconds} s`, details: { retryAfterSeconds: settings.retryAfterSeconds, gate, reason } } };
    return new Response(JSON.stringify(body), {
      status: 503,
      headers: { 'content-type': 'application/json; charset=UTF-8', 'retry-after': String(settings.retryAfterSeconds) },
    });
  };

  const health = async (): Promise<AdmissionHealth> => {
    const [push, pull, read] = [gates.push.snapshot(), gates.pull.snapshot(), gates.read.snapshot()];
    const full = (g: GateSnapshot) => g.maxInFlight > 0 && g.inFlight >= g.maxInFlight;
    return { status: full(push) || full(pull) || full(read) ? 'saturated' : 'ok', push, pull, read, lockTimeouts, lockWaiters: await lockWaiters() };
  };

  const middleware: MiddlewareHandler<AppEnv> = async (c, next) => {
    if (c.req.path === HEALTH) {
      // /health adds this node's saturation to whatever the health route answered (200 or 503 alike):
      // a saturated node is still healthy, it sheds, so the load balancer keeps it in.
      await next();
      if (c.res.headers.get('content-type')?.startsWith('application/json')) {
        const body = (await c.res.clone().json()) as Record<string, unknown>;
        c.res = new Response(JSON.stringify({ ...body, admission: await health() }), { status: c.res.status, headers: c.res.headers });
      }
      return;
    }
    const gate = gateFor(c);
    if (!gate) return next();
    const ticket = await gate.enter();
    if (!ticket.admitted) return busy(gate.name, ticket.reason);
    metrics?.waited(gate.name, ticket.waitedMs);
    try {
      await next();
    } finally {
      ticket.release();
    }
    if (gate === gates.push && (c.error as { code?: unknown } | undefined)?.code === LOCK_TIMEOUT) {
      lockTimeouts += 1;
      // Hono copies the replaced answer's headers onto the new one: drop the error handler's own Retry-After first.
      c.res.headers.delete('retry-after');
      c.res = busy(gate.name, 'lock_timeout');
    }
  };

  return { middleware, health };
}
