import type { MessageKey } from '@bazaar/shared';

export type PartState = 'ok' | 'degraded' | 'down' | 'not_configured';

/** One line of the hub's status in words: its state, and the numbers that go with it. */
export interface HealthPart {
  key: string;
  label: MessageKey;
  state?: PartState;
  latencyMs?: number;
  mode?: string;
  detail?: string;
  jobs?: { waiting: number; active: number; failed: number };
  count?: number;
  time?: string;
}

type Fields = Record<string, unknown>;
const fields = (v: unknown): Fields => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Fields) : {});
const states: readonly string[] = ['ok', 'degraded', 'down', 'not_configured'];
const stateOf = (v: unknown): PartState | undefined => (typeof v === 'string' && states.includes(v) ? (v as PartState) : undefined);
const numOf = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const strOf = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

function check(key: string, label: MessageKey, v: unknown): HealthPart | null {
  if (v === undefined) return null;
  const c = fields(v);
  const counts = fields(c.counts);
  const part: HealthPart = { key, label };
  const state = stateOf(c.status);
  if (state) part.state = state;
  const latency = numOf(c.latencyMs);
  if (latency !== undefined) part.latencyMs = latency;
  const mode = strOf(c.mode);
  if (mode) part.mode = mode;
  const detail = strOf(c.detail);
  if (detail) part.detail = detail;
  if (c.counts !== undefined) part.jobs = { waiting: numOf(counts.waiting) ?? 0, active: numOf(counts.active) ?? 0, failed: numOf(counts.failed) ?? 0 };
  return part;
}

/** GET /health as the settings page shows it: every part by name, none as JSON. */
export function healthParts(body: Fields): HealthPart[] {
  const parts: (HealthPart | null)[] = [
    { key: 'status', label: 'web.settings.overall', ...(stateOf(body.status) ? { state: stateOf(body.status)! } : {}) },
    {
      key: 'database',
      label: 'web.settings.database',
      ...(stateOf(body.database) ? { state: stateOf(body.database)! } : {}),
      ...(numOf(body.dbLatencyMs) !== undefined ? { latencyMs: numOf(body.dbLatencyMs)! } : {}),
      ...(strOf(body.databaseDetail) ? { detail: strOf(body.databaseDetail)! } : {}),
    },
    check('replica', 'web.settings.replica', body.replica),
    check('redis', 'web.settings.redis', body.redis),
    check('queue', 'web.settings.queue', body.queue),
    body.webhooks !== undefined ? { key: 'webhooks', label: 'web.settings.webhooks', count: numOf(fields(body.webhooks).failedLast24h) ?? 0 } : null,
    strOf(body.time) ? { key: 'time', label: 'web.settings.hubTime', time: strOf(body.time)! } : null,
  ];
  return parts.filter((p): p is HealthPart => p !== null);
}
