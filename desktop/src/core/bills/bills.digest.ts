import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { withLegacyKeys, withMinorKeys, type Bill } from '@bazaar/shared';
import { prepared } from '../db/prepared';

/**
 * What a bill's audit row seals instead of repeating its lines (the bill document and its
 * movements already hold them): a digest of the document as it was completed, and one of its
 * movements. A later void changes only the document's status and void fields, so the document is
 * digested with those as they were at completion. Verification recomputes both.
 */
export function billDocDigest(doc: Bill): string {
  return createHash('sha256').update(JSON.stringify({ ...doc, status: 'completed', void: null })).digest('hex');
}

/** The product is left out: an offline product merged into head office's by a pull is re-pointed on every movement. */
interface MovementFacts {
  id: string;
  seq: number;
  kind: string;
  qty: number;
  unit_price_minor: number | null;
}

export function movementsDigest(rows: readonly MovementFacts[]): string {
  const h = createHash('sha256');
  for (const r of [...rows].sort((a, b) => a.seq - b.seq)) h.update(`${r.id}|${r.seq}|${r.kind}|${r.qty}|${r.unit_price_minor ?? ''}\n`);
  return h.digest('hex');
}

export interface BillSeal {
  docSha256: string;
  movesSha256: string;
  /** First and last seq of the movements written with the bill (a later void adds its own under the same batch). */
  seqs: [number, number] | null;
}

/** Why a bill no longer matches its audit row's seal, or null when it does. */
export function billSealProblem(raw: Database.Database, billId: string, seal: BillSeal): string | null {
  const row = prepared(raw, 'SELECT doc_json FROM bills WHERE id = ?').get(billId) as { doc_json: string } | undefined;
  if (!row) return 'the bill this row records is gone (deleted)';
  // A bill sealed before the rename to minor units was digested with its old money keys (and, voided
  // since, written back with the new ones): the same bill in either spelling matches its seal.
  const doc = JSON.parse(row.doc_json) as unknown;
  if (![withMinorKeys<Bill>(doc), withLegacyKeys<Bill>(doc)].some((d) => billDocDigest(d) === seal.docSha256)) return 'the bill differs from what was recorded (its lines, prices or payments were edited)';
  const [first, last] = seal.seqs ?? [0, -1];
  const moves = prepared(raw, 'SELECT id, seq, kind, qty, unit_price_minor FROM movements WHERE batch_id = ? AND seq BETWEEN ? AND ?').all(billId, first, last) as MovementFacts[];
  if (movementsDigest(moves) !== seal.movesSha256) return "the bill's stock movements differ from what was recorded (a line was edited, added or deleted)";
  return null;
}
