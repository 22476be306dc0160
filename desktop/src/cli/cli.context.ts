import { existsSync } from 'node:fs';
import { DomainError, parseQuantity, type BaseUnit } from '@bazaar/shared';
import type { Command } from 'commander';
import { StoreCore } from '../core/store-core';
import { cliEnv, resolveDbPath } from './cli.env';

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
    throw new DomainError('NOT_FOUND', `no store database at ${path}: create one with \`bazaar-store init --code CODE --name NAME\`, or point --db / BAZAAR_STORE_DB at yours`);
  }
  const core = await StoreCore.open(path);
  try {
    const user = g.user ?? cliEnv.BAZAAR_USER;
    const pin = g.pin ?? cliEnv.BAZAAR_PIN;
    if (user) {
      if (!pin) throw new DomainError('UNAUTHENTICATED', `a PIN is needed for ${user}: --pin or BAZAAR_PIN`);
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

/** Resolve each `SKU:QTY` to a product and a quantity in its base unit, before anything is written. */
export async function parseLines(core: StoreCore, lines: string[]) {
  const out: { product: string; sku: string; unit: BaseUnit; stock: number; qty: number }[] = [];
  for (const [i, text] of lines.entries()) {
    const { ref, qty } = splitLine(text);
    const p = await core.findProduct({ code: ref });
    out.push({ product: p.id, sku: p.sku, unit: p.unit, stock: p.qty, qty: qtyIn(qty, p.unit, `line ${i + 1} (${text})`) });
  }
  return out;
}
