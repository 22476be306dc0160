import type { BillKind, PaymentMethod } from '../bills/bill.schema';
import type { BillViewStatus } from '../bills/bill.view.schema';
import type { MovementKind } from '../domain/movements.schema';
import type { StockStatus } from '../domain/stock.schema';
import type { MessageKey } from './catalog/catalogs';
import type { Translator } from './translator';

/**
 * The words people read for the codes the API speaks (a movement's kind, a bill's status, a
 * payment method, a removal reason…), as head office's screens write them, in the reader's
 * language: what every screen and every CSV a person opens shows instead of "SALE" or "upi".
 */

// Head office writes "Stock in" where the counter's button says "Stock-in".
const movementKindKey: Record<MovementKind, MessageKey> = {
  IN: 'web.kind.IN',
  SALE: 'kind.SALE',
  REMOVE: 'kind.REMOVE',
  COUNT: 'kind.COUNT',
  ADJUST: 'kind.ADJUST',
  TRANSFER_OUT: 'kind.TRANSFER_OUT',
  TRANSFER_IN: 'kind.TRANSFER_IN',
};

export const movementKindWord = (t: Translator, kind: MovementKind): string => t.t(movementKindKey[kind]);

/** Applied, or "rejected: <why>". */
export const movementStatusWord = (t: Translator, status: 'applied' | 'rejected', rejectReason?: string | null): string =>
  status === 'rejected' ? t.t('web.movements.rejectedWhy', { reason: rejectReason ?? '' }) : t.t('web.drill.applied');

const removalReasonKey: Record<string, MessageKey> = {
  damage: 'remove.reason.damage',
  expiry: 'remove.reason.expiry',
  theft: 'remove.reason.theft',
  other: 'remove.reason.other',
  count: 'web.margins.reason.count',
};

/** A removal's reason (or shrinkage's "count"); text that is no code (a free-typed reason) stays as typed. */
export const removalReasonWord = (t: Translator, reason: string | null | undefined): string => {
  if (reason === null || reason === undefined || reason === '') return '';
  const key = removalReasonKey[reason];
  return key ? t.t(key) : reason;
};

export const stockStatusWord = (t: Translator, status: StockStatus): string => t.t(status === 'out' ? 'web.stock.out' : `stock.${status}`);
export const billStatusWord = (t: Translator, s: BillViewStatus): string => t.t(`web.bills.status.${s}` satisfies MessageKey);
export const billKindWord = (t: Translator, k: BillKind): string => t.t(`web.bills.kind.${k}` satisfies MessageKey);
export const paymentMethodWord = (t: Translator, m: PaymentMethod): string => t.t(`web.bills.method.${m}` satisfies MessageKey);
export const shiftStatusWord = (t: Translator, s: 'open' | 'closed'): string => t.t(`web.shifts.status.${s}` satisfies MessageKey);
export const expiryStatusWord = (t: Translator, s: 'expired' | 'expiring'): string => t.t(`web.expiry.${s}` satisfies MessageKey);

/** Where a movement stands with the hub, as the counter says it (a duplicate was applied before). */
export const movementSyncWord = (t: Translator, s: 'pending' | 'applied' | 'duplicate' | 'rejected'): string =>
  t.t(s === 'pending' ? 'history.sync.pending' : s === 'rejected' ? 'history.sync.rejected' : 'history.sync.applied');
