import type { MovementKind } from '@bazaar/shared';

const labels: Record<MovementKind, string> = {
  IN: 'Stock-in',
  SALE: 'Sale',
  REMOVE: 'Removal',
  COUNT: 'Count',
  ADJUST: 'Adjustment',
  TRANSFER_OUT: 'Transfer out',
  TRANSFER_IN: 'Transfer in',
};

export function kindLabel(kind: MovementKind): string {
  return labels[kind];
}
