import { describe, expect, it } from 'vitest';
import { healthParts } from './hub-status';

describe('hub status in words (issue 16: Settings showed /health as JSON)', () => {
  it('names every part of a full answer, with states, latencies and job counts', () => {
    const parts = healthParts({
      status: 'degraded',
      database: 'ok',
      dbLatencyMs: 1.4,
      time: '2026-12-02T07:00:00.000Z',
      replica: { status: 'not_configured' },
      redis: { status: 'down', detail: 'connect ECONNREFUSED' },
      queue: { status: 'ok', mode: 'bullmq', counts: { waiting: 3, active: 1, failed: 0, delayed: 2 } },
      webhooks: { failedLast24h: 2 },
    });
    expect(parts.map((p) => p.key)).toEqual(['status', 'database', 'replica', 'redis', 'queue', 'webhooks', 'time']);
    expect(parts.find((p) => p.key === 'database')).toMatchObject({ state: 'ok', latencyMs: 1.4 });
    expect(parts.find((p) => p.key === 'redis')).toMatchObject({ state: 'down', detail: 'connect ECONNREFUSED' });
    expect(parts.find((p) => p.key === 'queue')).toMatchObject({ state: 'ok', mode: 'bullmq', jobs: { waiting: 3, active: 1, failed: 0 } });
    expect(parts.find((p) => p.key === 'webhooks')).toMatchObject({ count: 2 });
  });

  it('leaves out what a hub without the platform does not report', () => {
    expect(healthParts({ status: 'ok', database: 'ok', dbLatencyMs: 2, time: '2026-12-02T07:00:00.000Z' }).map((p) => p.key)).toEqual(['status', 'database', 'time']);
  });
});
