import { z } from 'zod';

// Web Crypto is global in Node 20+, browsers and Electron; shared has no DOM or node typings.
declare const crypto: { getRandomValues<T extends Uint8Array>(array: T): T };

let lastMs = 0;
let lastRandA = 0;

// One getRandomValues call per 256 ids: the call costs several microseconds, more than the
// rest of an id, and a sync push or a bulk import makes hundreds of ids at a time.
const POOL_IDS = 256;
const pool = new Uint8Array(16 * POOL_IDS);
let poolAt = pool.length;
const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

/**
 * UUIDv7 (RFC 9562): 48-bit unix ms, then 12 bits that we use as a monotonic counter
 * within one millisecond, so ids made by one process sort in creation order.
 */
export function uuidv7(now: number = Date.now()): string {
  if (poolAt === pool.length) {
    crypto.getRandomValues(pool);
    poolAt = 0;
  }
  const bytes = pool.slice(poolAt, poolAt + 16);
  poolAt += 16;
  let ms = Math.max(now, lastMs);
  let randA: number;
  if (ms === lastMs) {
    randA = lastRandA + 1;
    if (randA > 0xfff) {
      ms += 1;
      randA = 0;
    }
  } else {
    randA = ((bytes[6] ?? 0) << 4) & 0x7ff; // leave headroom for the counter
  }
  lastMs = ms;
  lastRandA = randA;
  for (let i = 5; i >= 0; i--) {
    bytes[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  bytes[6] = 0x70 | (randA >> 8);
  bytes[7] = randA & 0xff;
  bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f);
  let hex = '';
  for (const b of bytes) hex += HEX[b];
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The unix milliseconds encoded in a UUIDv7. */
export function uuidv7Time(id: string): number {
  return parseInt(id.replace(/-/g, '').slice(0, 12), 16);
}

/**
 * Ids are lower-cased as they are parsed: PostgreSQL stores a uuid lower-case, so an id hashed
 * (audit chain) or compared as typed would differ from the stored one for ever.
 */
export const uuidSchema = z.uuid({ message: 'must be a UUID' }).toLowerCase();
export const uuidv7Schema = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i, 'must be a UUIDv7')
  .toLowerCase();
