import { errorEnvelopeSchema, parseMinorJson, SYNC_PROTOCOL_HEADER, SYNC_PROTOCOL_VERSION, type ErrorCode } from '@bazaar/shared';

/** A failed exchange with the hub, classified for the retry loop. */
export class HubError extends Error {
  constructor(
    message: string,
    /** 0 when the hub was not reached at all. */
    readonly status: number,
    readonly code: ErrorCode | null,
    readonly details: unknown,
    /** The hub's Retry-After (a 503 at capacity, a 429), in ms; null when it named none. */
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
    this.name = 'HubError';
  }

  get reachedHub(): boolean {
    return this.status > 0;
  }

  /** The device must not retry these blindly: a person has to act (re-enroll, new token). */
  get needsPerson(): boolean {
    return this.status === 401 || this.status === 403 || this.code === 'SEQ_CONTENT_MISMATCH';
  }
}

export interface HubTarget {
  hubUrl: string;
  token: string;
  timeoutMs?: number;
  /** The PC's raw clock, on which the offset to hub time is measured (Date.now by default). */
  now?: () => number;
}

export interface HubAnswer {
  body: unknown;
  sentAt: number;
  receivedAt: number;
}

/**
 * One JSON request to the hub with the device token. Bodies are parsed by the caller's zod schema.
 * A pooled keep-alive socket the server has just closed fails with a reset before anything was
 * processed; push and pull are idempotent, so that one case is retried once at once.
 */
export async function hubRequest(target: HubTarget, method: 'GET' | 'POST', path: string, body?: unknown, headers: Record<string, string> = {}): Promise<HubAnswer> {
  try {
    return await hubRequestOnce(target, method, path, body, headers);
  } catch (err) {
    if (err instanceof HubError && err.status === 0 && /ECONNRESET|UND_ERR_SOCKET|EPIPE/.test(err.message)) {
      return hubRequestOnce(target, method, path, body, headers);
    }
    throw err;
  }
}

async function hubRequestOnce(target: HubTarget, method: 'GET' | 'POST', path: string, body: unknown, headers: Record<string, string>): Promise<HubAnswer> {
  const url = new URL(path, target.hubUrl.endsWith('/') ? target.hubUrl : `${target.hubUrl}/`);
  const clock = target.now ?? Date.now;
  const sentAt = clock();
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      // Every request says the protocol: from 3 on the hub answers money in the new names.
      headers: { [SYNC_PROTOCOL_HEADER]: String(SYNC_PROTOCOL_VERSION), ...headers, authorization: `Bearer ${target.token}`, accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(target.timeoutMs ?? 60_000),
    });
  } catch (err) {
    const cause = (err as { cause?: { code?: string } }).cause?.code ?? (err as Error).name;
    throw new HubError(`cannot reach the hub at ${url.origin} (${cause}); working offline`, 0, null, null);
  }
  const receivedAt = clock();
  const text = await res.text();
  let json: unknown = null;
  try {
    // A hub from before protocol 3 answers with the old money keys: read them as the new ones.
    json = text ? parseMinorJson(text) : null;
  } catch {
    json = null;
  }
  if (!res.ok) {
    const env = errorEnvelopeSchema.safeParse(json);
    const retryAfterMs = parseRetryAfter(res.headers.get('retry-after'), receivedAt);
    if (env.success) {
      const e = env.data.error;
      throw new HubError(`hub answered ${res.status} ${e.code}: ${e.message}`, res.status, e.code, e.details, retryAfterMs);
    }
    throw new HubError(`hub answered ${res.status} ${res.statusText}`, res.status, null, null, retryAfterMs);
  }
  if (json === null) throw new HubError(`hub answered ${res.status} with a body that is not JSON`, res.status, 'INTERNAL', null);
  return { body: json, sentAt, receivedAt };
}

/** Retry-After as delay-seconds or an HTTP date, in ms from now; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, nowMs: number): number | null {
  if (!value) return null;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? null : Math.max(0, at - nowMs);
}
