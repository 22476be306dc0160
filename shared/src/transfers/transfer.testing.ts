import { uuidv7 } from '../ids/uuidv7';
import type { Transfer } from './transfer.schema';

const FROM = '0190a000-0000-7000-8000-000000000001';
const TO = '0190a000-0000-7000-8000-000000000002';

/** A draft of `qtys.length` lines (products p0…) from store FROM to store TO, for tests. */
export function draftTransfer(qtys: readonly number[], over: Partial<Transfer> = {}): Transfer {
  return {
    id: uuidv7(Date.parse('2026-03-01T08:00:00Z')),
    number: 'LHR-01-HO-T000001',
    origin: 'hub',
    counterCode: 'HO',
    counterNo: 1,
    fromStoreId: FROM,
    toStoreId: TO,
    status: 'draft',
    note: null,
    lines: qtys.map((q, i) => ({
      lineNo: i + 1,
      productId: `0190a000-0000-7000-8000-1000000000${String(i).padStart(2, '0')}`,
      sku: `P${i}`,
      name: `Product ${i}`,
      unit: 'pc',
      qtySent: q,
      qtyReceived: null,
      qtyDamaged: 0,
    })),
    createdAt: '2026-03-01T08:00:00.000Z',
    createdBy: { id: null, name: 'head office' },
    dispatchedAt: null,
    dispatchedBy: null,
    receivedAt: null,
    receivedBy: null,
    closedAt: null,
    closedBy: null,
    cancelledAt: null,
    ...over,
  };
}
