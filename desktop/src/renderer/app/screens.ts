/** The screens of the counter and the function key that opens each from anywhere. */
export const screens = [
  { id: 'counter', label: 'Counter', key: 'F1' },
  { id: 'receive', label: 'Receive stock', key: 'F2' },
  { id: 'remove', label: 'Remove', key: 'F3' },
  { id: 'count', label: 'Count', key: 'F4' },
  { id: 'stock', label: 'Stock', key: 'F5' },
  { id: 'history', label: 'History', key: 'F6' },
  { id: 'sync', label: 'Sync', key: 'F7' },
  { id: 'settings', label: 'Settings', key: 'F8' },
] as const;

export type ScreenId = (typeof screens)[number]['id'];

export function screenForKey(key: string): ScreenId | null {
  return screens.find((s) => s.key === key)?.id ?? null;
}
