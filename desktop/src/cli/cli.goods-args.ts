import { parseMoney, type Pack, type ScaleLayout } from '@bazaar/shared';
import { InvalidArgumentError } from 'commander';
import { cliT } from './cli.i18n';

/** `--pack carton=24:18901063000241@550`: name, base units in one, optional barcode and price (rupees). The core validates the rest. */
export function parsePack(text: string): Pack {
  const m = /^([^=]+)=(\d+)(?::([0-9A-Za-z-]+))?(?:@(.+))?$/.exec(text.trim());
  if (!m) throw new InvalidArgumentError(cliT.t('cli.args.pack', { value: text }));
  let priceMinor: number | null = null;
  try {
    if (m[4] !== undefined) priceMinor = parseMoney(m[4], `pack ${m[1]} price`);
  } catch (err) {
    throw new InvalidArgumentError((err as Error).message);
  }
  return { name: (m[1] ?? '').trim(), qty: Number(m[2]), barcode: m[3] ?? null, priceMinor };
}

/** `--scale 21:5:weight` or `--scale 22:5:price:100`; `none` (alone) clears the layouts. */
export function parseScale(text: string): ScaleLayout | 'none' {
  if (text.trim().toLowerCase() === 'none') return 'none';
  const m = /^(\d{2}):(\d):(weight|price)(?::(1|10|100))?$/.exec(text.trim());
  if (!m) throw new InvalidArgumentError(cliT.t('cli.args.scale', { value: text }));
  return { prefix: m[1] ?? '', itemDigits: Number(m[2]), value: m[3] as 'weight' | 'price', valueStep: Number(m[4] ?? 1) as 1 | 10 | 100 };
}
