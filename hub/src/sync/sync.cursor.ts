import { DomainError } from '@bazaar/shared';
import { z } from 'zod';
import { decodeCursor, encodeCursor } from '../http/cursor';

/** What a pull sends, in this order; each kind is paged by (version, id). */
export const PULL_KINDS = ['suppliers', 'products', 'remaps', 'staff', 'stock'] as const;
export type PullKind = (typeof PULL_KINDS)[number];
export const PULL_DONE = PULL_KINDS.length;

/**
 * A pull round sends every row whose change version lies in (from, to] of its scope: the
 * catalog scope for suppliers, products, remaps and staff, the store's scope for its stock.
 * `to` and `includesSeq` are read once, in the round's first snapshot, and carried in the
 * cursor, so every page of a round describes one consistent point in time.
 */
export interface PullCursor {
  catalogFrom: number;
  catalogTo: number;
  storeFrom: number;
  storeTo: number;
  includesSeq: number;
  /** Index into PULL_KINDS of the kind being paged; PULL_DONE when the round is complete. */
  phase: number;
  lastVersion: number;
  lastId: string;
}

const version = z.number().int().min(-1).max(Number.MAX_SAFE_INTEGER);
const tupleSchema = z.tuple([version, version, version, version, version, z.number().int().min(0).max(PULL_DONE), version, z.string().max(36)]);

export function encodePullCursor(c: PullCursor): string {
  return encodeCursor([c.catalogFrom, c.catalogTo, c.storeFrom, c.storeTo, c.includesSeq, c.phase, c.lastVersion, c.lastId]);
}

export function decodePullCursor(text: string | undefined): PullCursor | undefined {
  const t = decodeCursor(text, tupleSchema);
  if (!t) return undefined;
  const [catalogFrom, catalogTo, storeFrom, storeTo, includesSeq, phase, lastVersion, lastId] = t;
  if (catalogFrom > catalogTo || storeFrom > storeTo) throw new DomainError('INVALID_CURSOR', 'cursor: not a cursor this API issued');
  return { catalogFrom, catalogTo, storeFrom, storeTo, includesSeq, phase, lastVersion, lastId };
}
