import type { MessageKey } from '@bazaar/shared';

/** The screens of the counter and the function key that opens each from anywhere. */
export const screens = [
  { id: 'counter', label: 'counter.nav.counter', key: 'F1' },
  { id: 'receive', label: 'counter.nav.receive', key: 'F2' },
  { id: 'remove', label: 'counter.nav.remove', key: 'F3' },
  { id: 'count', label: 'counter.nav.count', key: 'F4' },
  { id: 'stock', label: 'counter.nav.stock', key: 'F5' },
  { id: 'history', label: 'counter.nav.history', key: 'F6' },
  { id: 'sync', label: 'counter.nav.sync', key: 'F7' },
  { id: 'settings', label: 'counter.nav.settings', key: 'F8' },
  { id: 'returns', label: 'counter.nav.returns', key: 'F11' },
  { id: 'shift', label: 'counter.nav.shift', key: 'F12' },
] as const satisfies readonly { id: string; label: MessageKey; key: string }[];

export type ScreenId = (typeof screens)[number]['id'];

export function screenForKey(key: string): ScreenId | null {
  return screens.find((s) => s.key === key)?.id ?? null;
}
