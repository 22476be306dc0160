import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { TestApp } from '../test/test-db';
import { useTestApp } from '../test/use-test-app';
import { CITUS_LAYOUT, distributionDdl } from './citus.layout';

let t: TestApp;
useTestApp((ctx) => ({ t } = ctx));

interface Key {
  table: string;
  name: string;
  kind: 'p' | 'u' | 'f';
  columns: string[];
  target: string | null;
  targetColumns: string[];
}

/** Primary keys, unique indexes (constraints or not) and foreign keys of the migrated schema. */
async function keysOf(): Promise<{ tables: string[]; keys: Key[] }> {
  const db = t.db.db;
  const { rows: tables } = await sql<{ name: string }>`
    SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') ORDER BY 1`.execute(db);
  const { rows: unique } = await sql<{ table: string; name: string; primary: boolean; columns: string[] }>`
    SELECT t.relname AS table, i.relname AS name, x.indisprimary AS primary,
           array(SELECT a.attname::text FROM unnest(x.indkey) WITH ORDINALITY k(n, o) JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.n ORDER BY k.o) AS columns
    FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
    WHERE n.nspname = current_schema() AND x.indisunique`.execute(db);
  const { rows: fks } = await sql<{ table: string; name: string; target: string; columns: string[]; target_columns: string[] }>`
    SELECT c.conrelid::regclass::text AS table, c.conname AS name, c.confrelid::regclass::text AS target,
           array(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY k(n, o) JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.o) AS columns,
           array(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY k(n, o) JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.o) AS target_columns
    FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname = current_schema() AND c.contype = 'f'`.execute(db);
  return {
    tables: tables.map((r) => r.name),
    keys: [
      ...unique.map((u) => ({ table: u.table, name: u.name, kind: u.primary ? ('p' as const) : ('u' as const), columns: u.columns, target: null, targetColumns: [] })),
      ...fks.map((f) => ({ table: f.table, name: f.name, kind: 'f' as const, columns: f.columns, target: f.target, targetColumns: f.target_columns })),
    ],
  };
}

describe('Citus readiness: the schema distributes by store_id (issue 23 item 5)', () => {
  const distributed = new Map<string, { column: string; group: string }>([
    ...CITUS_LAYOUT.byStore.map((table) => [table, { column: 'store_id', group: 'store' }] as const),
    ...Object.entries(CITUS_LAYOUT.byChain).map(([table, column]) => [table, { column, group: 'chain' }] as const),
  ]);
  const reference = new Set(CITUS_LAYOUT.reference);
  const coordinator = new Set(CITUS_LAYOUT.coordinator);

  it('places every table exactly once', async () => {
    const { tables } = await keysOf();
    const listed = [...distributed.keys(), ...reference, ...coordinator];
    expect(new Set(listed).size).toBe(listed.length);
    expect([...listed].sort()).toEqual(tables);
  });

  it('leads every primary key, unique index and foreign key of a distributed table with its distribution column', async () => {
    const { keys } = await keysOf();
    const problems: string[] = [];
    for (const [table, { column, group }] of distributed) {
      const own = keys.filter((k) => k.table === table);
      if (!own.some((k) => k.kind === 'p')) problems.push(`${table}: no primary key`);
      for (const k of own) {
        if (k.kind !== 'f') {
          if (k.columns[0] !== column) problems.push(`${table}.${k.name} (${k.columns.join(', ')}) does not lead with ${column}`);
          continue;
        }
        if (reference.has(k.target!)) continue;
        const other = distributed.get(k.target!);
        if (!other || other.group !== group || k.columns[0] !== column || k.targetColumns[0] !== other.column) {
          problems.push(`${table}.${k.name} → ${k.target} (${k.columns.join(', ')}) is neither to a reference table nor co-located by ${column}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('points reference tables only at reference tables (listed after them) and keeps coordinator tables off distributed ones', async () => {
    const { keys } = await keysOf();
    const order = CITUS_LAYOUT.reference;
    const problems = keys
      .filter((k) => k.kind === 'f')
      .flatMap((k) => {
        if (reference.has(k.table)) {
          if (!reference.has(k.target!)) return [`${k.table}.${k.name} → ${k.target}: a reference table may point at reference tables only`];
          if (order.indexOf(k.target!) > order.indexOf(k.table)) return [`${k.table} is listed before ${k.target}, which it references`];
        }
        if (coordinator.has(k.table) && distributed.has(k.target!)) return [`${k.table}.${k.name} → ${k.target}: a coordinator table may not point at a distributed one`];
        return [];
      });
    expect(problems).toEqual([]);
  });

  it('DEPLOY.md carries the distribution DDL of this layout', () => {
    const deploy = readFileSync(new URL('../../DEPLOY.md', import.meta.url), 'utf8');
    expect(deploy).toContain(distributionDdl());
  });
});
