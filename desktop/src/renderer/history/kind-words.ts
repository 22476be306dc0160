import type { MovementKind, Translator } from '@bazaar/shared';

export function kindLabel(t: Translator, kind: MovementKind): string {
  return t.t(`kind.${kind}`);
}
