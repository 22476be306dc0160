import { sql, type SelectQueryBuilder } from 'kysely';

/**
 * How many rows match a list's filters, said with its first page (no cursor) so a screen can
 * show "50 of 1,062"; later pages do not repeat the count. The same query, its columns, order
 * and limit dropped.
 */
export async function firstPageTotal<DB, TB extends keyof DB, O>(q: SelectQueryBuilder<DB, TB, O>, cursor: string | undefined): Promise<{ total?: number }> {
  if (cursor) return {};
  const row = await q.clearSelect().clearOrderBy().clearLimit().select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  return { total: (row as { n: number }).n };
}
