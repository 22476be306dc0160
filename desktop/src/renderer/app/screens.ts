import type { MessageKey } from '@bazaar/shared';

/**
 * The screens of the counter and the key that opens each from anywhere. F1–F12 are taken, so
 * Purchases and Transfers sit on Shift with the screen they belong beside: Shift+F2 next to
 * Receive stock (a supplier's bill), Shift+F3 next to Remove (stock that leaves for another store),
 * Shift+F1 next to the Counter (the khata: customers who buy on credit).
 */
export const screens = [
  { id: 'counter', label: 'counter.nav.counter', key: 'F1' },
  { id: 'khata', label: 'counter.nav.khata', key: 'F1', shift: true },
  { id: 'receive', label: 'counter.nav.receive', key: 'F2' },
  { id: 'purchases', label: 'counter.nav.purchases', key: 'F2', shift: true },
  { id: 'remove', label: 'counter.nav.remove', key: 'F3' },
  { id: 'transfers', label: 'counter.nav.transfers', key: 'F3', shift: true },
  { id: 'count', label: 'counter.nav.count', key: 'F4' },
  { id: 'stock', label: 'counter.nav.stock', key: 'F5' },
  { id: 'history', label: 'counter.nav.history', key: 'F6' },
  { id: 'sync', label: 'counter.nav.sync', key: 'F7' },
  { id: 'settings', label: 'counter.nav.settings', key: 'F8' },
  { id: 'returns', label: 'counter.nav.returns', key: 'F11' },
  { id: 'shift', label: 'counter.nav.shift', key: 'F12' },
] as const satisfies readonly { id: string; label: MessageKey; key: string; shift?: boolean }[];

export type ScreenId = (typeof screens)[number]['id'];

/** Where the rail draws its line: the selling and stock-moving screens above, the rest below. */
export const firstBelowLine: ScreenId = 'stock';

export function screenForKey(key: string, shift = false): ScreenId | null {
  return screens.find((s) => s.key === key && ('shift' in s) === shift)?.id ?? null;
}

/** The key cap a screen shows: "F2", or "⇧F2" with Shift. */
export function keyCap(s: (typeof screens)[number]): string {
  return 'shift' in s ? `⇧${s.key}` : s.key;
}
