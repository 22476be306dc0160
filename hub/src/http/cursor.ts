import { DomainError } from '@bazaar/shared';
import { sql, type RawBuilder } from 'kysely';
import { z } from 'zod';

/**
 * Opaque keyset cursors: base64url of a small JSON array holding the sort key of the last
 * row served. Clients must treat them as opaque; anything that does not decode to the shape
 * the endpoint expects is a 400 INVALID_CURSOR, never a 500 or a silently wrong page.
 */
export function encodeCursor(key: readonly (string | number | null)[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

export function decodeCursor<S extends z.ZodType>(cursor: string | undefined, schema: S): z.output<S> | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  let raw: unknown;
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(cursor) || cursor.length > 2000) throw new Error('bad characters');
    raw = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new DomainError('INVALID_CURSOR', 'cursor: not a cursor this API issued');
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new DomainError('INVALID_CURSOR', 'cursor: not a cursor for this list');
  return parsed.data;
}

/** Cursor of a list sorted by id alone. */
export const idCursorSchema = z.tuple([z.uuid()]);
/** Cursor of a list sorted by (timestamp, id): every such list's ids are uuids. */
export const timeIdCursorSchema = z.tuple([z.iso.datetime({ offset: true }), z.uuid()]);

/** The (time, id) a list sorted by them stopped at; undefined on the first page, INVALID_CURSOR if not such a cursor. */
export function decodeTimeIdCursor(cursor: string | undefined): { at: Date; id: string } | undefined {
  const after = decodeCursor(cursor, timeIdCursorSchema);
  return after && { at: new Date(after[0]), id: after[1] };
}

/** Keyset condition on (time column, id column) against a decoded cursor: `<` newest first, `>` oldest first. */
export function pastCursor(timeColumn: string, idColumn: string, after: { at: Date; id: string }, direction: '<' | '>' = '<'): RawBuilder<boolean> {
  return sql<boolean>`(${sql.ref(timeColumn)}, ${sql.ref(idColumn)}) ${sql.raw(direction)} (${after.at}::timestamptz, ${after.id}::uuid)`;
}

/** Take limit+1 rows, answer limit of them and a cursor when there was one more. */
export function pageOf<R, T>(rows: R[], limit: number, map: (r: R) => T, key: (r: R) => (string | number | null)[]) {
  const hasMore = rows.length > limit;
  const page = hasMore ? rows.slice(0, limit) : rows;
  const last = page[page.length - 1];
  return { items: page.map(map), nextCursor: hasMore && last !== undefined ? encodeCursor(key(last)) : null };
}
