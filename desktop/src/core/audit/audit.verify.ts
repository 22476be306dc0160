import { createHash } from 'node:crypto';
import { GENESIS_HASH, type ChainVerification } from '@bazaar/shared';
import type Database from 'better-sqlite3';
import type { Selectable } from 'kysely';
import type { AuditTable } from '../db/db.types';
import { prepared } from '../db/prepared';
import { billSealProblem, type BillSeal } from '../bills/bills.digest';

export interface AuditVerifyOptions {
  /** Walk the whole chain from the genesis instead of from where the last check ended. */
  full?: boolean;
  /** Called after each slice: rows checked so far, and how many this run has to check. */
  onProgress?: (checked: number, total: number) => void;
  /** Longest the event loop is held before the walk yields to whatever else waits (a scan). */
  sliceMs?: number;
  now?: () => number;
}

export interface AuditVerifyResult extends ChainVerification {
  /** incremental: from the last verified row on; full: from the genesis. */
  mode: 'incremental' | 'full';
  /** Rows the last verified head already covered (not re-checked by an incremental run). */
  coveredBefore: number;
}

/** An audit row as SQLite returns it (the hash input leaves out actor_name, as format 1 always has). */
type StoredRow = Selectable<AuditTable>;

const PAGE = 256;
const str = (v: string | null): string => (v === null ? 'null' : JSON.stringify(v));

/**
 * The text the row's hash was taken over (shared `auditHashInput` of the row), built from the
 * stored canonical JSON of before/after instead of parsing and re-serialising it: the keys in
 * canonical (sorted) order. A stored text that is not canonical no longer matches its hash,
 * which is what tampering looks like anyway.
 */
export function storedHashInput(r: Omit<StoredRow, 'pos' | 'hash'>): string {
  return (
    `${r.prev_hash}|{"action":${str(r.action)},"actorId":${str(r.actor_id)},"after":${r.after_json},"at":${str(r.at)},` +
    `"before":${r.before_json},"entity":${str(r.entity)},"entityId":${str(r.entity_id)},"id":${str(r.id)},"ip":null,"storeId":${str(r.store_id)}}`
  );
}

/** sha256 of `storedHashInput(row)`, fed in parts: no row-sized string is built (less garbage, shorter GC pauses). */
export function hashStored(r: Omit<StoredRow, 'pos' | 'hash'>): string {
  return createHash('sha256')
    .update(`${r.prev_hash}|{"action":${str(r.action)},"actorId":${str(r.actor_id)},"after":`)
    .update(r.after_json)
    .update(`,"at":${str(r.at)},"before":`)
    .update(r.before_json)
    .update(`,"entity":${str(r.entity)},"entityId":${str(r.entity_id)},"id":${str(r.id)},"ip":null,"storeId":${str(r.store_id)}}`)
    .digest('hex');
}

const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Verify the counter's audit chain without ever holding the event loop for long: rows are read
 * in small pages on prepared statements and the walk yields every `sliceMs`, so a scan during
 * verification waits at most one slice. The routine run starts at the last verified head (if
 * that row is still there with the same hash) and moves the head on when the chain is intact;
 * a full run starts at the genesis. A broken chain never moves the head.
 */
export async function verifyAuditChain(raw: Database.Database, opts: AuditVerifyOptions = {}): Promise<AuditVerifyResult> {
  const now = opts.now ?? (() => performance.now());
  const sliceMs = opts.sliceMs ?? 8;
  const head = opts.full ? undefined : (prepared(raw, 'SELECT pos, hash, checked FROM audit_verified WHERE id = 1').get() as { pos: number; hash: string; checked: number } | undefined);
  const headRow = head ? (prepared(raw, 'SELECT hash FROM audit WHERE pos = ?').get(head.pos) as { hash: string } | undefined) : undefined;
  const resume = head && headRow?.hash === head.hash ? head : undefined;
  const mode = resume ? 'incremental' : 'full';
  let afterPos = resume?.pos ?? 0;
  let expectedPrev = resume?.hash ?? GENESIS_HASH;
  const coveredBefore = resume?.checked ?? 0;
  const total = (prepared(raw, 'SELECT count(*) AS n FROM audit WHERE pos > ?').get(afterPos) as { n: number }).n;
  let checked = 0;
  let sliceStart = now();
  const page = prepared(raw, `SELECT * FROM audit WHERE pos > ? ORDER BY pos LIMIT ${PAGE}`);
  const result = (ok: boolean, firstBroken: ChainVerification['firstBroken']): AuditVerifyResult => ({ ok, checked: coveredBefore + checked, firstBroken, mode, coveredBefore });

  for (;;) {
    const rows = page.all(afterPos) as StoredRow[];
    if (rows.length === 0) break;
    for (const row of rows) {
      if (row.prev_hash !== expectedPrev) {
        return result(false, { id: row.id, reason: 'prev_hash does not match the previous row (a row was removed or reordered)' });
      }
      if (hashStored(row) !== row.hash) {
        return result(false, { id: row.id, reason: 'content does not match its hash (the row was edited)' });
      }
      // A bill's row seals the bill and its movements (their digests) rather than repeating the lines.
      if (row.entity === 'bill' && row.entity_id !== null && row.after_json.includes('"docSha256"')) {
        const problem = billSealProblem(raw, row.entity_id, JSON.parse(row.after_json) as BillSeal);
        if (problem) return result(false, { id: row.id, reason: problem });
      }
      expectedPrev = row.hash;
      afterPos = row.pos;
      checked += 1;
    }
    if (now() - sliceStart >= sliceMs) {
      opts.onProgress?.(checked, total);
      await yieldToLoop();
      sliceStart = now();
    }
  }
  opts.onProgress?.(checked, total);
  if (afterPos > 0) {
    prepared(raw, `INSERT INTO audit_verified (id, pos, hash, checked, verified_at) VALUES (1, @pos, @hash, @checked, @at)
      ON CONFLICT (id) DO UPDATE SET pos = excluded.pos, hash = excluded.hash, checked = excluded.checked, verified_at = excluded.verified_at`).run({
      pos: afterPos,
      hash: expectedPrev,
      checked: coveredBefore + checked,
      at: new Date().toISOString(),
    });
  }
  return result(true, null);
}
