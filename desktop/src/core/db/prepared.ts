import type Database from 'better-sqlite3';

const cache = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/**
 * A prepared statement on `raw`, compiled once per connection and reused: the counter's hot
 * paths run the same few statements thousands of times a day.
 */
export function prepared(raw: Database.Database, text: string): Database.Statement {
  let byText = cache.get(raw);
  if (!byText) {
    byText = new Map();
    cache.set(raw, byText);
  }
  let stmt = byText.get(text);
  if (!stmt) {
    stmt = raw.prepare(text);
    byText.set(text, stmt);
  }
  return stmt;
}
