import { createHash } from 'node:crypto';
import { sql, type RawBuilder } from 'kysely';
import type pg from 'pg';

/** The comment a statement starts with to run as a named prepared statement (preparedByMark). */
const MARK = '/*prepared*/';

/**
 * Put first in a statement's template: with `on`, each pooled connection prepares the statement
 * once (by a name derived from its text) and runs it by name from then on, so PostgreSQL neither
 * parses nor, once it settles on a generic plan, plans it again. Only for statements whose plan
 * does not depend on the size of their array parameters: callers mark the small, common case
 * (the sync push of a few lines) and leave bulk batches unprepared.
 */
export function prepared(on: boolean): RawBuilder<unknown> {
  return on ? sql.raw(MARK) : sql``;
}

/**
 * Let this connection run marked statements by name (node-postgres prepares a named statement on
 * first use, in the same round trip). The text is hashed into the name, so two statements never
 * share one. Calls go through the prototype's query at call time, so instrumentation of
 * pg.Client.prototype.query (tests counting round trips) still sees them.
 */
export function preparedByMark(client: pg.PoolClient | pg.Client): void {
  const proto = Object.getPrototypeOf(client) as { query: (...args: unknown[]) => unknown };
  const names = new Map<string, string>();
  (client as unknown as { query: (...args: unknown[]) => unknown }).query = function (this: unknown, ...args: unknown[]) {
    const [text, values] = args;
    if (typeof text === 'string' && text.startsWith(MARK) && Array.isArray(values)) {
      let name = names.get(text);
      if (!name) {
        name = `bz_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
        names.set(text, name);
      }
      return proto.query.apply(this, [{ name, text, values }, ...args.slice(2)]);
    }
    return proto.query.apply(this, args);
  };
}
