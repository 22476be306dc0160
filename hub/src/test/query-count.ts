import pg from 'pg';

/** One statement a pg client sent: its text, and whether it rode in the simple protocol (no parameters). */
export interface SentQuery {
  text: string;
  params: number;
  /** The prepared statement's name, when it ran as one. */
  name: string | null;
}

/**
 * Test-only: records every query node-postgres sends (one entry per client.query call, which is
 * one round trip: pg never pipelines) while `fn` runs. Counts what reaches the wire, BEGIN and
 * COMMIT included, so a test can hold a write path to a number of round trips.
 */
export async function recordQueries<T>(fn: () => Promise<T>): Promise<{ result: T; queries: SentQuery[] }> {
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  const queries: SentQuery[] = [];
  proto.query = function (this: unknown, ...args: unknown[]) {
    const first = args[0] as string | { text?: string; values?: unknown[]; name?: string };
    const text = typeof first === 'string' ? first : (first?.text ?? '');
    const values = (typeof first === 'string' ? args[1] : first?.values) as unknown[] | undefined;
    queries.push({ text: text.replace(/\s+/g, ' ').trim(), params: Array.isArray(values) ? values.length : 0, name: typeof first === 'string' ? null : (first?.name ?? null) });
    return original.apply(this, args);
  };
  try {
    const result = await fn();
    return { result, queries };
  } finally {
    proto.query = original;
  }
}

/** The statements from the first BEGIN to the COMMIT after it: one transaction's round trips. */
export function transactionOf(queries: readonly SentQuery[]): SentQuery[] {
  const begin = queries.findIndex((q) => /^(begin|start transaction)/i.test(q.text));
  if (begin < 0) return [];
  const end = queries.findIndex((q, i) => i > begin && /^(commit|rollback)/i.test(q.text));
  return queries.slice(begin, end < 0 ? undefined : end + 1);
}
