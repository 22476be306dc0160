import { DomainError } from '@bazaar/shared';
import type { RateLimiter } from '../http/rate-limiter';

const MINUTE = 60_000;

/**
 * Failed authentications per client address. Every made-up token costs a database lookup, so
 * after `perMinute` failures in a minute an address gets 429 without one until the window ends.
 * Counted on the limiter every node shares; the block itself is remembered in this node too, so
 * a flood does not reach the shared limiter (or the database) at all.
 */
export class AuthFailureGuard {
  private readonly blockedUntil = new Map<string, number>();

  constructor(
    private readonly limiter: RateLimiter,
    private readonly perMinute: number,
    private readonly now: () => number,
  ) {}

  /** Throws RATE_LIMITED while the address is blocked. */
  check(ip: string): void {
    const until = this.blockedUntil.get(ip);
    if (until === undefined) return;
    const now = this.now();
    if (until <= now) {
      this.blockedUntil.delete(ip);
      return;
    }
    throw this.limited(Math.ceil((until - now) / 1000));
  }

  /** Counts one failure; throws RATE_LIMITED once the address is over the limit. */
  async failed(ip: string): Promise<void> {
    const r = await this.limiter.consume(`authfail:ip:${ip}`, this.perMinute, MINUTE);
    if (r.allowed) return;
    if (this.blockedUntil.size > 10_000) this.blockedUntil.clear();
    this.blockedUntil.set(ip, this.now() + r.retryAfterSeconds * 1000);
    throw this.limited(r.retryAfterSeconds);
  }

  private limited(retryAfterSeconds: number): DomainError {
    return new DomainError('RATE_LIMITED', `too many failed sign-ins from this address; try again in ${retryAfterSeconds} s`, {
      retryAfterSeconds: Math.max(1, retryAfterSeconds),
    });
  }
}
