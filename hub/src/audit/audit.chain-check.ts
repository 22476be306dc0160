import { auditChainInput, auditHashInput, GENESIS_HASH, type ChainReport } from '@bazaar/shared';
import type { Selectable } from 'kysely';
import type { AuditHeadsTable, AuditLogRow } from '../db/database.types';
import { chainHash, hmacMarkerTag, sha256Hex } from './audit.hash';

/** A chain's head row (audit_heads), as verification reads it. */
export type HeadRow = Selectable<AuditHeadsTable>;

/** The store head the latest anchor digested. */
export interface PointRow {
  chain: string;
  seq: number;
  hash: string;
}

export interface LogRow {
  id: number | string;
  chain: string;
  seq: number | string | null;
  at: Date | string;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  store_id: string | null;
  before: AuditLogRow['before'];
  after: AuditLogRow['after'];
  ip: string | null;
  prev_hash: string;
  hash: string;
}

const iso = (v: Date | string) => (v instanceof Date ? v : new Date(v)).toISOString();

/**
 * One chain, walked in order: rows go in through `legacy` (the format-1 log before the
 * cut-over, hub chain only, in id order) and `row` (format 2, in seq order); `finish` compares
 * the end with the head row and the anchor point. Stops at the first bad row.
 */
export class ChainCheck {
  private expectSeq = 1;
  private prevHash = GENESIS_HASH;
  private lastId = '';
  private checked = 0;
  private broken: ChainReport['firstBroken'] = null;
  private legacyDone = false;

  constructor(
    private readonly chain: string,
    private readonly head: HeadRow | null,
    private readonly point: PointRow | null,
    private readonly key: Buffer | null,
  ) {
    if (!head) this.fail('', null, 'the chain has no head row (its head was deleted, or rows were added around the writer)');
  }

  get ok(): boolean {
    return this.broken === null;
  }

  private fail(id: string, seq: number | null, reason: string): void {
    if (!this.broken) this.broken = { id, seq, reason };
  }

  /** A row of the old single chain: format 1, its place given by id order. */
  legacy(r: LogRow): void {
    if (this.broken) return;
    const id = String(r.id);
    const seq = this.expectSeq;
    if (this.legacyDone || this.head?.legacy_seq === null || seq > (this.head?.legacy_seq ?? 0)) {
      return this.fail(id, seq, `the old log had ${this.head?.legacy_seq ?? 0} rows at the cut-over; this one was added later`);
    }
    if (r.prev_hash !== this.prevHash) return this.fail(id, seq, 'prev_hash does not match the previous row (a row was removed, inserted or altered)');
    const expected = sha256Hex(
      auditHashInput(this.prevHash, hashedFields(r, id)),
    );
    if (expected !== r.hash) return this.fail(id, seq, 'hash does not match the row content (the row was edited)');
    this.advance(r);
  }

  private endLegacy(): void {
    if (this.legacyDone) return;
    this.legacyDone = true;
    const want = this.head?.legacy_seq ?? 0;
    if (this.expectSeq - 1 < want) {
      this.fail(this.lastId, this.expectSeq, `the old log had ${want} rows at the cut-over, ${this.expectSeq - 1} remain (rows were deleted)`);
    }
  }

  /** A format-2 row, in seq order. */
  row(r: LogRow): void {
    if (this.broken) return;
    this.endLegacy();
    if (this.broken) return;
    const head = this.head!;
    const id = String(r.id);
    if (r.seq === null) return this.fail(id, null, 'the row has no place in its chain (written around the audit writer)');
    const seq = Number(r.seq);
    if (seq !== this.expectSeq) {
      return this.fail(id, this.expectSeq, seq > this.expectSeq ? `entry ${this.expectSeq} of the chain is missing (deleted); the next row is entry ${seq}` : `entry ${seq} is out of order`);
    }
    if (seq > head.seq) return this.fail(id, seq, `the row is past the head (entry ${head.seq}): written without moving the head`);
    if (r.prev_hash !== this.prevHash) return this.fail(id, seq, 'prev_hash does not match the previous row (a row was removed, inserted or altered)');
    const from = head.hmac_from_seq === null ? null : Number(head.hmac_from_seq);
    const keyed = from !== null && seq >= from;
    if (keyed && !this.key) return this.fail(id, seq, `the chain is HMAC-chained from entry ${from}: verify with AUDIT_HMAC_KEY set`);
    if (seq === from && !this.markerOk(from)) return;
    const expected = chainHash(keyed ? this.key : null, auditChainInput(this.prevHash, { ...hashedFields(r, id), chain: this.chain, seq, actorName: r.actor_name }));
    if (expected !== r.hash) {
      return this.fail(id, seq, keyed ? 'the HMAC does not match the row content (the row was edited or its chain recomputed without the key)' : 'hash does not match the row content (the row was edited)');
    }
    if (this.point && Number(this.point.seq) === seq && this.point.hash !== r.hash) {
      return this.fail(id, seq, 'the row differs from the head the last anchor recorded (the chain was rewritten)');
    }
    this.advance(r);
  }

  private markerOk(from: number): boolean {
    if (!this.key) return true;
    if (this.head!.hmac_tag !== hmacMarkerTag(this.key, this.chain, from, this.prevHash)) {
      this.fail(this.lastId, from, 'the HMAC marker of the chain does not match (its keyed start was moved, or the rows before it changed)');
      return false;
    }
    return true;
  }

  private advance(r: LogRow): void {
    this.prevHash = r.hash;
    this.lastId = String(r.id);
    this.expectSeq += 1;
    this.checked += 1;
  }

  finish(): ChainReport {
    const head = this.head;
    if (head && !this.broken) {
      this.endLegacy();
      const headSeq = Number(head.seq);
      const last = this.expectSeq - 1;
      const from = head.hmac_from_seq === null ? null : Number(head.hmac_from_seq);
      if (this.broken) {
        // reported by endLegacy
      } else if (last < headSeq) {
        this.fail(this.lastId, this.expectSeq, `entries ${this.expectSeq}–${headSeq} are missing: the head records ${headSeq} (the newest rows were deleted)`);
      } else if (this.prevHash !== head.hash) {
        this.fail(this.lastId, last, "the head's hash differs from the last row's (the head or the last row was changed)");
      } else if (this.point && Number(this.point.seq) > headSeq) {
        this.fail(this.lastId, Number(this.point.seq), `the chain ends at entry ${headSeq} but the last anchor recorded entry ${this.point.seq} (the chain was cut back)`);
      } else if (this.key && from === null && headSeq > 0) {
        this.fail(this.lastId, null, 'AUDIT_HMAC_KEY is set but the chain has no HMAC marker (a chain recomputed without the key looks like this; the anchor job marks chains not written since the key was set)');
      } else if (from !== null && from > last) {
        this.markerOk(from);
      }
    }
    return {
      chain: this.chain,
      ok: this.broken === null,
      checked: this.checked,
      headSeq: head ? Number(head.seq) : 0,
      hmacFromSeq: head?.hmac_from_seq === null || !head ? null : Number(head.hmac_from_seq),
      firstBroken: this.broken,
    };
  }
}

/** The row's fields both hash formats cover (format 2 adds its chain, place and actor name). */
function hashedFields(r: LogRow, id: string) {
  return {
    id,
    at: iso(r.at),
    actorId: r.actor_id,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    storeId: r.store_id,
    before: r.before ?? null,
    after: r.after ?? null,
    ip: r.ip,
  };
}
