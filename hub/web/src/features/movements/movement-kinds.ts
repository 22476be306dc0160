import type { MovementKind } from '@bazaar/shared';

/** A movement's kind in head office's words ("Stock in", "Sale"): on screen and in CSV files alike. */
export { movementKindWord as kindLabel } from '@bazaar/shared';

export const kindTone: Record<MovementKind, 'good' | 'bad' | 'warn' | 'info' | 'neutral'> = {
  IN: 'good',
  TRANSFER_IN: 'good',
  SALE: 'info',
  REMOVE: 'bad',
  TRANSFER_OUT: 'warn',
  COUNT: 'neutral',
  ADJUST: 'warn',
};
