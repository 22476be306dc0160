import { existsSync } from 'node:fs';
import { DomainError, formatQuantity, parsePackQuantity, parseQuantity, type BaseUnit, type Pack, type TypedPackQuantity } from '@bazaar/shared';
import type { Command } from 'commander';
import { StoreCore } from '../core/store-core';
import { cliEnv, resolveDbPath } from './cli.env';
import { cliT, adoptStore } from './cli.i18n';

export interface GlobalOptions {
  db?: string;
  json?: boolean;
  user?: string;
  pin?: string;
}

export function globals(cmd: Command): GlobalOptions {
  return cmd.optsWithGlobals<GlobalOptions>();
}

/**
 * Open the store for one command, sign in when a user is given, always close.
 * Only `init` may create a new file: a typo in --db must not silently start an empty store.
 */
export async function withCore<T>(cmd: Command, fn: (core: StoreCore, g: GlobalOptions) => Promise<T>, opts: { create?: boolean } = {}): Promise<T> {
  const g = globals(cmd);
  const path = resolveDbPath(g.db);
  if (!opts.create && !existsSync(path)) {
    throw new DomainError('NOT_FOUND', cliT.t('cli.context.noDb', { path }));
  }
  const core = await StoreCore.open(path);
  try {
    await core.billSettings().then(adoptStore, () => undefined); // a file with no store yet has none
    const user = g.user ?? cliEnv.BAZAAR_USER;
    const pin = g.pin ?? cliEnv.BAZAAR_PIN;
    if (user) {
      if (!pin) throw new DomainError('UNAUTHENTICATED', cliT.t('cli.context.needPin', { user }));
      await core.signIn({ username: user, pin });
    }
    return await fn(core, g);
  } finally {
    await core.close();
  }
}

/** `SKU:QTY` (QTY may carry a unit: 1.25kg, 500g, 2L; a bare QTY is in the price unit). A bare SKU means one of the price unit (1 pc, 1 kg, 1 L). */
export function splitLine(text: string): { ref: string; qty: string } {
  const i = text.lastIndexOf(':');
  if (i <= 0) return { ref: text, qty: '1' };
  return { ref: text.slice(0, i), qty: text.slice(i + 1) };
}

export function qtyIn(text: string, unit: BaseUnit, what: string): number {
  try {
    return parseQuantity(text, unit);
  } catch (err) {
    throw new DomainError('VALIDATION_FAILED', `${what}: ${(err as Error).message}`);
  }
}

export interface ParsedLine {
  product: string;
  sku: string;
  unit: BaseUnit;
  stock: number;
  qty: number;
  /** Named as packs (a pack's barcode, or "3 cartons"): which pack and how many. */
  pack: { name: string; qty: number; count: number } | null;
  /** From a price-embedded scale label. */
  labelPriceMinor: number | null;
}

/**
 * Resolve each `CODE:QTY` to a product and a quantity in its base unit, before anything is
 * written. CODE may be a pack's barcode (QTY then counts packs: `18901063000241:2` is two
 * cartons) or a label scale's barcode (the label says the weight; no QTY); QTY may name a pack
 * of the product (`PARLE-G:3cartons`).
 */
export async function parseLines(core: StoreCore, lines: string[]): Promise<ParsedLine[]> {
  const out: ParsedLine[] = [];
  for (const [i, text] of lines.entries()) {
    const { ref, qty } = splitLine(text);
    const what = `line ${i + 1} (${text})`;
    const scan = await core.scanCode({ code: ref });
    const p = scan.product;
    const base = { product: p.id, sku: p.sku, unit: p.unit, stock: p.qty };
    if (scan.pack) {
      const count = qtyIn(qty, 'pc', what);
      if (count < 1) throw new DomainError('VALIDATION_FAILED', cliT.t('cli.lines.packCount', { line: what, code: ref, pack: scan.pack.name }));
      out.push({ ...base, qty: count * scan.pack.qty, pack: { name: scan.pack.name, qty: scan.pack.qty, count }, labelPriceMinor: null });
    } else if (scan.qty !== null) {
      if (text.includes(':')) throw new DomainError('VALIDATION_FAILED', cliT.t('cli.lines.labelQty', { line: what }));
      out.push({ ...base, qty: scan.qty, pack: null, labelPriceMinor: scan.labelPriceMinor });
    } else {
      const typed = packQtyIn(qty, p.unit, p.packs, what);
      out.push({ ...base, qty: typed.qty, pack: typed.pack, labelPriceMinor: null });
    }
  }
  return out;
}

export function packQtyIn(text: string, unit: BaseUnit, packs: readonly Pack[], what: string): TypedPackQuantity {
  try {
    return parsePackQuantity(text, unit, packs);
  } catch (err) {
    throw new DomainError('VALIDATION_FAILED', `${what}: ${(err as Error).message}`);
  }
}

/** "1 carton (24 pc)", or the quantity alone. */
export function qtyText(qty: number, unit: BaseUnit, pack: { name: string; count: number } | null | undefined): string {
  return pack ? `${pack.count} ${pack.name} (${formatQuantity(qty, unit)})` : formatQuantity(qty, unit);
}
