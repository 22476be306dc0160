import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backoffDelay, retryDelay } from './sync.client';
import { HubError, hubRequest, parseRetryAfter } from './sync.http';

/** A hub at capacity answers 503 + Retry-After (hub/src/platform/admission); the counter stays away at least that long, with jitter. */
describe('503 + Retry-After from a hub at capacity', () => {
  let server: Server;
  let url: string;
  beforeAll(async () => {
    server = createServer((_req, res) => {
      res.writeHead(503, { 'content-type': 'application/json', 'retry-after': '4' });
      res.end(JSON.stringify({ error: { code: 'SERVICE_UNAVAILABLE', message: 'this hub node is at capacity; retry after 4 s' } }));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const addr = server.address();
    url = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('the HubError carries the hub’s Retry-After', async () => {
    const err = await hubRequest({ hubUrl: url, token: 'bzd_test' }, 'POST', 'api/v1/sync/push', { movements: [] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HubError);
    expect(err).toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE', retryAfterMs: 4_000, needsPerson: false });
  });

  it('the next attempt waits at least Retry-After, spread over up to half as much again; never less than the back-off', () => {
    const opts = { baseBackoffMs: 2_000, maxBackoffMs: 300_000 };
    const busy = new HubError('busy', 503, 'SERVICE_UNAVAILABLE', null, 4_000);
    expect(retryDelay(busy, 1, { ...opts, random: () => 0 })).toBe(4_000);
    expect(retryDelay(busy, 1, { ...opts, random: () => 0.999 })).toBe(5_998);
    // Later failures: the exponential back-off is longer than what the hub asked for.
    expect(retryDelay(busy, 6, { ...opts, random: () => 0 })).toBe(backoffDelay(6, { ...opts, random: () => 0 }));
    // No Retry-After (hub unreachable): the back-off alone.
    const offline = new HubError('offline', 0, null, null);
    expect(retryDelay(offline, 1, { ...opts, random: () => 0.5 })).toBe(backoffDelay(1, { ...opts, random: () => 0.5 }));
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-12-01T10:00:00Z');
    expect(parseRetryAfter('2', now)).toBe(2_000);
    expect(parseRetryAfter('Tue, 01 Dec 2026 10:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });
});
