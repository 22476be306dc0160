import { sql, type Kysely } from 'kysely';

/**
 * A count of loose goods is judged by a share of the stock, not by base units (issue 16: a
 * threshold of "10" meant 10 g and flagged every count of a sack of atta). Pieces keep
 * variance_threshold; loose goods get variance_loose_percent.
 *
 * Frozen in time: no app imports.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE stores ADD COLUMN IF NOT EXISTS variance_loose_percent numeric(5,2) NOT NULL DEFAULT 2
    CHECK (variance_loose_percent >= 0 AND variance_loose_percent <= 100)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE stores DROP COLUMN IF EXISTS variance_loose_percent`.execute(db);
}
