// rename-minor: keep (this file names the old keys on purpose)

/**
 * Money field names before and after sync protocol 3 (issue 15). Amounts were named for the
 * Indian minor unit (`pricePaise`, `total_paise`, a discount's `paise`); from protocol 3 they
 * are currency-neutral (`priceMinor`, `total_minor`, `minor`). The values are the same integers.
 *
 * Three places still meet the old names and read them through here:
 * - a counter that speaks protocol 1 or 2 (the hub renames what it sends back to it);
 * - a request body from a program written against the old API (the hub accepts both);
 * - documents sealed before the rename (a bill's stored JSON is digested as it was written,
 *   so it is read as it is and renamed in memory, never rewritten on disk).
 */

const LEGACY_SUFFIX = /Paise$/;
const LEGACY_SNAKE = /_paise$/;
const NEW_SUFFIX = /Minor$/;
const NEW_SNAKE = /_minor$/;

/** The new name of one key (`pricePaise` → `priceMinor`, `paise` → `minor`); other keys as they are. */
export function minorKey(key: string): string {
  if (key === 'paise') return 'minor';
  if (LEGACY_SUFFIX.test(key)) return key.replace(LEGACY_SUFFIX, 'Minor');
  if (LEGACY_SNAKE.test(key)) return key.replace(LEGACY_SNAKE, '_minor');
  return key;
}

/** The old name of one key (`priceMinor` → `pricePaise`, `minor` → `paise`), for protocol 1–2 counters. */
export function legacyKey(key: string): string {
  if (key === 'minor') return 'paise';
  if (key.length > 5 && NEW_SUFFIX.test(key)) return key.replace(NEW_SUFFIX, 'Paise');
  if (key.length > 6 && NEW_SNAKE.test(key)) return key.replace(NEW_SNAKE, '_paise');
  return key;
}

function renameKeys(value: unknown, rename: (key: string) => string): unknown {
  if (Array.isArray(value)) {
    let out: unknown[] | null = null;
    for (let i = 0; i < value.length; i++) {
      const v = renameKeys(value[i], rename);
      if (v !== value[i]) (out ??= value.slice())[i] = v;
    }
    return out ?? value;
  }
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  let changed = false;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const nk = rename(k);
    const nv = renameKeys(v, rename);
    // An object that somehow holds both spellings keeps the new one.
    if (nk !== k && Object.prototype.hasOwnProperty.call(value, nk)) {
      changed = true;
      continue;
    }
    if (nk !== k || nv !== v) changed = true;
    out[nk] = nv;
  }
  return changed ? out : value;
}

/**
 * A value with every old money key renamed to the new one, keys kept in their order (so a
 * JSON digest of the result equals one of an object written with the new names). Returns the
 * same object when nothing needed renaming.
 */
export function withMinorKeys<T = unknown>(value: unknown): T {
  return renameKeys(value, minorKey) as T;
}

/** The reverse, for a counter that speaks protocol 1 or 2. */
export function withLegacyKeys<T = unknown>(value: unknown): T {
  return renameKeys(value, legacyKey) as T;
}

/** Parse stored or received JSON text, reading old money keys as the new ones. */
export function parseMinorJson<T = unknown>(text: string): T {
  return withMinorKeys<T>(JSON.parse(text) as unknown);
}

/** The first protocol whose bodies use the new names. */
export const MINOR_KEYS_PROTOCOL = 3;
