/**
 * Graceful shutdown for a fetch handler. Once `drain()` is called, every new request is answered
 * 503 with Retry-After (the load balancer and clients go to another node; a counter retries its
 * push later, losing nothing), while requests already running finish normally. `drain()`
 * resolves when the last of them has returned its response.
 */
export interface Drain<A extends unknown[]> {
  fetch(req: Request, ...rest: A): Promise<Response>;
  drain(): Promise<void>;
  readonly inFlight: number;
  readonly draining: boolean;
}

export function createDrain<A extends unknown[]>(fetch: (req: Request, ...rest: A) => Response | Promise<Response>): Drain<A> {
  let inFlight = 0;
  let draining = false;
  const waiters: (() => void)[] = [];
  const settle = () => {
    if (draining && inFlight === 0) for (const w of waiters.splice(0)) w();
  };
  return {
    async fetch(req, ...rest) {
      if (draining) {
        const body = { error: { code: 'SERVICE_UNAVAILABLE', message: 'this hub node is shutting down; retry the request' } };
        return new Response(JSON.stringify(body), {
          status: 503,
          headers: { 'Content-Type': 'application/json', 'Retry-After': '1', Connection: 'close' },
        });
      }
      inFlight++;
      try {
        return await fetch(req, ...rest);
      } finally {
        inFlight--;
        settle();
      }
    },
    drain() {
      draining = true;
      return new Promise<void>((resolve) => {
        waiters.push(resolve);
        settle();
      });
    },
    get inFlight() {
      return inFlight;
    },
    get draining() {
      return draining;
    },
  };
}
