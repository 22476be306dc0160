import { createInterface } from 'node:readline/promises';
import { formatQuantity, isLargeStockChange, type BaseUnit } from '@bazaar/shared';
import { EXIT, ExitWith } from './cli.output';
import { cliT } from './cli.i18n';

export interface StockChange {
  sku: string;
  unit: BaseUnit;
  before: number;
  after: number;
}

/**
 * Before a count or removal that changes stock a lot (the shared rule), show before → after in
 * display units and ask. Nothing is written unless the person answers yes, or passed --yes;
 * without a terminal to ask on (a script), it stops with exit 10 and says to pass --yes.
 */
export async function confirmLargeChanges(changes: StockChange[], kind: 'count' | 'remove', yes: boolean): Promise<void> {
  const large = changes.filter((c) => isLargeStockChange(c.before, c.after, c.unit, kind));
  if (large.length === 0 || yes) return;
  const lines = large.map((c) => `  ${c.sku}: ${formatQuantity(c.before, c.unit)} → ${formatQuantity(c.after, c.unit)}${c.after < 0 ? cliT.t('cli.confirm.belowZero') : ''}`);
  await askToGoOn(
    cliT.t(kind === 'count' ? 'cli.confirm.countLarge' : 'cli.confirm.removeLarge', { lines: lines.join('\n') }),
    cliT.t('cli.confirm.noTerminal'),
    cliT.t('cli.confirm.ask'),
    cliT.t('cli.confirm.declined'),
  );
}

/**
 * Say what is about to happen and ask on the terminal; anything but yes stops with exit 10.
 * Without a terminal (a script) it stops at once with `noTerminal`, which says how to pass --yes.
 */
export async function askToGoOn(what: string, noTerminal: string, question: string, refused: string): Promise<void> {
  process.stderr.write(what);
  if (!process.stdin.isTTY) {
    process.stderr.write(noTerminal);
    throw new ExitWith(EXIT.NOT_CONFIRMED);
  }
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  const answer = await rl.question(question);
  rl.close();
  if (!/^y(es)?$/i.test(answer.trim())) {
    process.stderr.write(refused);
    throw new ExitWith(EXIT.NOT_CONFIRMED);
  }
}
