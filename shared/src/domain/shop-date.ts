import { z } from 'zod';

/** The earliest moment a shop's record may carry (no counter sold anything before this). */
export const SHOP_DATE_MIN_MS = Date.UTC(2000, 0, 1);
/** How far ahead a date may lie: generous, yet far inside what PostgreSQL and JS dates hold. */
export const SHOP_DATE_MAX_YEARS_AHEAD = 100;
/** Real UTC offsets run from -12:00 to +14:00. */
const MAX_OFFSET_MINUTES = 14 * 60;

const OFFSET = /(?:([+-])(\d{2}):?(\d{2}))$/;

/**
 * Why an ISO 8601 date-time is not one a shop can have, or null when it is. zod's datetime
 * check accepts year 0000 and offsets such as +23:00, which PostgreSQL refuses (a 500, and a
 * sync batch that fails for ever); this is the range both ends agree on.
 */
export function shopDateProblem(value: string, nowMs: number = Date.now()): string | null {
  const offset = OFFSET.exec(value);
  if (offset) {
    const minutes = Number(offset[2]) * 60 + Number(offset[3]);
    if (Number(offset[3]) > 59 || minutes > MAX_OFFSET_MINUTES) return 'the UTC offset must be between -14:00 and +14:00';
  }
  const ms = new Date(value).getTime();
  if (!Number.isFinite(ms)) return 'must be an ISO 8601 date-time';
  if (ms < SHOP_DATE_MIN_MS) return 'must be on or after 2000-01-01';
  if (ms > maxShopDateMs(nowMs)) return `must be at most ${SHOP_DATE_MAX_YEARS_AHEAD} years from now`;
  return null;
}

export function maxShopDateMs(nowMs: number = Date.now()): number {
  const d = new Date(nowMs);
  d.setUTCFullYear(d.getUTCFullYear() + SHOP_DATE_MAX_YEARS_AHEAD);
  return d.getTime();
}

/** Nearest moment inside the shop range (a rejected movement is stored with it, its original kept in the reason). */
export function clampShopDate(value: string, nowMs: number = Date.now()): string {
  const ms = new Date(value).getTime();
  if (!Number.isFinite(ms) || ms < SHOP_DATE_MIN_MS) return new Date(SHOP_DATE_MIN_MS).toISOString();
  return new Date(Math.min(ms, maxShopDateMs(nowMs))).toISOString();
}

/** An ISO 8601 date-time with offset, inside the range a shop can have. */
export function shopDateTime(message = 'must be an ISO 8601 date-time, e.g. 2026-01-31T00:00:00Z') {
  return z.iso.datetime({ offset: true, message }).superRefine((v, ctx) => {
    const problem = shopDateProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
}
