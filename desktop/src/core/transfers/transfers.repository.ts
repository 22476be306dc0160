import { DomainError, transferSchema, type Transfer, type TransferStore, parseMinorJson } from '@bazaar/shared';
import type Database from 'better-sqlite3';
import { prepared } from '../db/prepared';
import type { TransfersTable } from '../db/db.types';
import type { TransferCounterView } from './transfers.api';

type Row = Omit<TransfersTable, 'version' | 'pushed_version'> & { version: number; pushed_version: number };

const upsert = `INSERT INTO transfers (id, number, origin, counter_code, counter_no, from_store_id, to_store_id, status, doc_json, version, pushed_version, created_at, updated_at)
  VALUES (@id, @number, @origin, @counter_code, @counter_no, @from_store_id, @to_store_id, @status, @doc_json, @version, @pushed_version, @created_at, @updated_at)
  ON CONFLICT (id) DO UPDATE SET status = excluded.status, doc_json = excluded.doc_json, version = excluded.version, updated_at = excluded.updated_at`;

export function docOf(row: Pick<Row, 'doc_json'>): Transfer {
  return transferSchema.parse(parseMinorJson(row.doc_json));
}

/** By number (as printed, any case) or id. */
export function findTransferSync(raw: Database.Database, ref: string): { row: Row; doc: Transfer } {
  const r = ref.trim();
  const row = (prepared(raw, 'SELECT * FROM transfers WHERE id = ?').get(r.toLowerCase()) ??
    prepared(raw, 'SELECT * FROM transfers WHERE number = ?').get(r.toUpperCase().replace(/\s+/g, ''))) as Row | undefined;
  if (!row) throw new DomainError('NOT_FOUND', `no transfer ${r} at this counter (a sync brings those of head office)`);
  return { row, doc: docOf(row) };
}

/** Store the document as it is now; `acted` = a local act the hub has yet to hear of. */
export function saveTransferSync(raw: Database.Database, doc: Transfer, at: string, acted: boolean, prev?: Pick<Row, 'version' | 'pushed_version'>): void {
  const version = (prev?.version ?? 0) + (acted ? 1 : 0);
  prepared(raw, upsert).run({
    id: doc.id,
    number: doc.number,
    origin: doc.origin,
    counter_code: doc.counterCode,
    counter_no: doc.counterNo,
    from_store_id: doc.fromStoreId,
    to_store_id: doc.toStoreId,
    status: doc.status,
    doc_json: JSON.stringify(doc),
    version,
    pushed_version: prev?.pushed_version ?? 0,
    created_at: doc.createdAt,
    updated_at: at,
  });
}

export function storeByIdSync(raw: Database.Database, id: string): TransferStore | null {
  return (prepared(raw, 'SELECT id, code, name FROM transfer_stores WHERE id = ?').get(id) as TransferStore | undefined) ?? null;
}

export function viewOf(raw: Database.Database, doc: Transfer, myStoreId: string): TransferCounterView {
  const direction = doc.fromStoreId === myStoreId ? 'out' : 'in';
  return { transfer: doc, direction, otherStore: storeByIdSync(raw, direction === 'out' ? doc.toStoreId : doc.fromStoreId) };
}
