import type { MovementKind } from '@bazaar/shared';

export const kindLabel: Record<MovementKind, string> = {
  IN: 'Stock in',
  SALE: 'Sale',
  REMOVE: 'Removal',
  COUNT: 'Count',
  ADJUST: 'Adjustment',
  TRANSFER_OUT: 'Transfer out',
  TRANSFER_IN: 'Transfer in',
};

export const kindTone: Record<MovementKind, 'good' | 'bad' | 'warn' | 'info' | 'neutral'> = {
  IN: 'good',
  TRANSFER_IN: 'good',
  SALE: 'info',
  REMOVE: 'bad',
  TRANSFER_OUT: 'warn',
  COUNT: 'neutral',
  ADJUST: 'warn',
};
