import type { MessageKey, MovementKind, Translator } from '@bazaar/shared';

// Head office writes "Stock in" where the counter's button says "Stock-in".
const kindKey: Record<MovementKind, MessageKey> = {
  IN: 'web.kind.IN',
  SALE: 'kind.SALE',
  REMOVE: 'kind.REMOVE',
  COUNT: 'kind.COUNT',
  ADJUST: 'kind.ADJUST',
  TRANSFER_OUT: 'kind.TRANSFER_OUT',
  TRANSFER_IN: 'kind.TRANSFER_IN',
};

export function kindLabel(t: Translator, kind: MovementKind): string {
  return t.t(kindKey[kind]);
}

export const kindTone: Record<MovementKind, 'good' | 'bad' | 'warn' | 'info' | 'neutral'> = {
  IN: 'good',
  TRANSFER_IN: 'good',
  SALE: 'info',
  REMOVE: 'bad',
  TRANSFER_OUT: 'warn',
  COUNT: 'neutral',
  ADJUST: 'warn',
};
