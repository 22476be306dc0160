import { movementKinds, type MovementKind } from '@bazaar/shared';
import { InvalidArgumentError } from 'commander';
import { cliT } from './cli.i18n';

export const MOVEMENT_KINDS = movementKinds;

/** `--kind sale`, `--kind Sale` and `--kind SALE` are the same kind. */
export function parseKind(value: string): MovementKind {
  const kind = value.trim().toUpperCase().replace(/-/g, '_');
  const found = movementKinds.find((k) => k === kind);
  if (!found) throw new InvalidArgumentError(cliT.t('cli.args.notKind', { value, kinds: movementKinds.join(', ') }));
  return found;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A day (`2026-12-01`, the counter's local day) or an ISO date-time with an offset. A day as
 * `--from` starts at its local midnight; as `--to` it includes the whole day (up to the next
 * local midnight, exclusive). Answers an ISO instant.
 */
export function parseWhen(value: string, side: 'from' | 'to'): string {
  const v = value.trim();
  const day = DAY.exec(v);
  if (day) {
    const [y, m, d] = [Number(day[1]), Number(day[2]), Number(day[3])];
    const start = new Date(y, m - 1, d + (side === 'to' ? 1 : 0));
    if (start.getFullYear() < 2000 || Number.isNaN(start.getTime()) || new Date(y, m - 1, d).getDate() !== d) {
      throw new InvalidArgumentError(cliT.t('cli.args.notDay', { value }));
    }
    return start.toISOString();
  }
  const at = new Date(v);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(v) || Number.isNaN(at.getTime())) {
    throw new InvalidArgumentError(cliT.t('cli.args.notWhen', { value }));
  }
  return at.toISOString();
}
